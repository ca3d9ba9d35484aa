// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH04 on the emulated CHF: set the CHF Sub GHz Configuration (comms-hub/sub-ghz-config.ts).
 * The CHF takes it whole — the duty-cycle thresholds follow at once, and alert 0x8F2A (DBCH09)
 * reports the configuration now held [I: RTDS DBCH04_6.28_NA_SUCCESS_ALERT_DBCH09] — or refuses
 * it whole, keeping the one it has and raising no alert: impossible duty-cycle thresholds
 * (Critical at or below Limited, or at or above the regulatory limit) or no channel allowed
 * answer the set result hardware-fault [I: the only error RTDS shows, DBCH04_6.28_ERROR_RESPONSE;
 * P: that GBCS answers an impossible configuration with it]. Protection as RTDS
 * DBCH04_6.28_SUCCESS_RESPONSE: MAC, no signature, no header date-time, the command's
 * supplementary remote party carried back. Refused by a firmware fault: hardware-fault (or the
 * result the fault names), nothing set.
 */
import { DataAccessResults } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { dbch04, type Dbch04Response } from '../../harness/protocol/gbcs/payload/use-cases/dbch04.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

/** The set result of a configuration the CHF refuses. */
export const DBCH04_REFUSAL = 'hardware-fault';

export const dbch04OnChf = emulateUseCase(dbch04, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(DataAccessResults.entries, DBCH04_REFUSAL),
  refuse: (_command, result) => ({ ok: false, result }) as Dbch04Response,

  respond(command, { premises }): Dbch04Response {
    const outcome = premises.chf.subGhzConfiguration.set(command, premises.clock.now());
    return outcome.ok ? { ok: true } : { ok: false, result: DBCH04_REFUSAL };
  },
});
