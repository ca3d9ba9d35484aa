// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH02 on the emulated CHF: read the CHF Sub GHz Channel Log (comms-hub/sub-ghz-channel-log.ts)
 * for the command's period, both ends included, oldest first. Protection as RTDS
 * DBCH02_6.32_SUCCESS_RESPONSE: MAC, no signature, no header date-time, the command's
 * supplementary remote party carried back. Refused by a firmware fault: hardware-fault
 * [I: RTDS DBCH02_6.32_ERROR_RESPONSE] (or the result the fault names).
 */
import { DataAccessResults } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { dbch02, type Dbch02Response } from '../../harness/protocol/gbcs/payload/use-cases/dbch02.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

export const dbch02OnChf = emulateUseCase(dbch02, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(DataAccessResults.entries, 'hardware-fault'),
  refuse: (_command, result) => ({ ok: false, result }) as Dbch02Response,

  respond(command, { premises }): Dbch02Response {
    return { ok: true, entries: premises.chf.subGhzChannelLog.between(command.from, command.to) };
  },
});
