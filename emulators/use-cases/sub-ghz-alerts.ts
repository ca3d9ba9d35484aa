// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The alerts the CHF raises about its sub-GHz channel management and configuration
 * (comms-hub/sub-ghz-channel-manager.ts events), each built, protected and addressed as its RTDS
 * counterpart: from the CHF to the DCC Access Control Broker, MAC only, no signature, no header
 * date-time, the CHF's own originator counter [I: RTDS DBCH07_NA_8F26_ALERT,
 * DBCH08_NA_8F28_ALERT, DBCH04_6.28_NA_SUCCESS_ALERT_DBCH09]:
 *
 * | event                      | alert  | codec                                   |
 * | -------------------------- | ------ | --------------------------------------- |
 * | scan-initiated             | 0x8F27 | GNCA, no content (sub-ghz-generic-alerts.ts) [P] |
 * | scan-assessed              | 0x8F28 | DBCH08: outcome (SCAN_OUTCOME), 0 [P]   |
 * | channel-changed            | 0x8F26 | DBCH07: the new channel, the cause (CHANGE_CAUSE) [P] |
 * | channel-not-changed        | 0x8F2B | GNCA, no content [P]                    |
 * | lost-gsme-searches-failed  | 0x8F29 | GNCA, no content [P]                    |
 * | configuration-changed      | 0x8F2A | DBCH09: the configuration now held      |
 *
 * [P] The GNCA ones have no RTDS message: they are taken to travel to the ACB as the other CHF
 * alerts do. Time stamps are the CHF's virtual time, clock status not specified (as CS14).
 */
import { cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { dbch07SubGhzChannelChanged } from '../../harness/protocol/gbcs/payload/use-cases/dbch07-channel-changed.ts';
import { dbch08SubGhzScanOutcome } from '../../harness/protocol/gbcs/payload/use-cases/dbch08-scan-outcome.ts';
import { dbch09SubGhzConfigurationChanged } from '../../harness/protocol/gbcs/payload/use-cases/dbch09-configuration-changed.ts';
import { subGhzChannelMaskFor } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import {
  gncaSubGhzChannelNotChanged,
  gncaSubGhzEnergyScanInitiated,
  gncaThreeLostGsmeSearchesFailed,
} from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-generic-alerts.ts';
import type { AlertCodec } from '../../harness/protocol/gbcs/payload/use-cases/use-case-codec.ts';
import type { Chf } from '../comms-hub/chf.ts';
import { CHANGE_CAUSE, SCAN_OUTCOME, type SubGhzChannelEvent } from '../comms-hub/sub-ghz-channel-manager.ts';
import type { KeyDirectory } from '../key-directory.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { buildDeviceAlert, GNCA_ALERT_PROTECTION, type BuiltAlert } from './power-alerts.ts';

/** The alert the CHF raises for one step of its sub-GHz channel management. */
export function subGhzAlert(chf: Chf, keys: KeyDirectory, event: SubGhzChannelEvent): BuiltAlert {
  const timeStamp = cosemDateTimeFromDate(new Date(event.at), { clockStatus: null });
  const build = <F>(codec: AlertCodec<F>, fields: F): BuiltAlert =>
    buildDeviceAlert(chf, keys, event.at, codec, REMOTE_PARTY.accessControlBroker, GNCA_ALERT_PROTECTION, fields);
  switch (event.kind) {
    case 'scan-initiated':
      return build(gncaSubGhzEnergyScanInitiated, { timeStamp });
    case 'scan-assessed':
      return build(dbch08SubGhzScanOutcome, { timeStamp, outcome: SCAN_OUTCOME[event.outcome], detail: 0 });
    case 'channel-changed':
      return build(dbch07SubGhzChannelChanged, { timeStamp, channel: subGhzChannelMaskFor(event.to.page, [event.to.channel]), qualifier: CHANGE_CAUSE[event.cause] });
    case 'channel-not-changed':
      return build(gncaSubGhzChannelNotChanged, { timeStamp });
    case 'lost-gsme-searches-failed':
      return build(gncaThreeLostGsmeSearchesFailed, { timeStamp });
    case 'configuration-changed':
      return build(dbch09SubGhzConfigurationChanged, { timeStamp, configuration: event.configuration });
  }
}
