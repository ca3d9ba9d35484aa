// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS01 on the emulated CHF: add a device to the Device Log with its install code and join
 * window (the device log change then raises CS14 0x8F12, and a meter of the premises that is
 * not yet joined tries to join). Protection as RTDS CCS01_8.11_SUCCESS_RESPONSE: MAC, no
 * signature, no header date-time, the command's supplementary remote party carried back.
 * Assumptions [P]: joining disabled means a closed window (timeout 0); a full Device Log
 * answers the register-device action with other-reason. Refused (a firmware fault): the Device
 * Log is left as it is and all three results carry the refusal (default read-write-denied, a
 * name both the action and the set results have).
 */
import { bytesToHex } from '../../harness/protocol/gbcs/hex.ts';
import { ActionResults, type ActionResult, type DataAccessResult } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { ccs01, type Ccs01Response } from '../../harness/protocol/gbcs/payload/use-cases/ccs01.ts';
import type { DeviceType } from '../device.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

/** CCS01 device type codes the emulators can name (RTDS adds an ESME with 1). */
const DEVICE_TYPE_BY_CODE: Readonly<Record<number, DeviceType>> = { 1: 'ESME' };

export const ccs01OnChf = emulateUseCase(ccs01, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(ActionResults.entries, 'read-write-denied'),
  refuse: (_command, result): Ccs01Response => ({
    registerDevice: result as ActionResult,
    setJoinTimeout: result as DataAccessResult,
    setEnableJoining: result as DataAccessResult,
  }),

  respond(command, { premises }): Ccs01Response {
    const outcome = premises.chf.addDevice({
      eui: command.deviceId,
      deviceType: premises.device(command.deviceId)?.deviceType ?? DEVICE_TYPE_BY_CODE[command.deviceType] ?? null,
      installCode: bytesToHex(command.installCode),
      joinTimeoutMs: command.enableJoining ? command.joinTimeoutSeconds * 1000 : 0,
    });
    return { registerDevice: outcome.ok ? 'success' : 'other-reason', setJoinTimeout: 'success', setEnableJoining: 'success' };
  },
});
