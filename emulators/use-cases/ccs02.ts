// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS02 on the emulated CHF: remove a device from the Device Log; it goes to the Historic Device
 * Log (15 entries, the oldest overwritten: comms-hub/device-log.ts), the CHF no longer routes to
 * it, and the change raises CS14 0x8F12 listing the Device Log without it. Protection as RTDS
 * CCS02_8.11_SUCCESS_RESPONSE: MAC, no signature, no header date-time, the command's
 * supplementary remote party carried back. Assumption [P]: removing a device that is not in the
 * Device Log answers other-reason (RTDS shows only a hardware-fault error). Refused (a firmware
 * fault): the Device Log is left as it is; default result read-write-denied.
 */
import { ActionResults, type ActionResult } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { ccs02, type Ccs02Response } from '../../harness/protocol/gbcs/payload/use-cases/ccs02.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

export const ccs02OnChf = emulateUseCase(ccs02, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(ActionResults.entries, 'read-write-denied'),
  refuse: (_command, result): Ccs02Response => ({ unregisterDevice: result as ActionResult }),

  respond(command, { premises }): Ccs02Response {
    const removed = premises.chf.removeDevice(command.deviceId);
    return { unregisterDevice: removed ? 'success' : 'other-reason' };
  },
});
