// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH01 on the emulated CHF: read the operating sub-GHz channel. Protection as RTDS
 * DBCH01_6.31_SUCCESS_RESPONSE: MAC, no signature, no header date-time, the command's
 * supplementary remote party carried back. Refused [P]: the get result read-write-denied (or the
 * result a fault names).
 */
import { DataAccessResults } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { dbch01, type Dbch01Response } from '../../harness/protocol/gbcs/payload/use-cases/dbch01.ts';
import { subGhzChannelMask } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

export const dbch01OnChf = emulateUseCase(dbch01, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(DataAccessResults.entries, 'read-write-denied'),
  refuse: (_command, result) => ({ ok: false, result }) as Dbch01Response,

  respond(_command, { premises }): Dbch01Response {
    return { ok: true, channel: subGhzChannelMask(premises.chf.subGhzChannelMask) };
  },
});
