// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS28 on the emulated GSME: set clock (SRV 8.1.1 commission, critical: the command must carry
 * the originating user's GBCS signature, checked by command-handler.ts). It waits in the CHF's
 * sleepy buffer and is acted on at the GSME's next wake. Response protection as RTDS
 * GCS28Commission_8.1.1_SUCCESS_RESPONSE: signed by the GSME, no MAC, no header date-time.
 *
 * [P] The emulated GSME's clock is the virtual clock (it never drifts): when its time lies inside
 * the validity interval (the DCC makes it CurrentDateTime + TolerancePeriod, 3600 s for a GSME)
 * it answers result 0 with its time; outside, result 2 (as the RTDS ERROR response) and its
 * time, clock not adjusted. Refused (a firmware fault): result 2, or the fault's result as a
 * number.
 */
import { gcs28, gcs28Time, type Gcs28Command, type Gcs28Response } from '../../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { emulateUseCase, type ResponseContext } from './emulated-use-case.ts';

/** Result 2: outside the validity interval (RTDS GCS28Commission_8.1.1_ERROR_RESPONSE) [P]. */
export const GCS28_OUTSIDE_VALIDITY = 2;

function answer(result: number, { premises }: ResponseContext): Gcs28Response {
  return { time: gcs28Time(premises.clock.now()), result };
}

function inside(command: Gcs28Command, nowMs: number): boolean {
  const start = Date.parse(command.validityStart);
  const end = Date.parse(command.validityEnd);
  return Number.isFinite(start) && Number.isFinite(end) && start <= nowMs && nowMs <= end;
}

export const gcs28OnGsme = emulateUseCase(gcs28, {
  targets: ['GSME'],
  command: { sign: true },
  response: { mac: false, sign: true, dateTime: null },
  innerEncryption: false,

  refusalResults: ['2', '1', '3'],
  refuse: (_command, result, context) => answer(Number(result), context),

  respond(command, context) {
    return answer(inside(command, context.premises.clock.now()) ? 0 : GCS28_OUTSIDE_VALIDITY, context);
  },
});
