// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS70 on the emulated ESME: set clock (SRV 8.1.1 commission and SRV 6.11 synchronise clock,
 * both critical: the command must carry the originating user's GBCS signature, checked by
 * command-handler.ts). Protection of the response as RTDS ECS70Commission_8.1.1_SUCCESS_RESPONSE
 * (and ECS70_6.11_SUCCESS_RESPONSE, the same bytes): signed by the ESME (signature length 40),
 * no MAC, no header date-time.
 *
 * [P] The command gives no time (preset_time "not specified"): the ESME takes the time of the
 * HAN's time source, the comms hub (the virtual clock), and adjusts its own clock
 * (meters/device-clock.ts) to it when that time lies inside the command's validity interval
 * [validityStart, validityEnd] (the DCC makes it CurrentDateTime + TolerancePeriod, 60 s for an
 * ESME); it answers success, its time after the command and status 00. Outside the interval it
 * does not adjust (adjust_to_preset_time: other-reason) and reports its own, unadjusted time —
 * as RTDS ECS70_6.11_ERROR shows no adjustment. So a 6.11 brings a drifting clock back; a
 * request whose CurrentDateTime is off by more than the tolerance changes nothing.
 * Refused (a firmware fault): the adjust action's result other-reason (or the result the fault
 * names), nothing set.
 */
import { cosemDateTimeFromDate, cosemDateTimeToDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ActionResults, type ActionResult } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { ecs70, type Ecs70Command, type Ecs70Response } from '../../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { Esme } from '../meters/esme.ts';
import { emulateUseCase, failureNames, type ResponseContext } from './emulated-use-case.ts';

function answer(adjust: ActionResult, { device, premises }: ResponseContext): Ecs70Response {
  return {
    setClockBase: adjust === 'success' ? 'success' : 'other-reason',
    presetAdjustingTime: adjust === 'success' ? 'success' : 'other-reason',
    adjustToPresetTime: adjust,
    time: { ok: true, value: cosemDateTimeFromDate(new Date(device.timeAt(premises.clock.now()))) },
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
  refuse: (_command, result, context) => answer(result as ActionResult, context),

  respond(command, context) {
    const { device, premises } = context;
    if (!(device instanceof Esme)) throw new Error(`ECS70 reached a ${device.deviceType}`);
    const hubTime = premises.clock.now();
    if (!insideValidity(command, hubTime)) return answer('other-reason', context);
    device.deviceClock.set(hubTime, hubTime);
    return answer('success', context);
  },
});
