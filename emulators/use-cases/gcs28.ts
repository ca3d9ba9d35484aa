// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS28 on the emulated GSME: set clock (SRV 8.1.1 commission and SRV 6.11 synchronise clock,
 * both critical: the command must carry the originating user's GBCS signature, checked by
 * command-handler.ts). It waits in the CHF's sleepy buffer and is acted on at the GSME's next
 * wake. Response protection as RTDS GCS28Commission_8.1.1_SUCCESS_RESPONSE (and
 * GCS28_6.11_SUCCESS_RESPONSE, the same bytes): signed by the GSME, no MAC, no header date-time.
 *
 * [P] As ECS70 (ecs70.ts): the GSME takes the comms hub's time (the virtual clock) and sets its
 * own clock (meters/device-clock.ts) to it when it lies inside the validity interval (the DCC
 * makes it CurrentDateTime + TolerancePeriod, 3600 s for a GSME): result 0 and its time after
 * the command. Outside: result 2 (as the RTDS ERROR response, whose time lies before the
 * interval) and its own time, clock not adjusted. Refused (a firmware fault): result 2, or the
 * fault's result as a number, clock not adjusted.
 */
import { gcs28, gcs28Time, type Gcs28Command, type Gcs28Response } from '../../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { Gsme } from '../meters/gsme.ts';
import { emulateUseCase, type ResponseContext } from './emulated-use-case.ts';

/** Result 2: outside the validity interval (RTDS GCS28Commission_8.1.1_ERROR_RESPONSE) [P]. */
export const GCS28_OUTSIDE_VALIDITY = 2;

function answer(result: number, { device, premises }: ResponseContext): Gcs28Response {
  return { time: gcs28Time(device.timeAt(premises.clock.now())), result };
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
    const { device, premises } = context;
    if (!(device instanceof Gsme)) throw new Error(`GCS28 reached a ${device.deviceType}`);
    const hubTime = premises.clock.now();
    if (!inside(command, hubTime)) return answer(GCS28_OUTSIDE_VALIDITY, context);
    device.deviceClock.set(hubTime, hubTime);
    return answer(0, context);
  },
});
