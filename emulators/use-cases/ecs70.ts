// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS70 on the emulated ESME: set clock (SRV 8.1.1 commission, critical: the command must carry
 * the originating user's GBCS signature, checked by command-handler.ts). Protection of the
 * response as RTDS ECS70Commission_8.1.1_SUCCESS_RESPONSE: signed by the ESME (signature
 * length 40), no MAC, no header date-time.
 *
 * [P] The emulated ESME's clock is the virtual clock (it never drifts), so setting it changes
 * nothing: the ESME checks that its time lies inside the command's validity interval
 * [validityStart, validityEnd] (the DCC makes it CurrentDateTime + TolerancePeriod, 60 s for
 * an ESME) and answers success with its time and status 00; outside the interval it does not
 * adjust (adjust_to_preset_time: other-reason) and still reports its time. Refused [P]: the
 * adjust action's result other-reason (or the result a fault names), nothing set.
 */
import { cosemDateTimeFromDate, cosemDateTimeToDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ActionResults, type ActionResult } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { ecs70, type Ecs70Command, type Ecs70Response } from '../../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { emulateUseCase, failureNames, type ResponseContext } from './emulated-use-case.ts';

function answer(command: Ecs70Command, adjust: ActionResult, { premises }: ResponseContext): Ecs70Response {
  const now = premises.clock.now();
  return {
    setClockBase: adjust === 'success' ? 'success' : 'other-reason',
    presetAdjustingTime: adjust === 'success' ? 'success' : 'other-reason',
    adjustToPresetTime: adjust,
    time: { ok: true, value: cosemDateTimeFromDate(new Date(now)) },
    status: { ok: true, value: 0 },
  };
}

/** Whether `nowMs` lies in the command's validity interval (an unreadable bound: no). */
export function insideValidity(command: Ecs70Command, nowMs: number): boolean {
  const start = cosemDateTimeToDate(command.validityStart)?.getTime();
  const end = cosemDateTimeToDate(command.validityEnd)?.getTime();
  return start !== undefined && end !== undefined && start <= nowMs && nowMs <= end;
}

export const ecs70OnEsme = emulateUseCase(ecs70, {
  targets: ['ESME'],
  command: { sign: true },
  response: { mac: false, sign: true, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(ActionResults.entries, 'other-reason'),
  refuse: (command, result, context) => answer(command, result as ActionResult, context),

  respond(command, context) {
    return answer(command, insideValidity(command, context.premises.clock.now()) ? 'success' : 'other-reason', context);
  },
});
