// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH05 on the emulated CHF: request a sub-GHz channel scan. The CHF answers success and starts
 * the energy scan and channel change sequence (comms-hub/sub-ghz-channel-manager.ts: 0x8F27,
 * 0x8F28, then 0x8F26 or 0x8F2B); a request while a sequence is under way joins it and is
 * answered success too [P]. A hub without the sub-GHz band answers object-unavailable [P].
 * Protection as RTDS DBCH05_6.29_SUCCESS_RESPONSE: MAC, no signature, no header date-time, the
 * command's supplementary remote party carried back. Refused by a firmware fault: hardware-fault
 * [I: RTDS DBCH05_6.29_ERROR_RESPONSE] (or the result the fault names), no scan.
 */
import { DataAccessResults } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { dbch05, type Dbch05Response } from '../../harness/protocol/gbcs/payload/use-cases/dbch05.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

export const dbch05OnChf = emulateUseCase(dbch05, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(DataAccessResults.entries, 'hardware-fault'),
  refuse: (_command, result) => ({ ok: false, result }) as Dbch05Response,

  respond(_command, { premises }): Dbch05Response {
    if (!premises.commsHub.supports('868MHz')) return { ok: false, result: 'object-unavailable' };
    premises.commsHub.subGhz.requestScan();
    return { ok: true };
  },
});
