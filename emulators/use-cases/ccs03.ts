// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS03 on the emulated CHF: restore the CHF Device Log from the entries the DCC sends (devices
 * and their key material). What the restore writes, and what it leaves, is the CHF's
 * (comms-hub/chf.ts `restoreDeviceLog`): devices not in the Device Log are added as joined and
 * leave the Historic Device Log, devices already there are kept as they are; when anything was
 * added the Device Log change raises CS14 0x8F12, as CCS01 does [P: GBCS raises 0x8F12 on every
 * Device Log change, DOMAIN.md]. Protection as RTDS CCS03_8.12.1_SUCCESS_RESPONSE: MAC, no
 * signature, no header date-time, the command's supplementary remote party carried back.
 * [P] New entries that do not all fit in the Device Log: other-reason, nothing written. The log
 * identifier is not checked (its meaning is not public). Refused (a firmware fault): nothing is
 * written; default result read-write-denied.
 */
import { bytesToHex } from '../../harness/protocol/gbcs/hex.ts';
import { ActionResults, type ActionResult } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { ccs03, type Ccs03Response } from '../../harness/protocol/gbcs/payload/use-cases/ccs03.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

export const ccs03OnChf = emulateUseCase(ccs03, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(ActionResults.entries, 'read-write-denied'),
  refuse: (_command, result): Ccs03Response => ({ restoreDeviceLog: result as ActionResult }),

  respond(command, { premises }): Ccs03Response {
    const outcome = premises.chf.restoreDeviceLog(
      command.devices.map((d) => ({ eui: d.deviceId, deviceType: premises.device(d.deviceId)?.deviceType ?? null, keyHash: bytesToHex(d.keyHash) })),
    );
    return { restoreDeviceLog: outcome.ok ? 'success' : 'other-reason' };
  },
});
