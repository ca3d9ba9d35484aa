// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CS06 on the emulated ESME, GSME and CHF: activate firmware (SRV 11.3, critical: the command
 * must carry the originating user's GBCS signature, checked by command-handler.ts; the GSME acts
 * on it at its next wake). What the device does: firmware-activation.ts — immediately (the
 * response carries the outcome: success and the new version, or no image held / hash mismatch and
 * the version it still runs), future-dated (the response says "accepted", the 0x00CA alert tells
 * the outcome when the time comes) or cancelled (ExecutionDateTime 9999-12-31 23:59:59: the
 * pending activation is removed; "accepted").
 * Response protection as RTDS CS06_11.3_*_RESPONSE: signed by the device, no MAC, header
 * date-time present (the device's clock, clock status not specified).
 * Refused (a firmware fault): the outcome the fault names (default activation failure) with the
 * version the device runs, nothing activated or scheduled.
 */
import { ActivateFirmwareResults, CS06_CANCELLATION_DATE_TIME, cs06, type ActivateFirmwareResult } from '../../harness/protocol/gbcs/payload/use-cases/cs06.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

export const cs06OnDevices = emulateUseCase(cs06, {
  targets: ['ESME', 'GSME', 'CHF'],
  command: { sign: true },
  response: { mac: false, sign: true, dateTime: { clockStatus: null } },
  innerEncryption: false,

  refusalResults: failureNames(ActivateFirmwareResults.entries, 'activation-failure'),
  refuse: (_command, result, { device }) => ({ kind: 'outcome', result: result as ActivateFirmwareResult, firmwareVersion: device.firmwareVersion }),

  respond(command, { device, premises, command: frame }) {
    const activation = premises.firmwareActivation;
    const act = { originator: frame.originator, originatorCounter: command.originatorCounter, imageHash: command.manufacturerImageHash };
    if (command.executionDateTime === null) return { kind: 'outcome', ...activation.activateNow(device, act) };
    if (command.executionDateTime === CS06_CANCELLATION_DATE_TIME) activation.cancel(device);
    else activation.schedule(device, act, Date.parse(command.executionDateTime));
    return { kind: 'accepted' };
  },
});
