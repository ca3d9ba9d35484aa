// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH03 on the emulated CHF: read the CHF Sub GHz Configuration it holds
 * (comms-hub/sub-ghz-config.ts). Protection as RTDS DBCH03_6.30_SUCCESS_RESPONSE: MAC, no
 * signature, no header date-time, the command's supplementary remote party carried back.
 * Refused (a firmware fault): the get result hardware-fault [I: RTDS DBCH03_6.30_ERROR_RESPONSE]
 * (or the result the fault names).
 */
import { DataAccessResults } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { dbch03, type Dbch03Response } from '../../harness/protocol/gbcs/payload/use-cases/dbch03.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

export const dbch03OnChf = emulateUseCase(dbch03, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(DataAccessResults.entries, 'hardware-fault'),
  refuse: (_command, result) => ({ ok: false, result }) as Dbch03Response,

  respond(_command, { premises }): Dbch03Response {
    return { ok: true, configuration: premises.chf.subGhzConfiguration.current };
  },
});
