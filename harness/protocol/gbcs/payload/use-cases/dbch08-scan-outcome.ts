// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH08 alert 0x8F28 — Sub GHz Channel Scan Request Assessment Outcome, message code 0x0112
 * (CHF → ACB): what the CHF concluded from the energy scan a DBCH05 (SRV 6.29) request asked for.
 * Content: structure { octet-string(1), octet-string(1) } [I: RTDS 00, 00].
 * [P] GBCS's names and value lists for the two octets are not in the sources at hand: they are
 * carried as `outcome` (first) and `detail` (second), raw.
 */
import { Axdr } from '../dlms/axdr-data.ts';
import { expectOctetString, expectStructure, item } from '../dlms/axdr-match.ts';
import { octetFieldBytes } from '../field-bytes.ts';
import { dlmsAlertCodec } from './dlms-alert.ts';

export const ALERT_SUB_GHZ_SCAN_OUTCOME = 0x8f28;

export interface SubGhzScanOutcome {
  /** [P] First octet (RTDS 00). */
  readonly outcome: number;
  /** [P] Second octet (RTDS 00). */
  readonly detail: number;
}

const CONTENT = 'data-notification.body.content[0]';

export const dbch08SubGhzScanOutcome = dlmsAlertCodec<SubGhzScanOutcome>({
  name: 'DBCH08',
  messageCode: 0x0112,
  alertCode: ALERT_SUB_GHZ_SCAN_OUTCOME,
  useCaseTitle: 'Sub GHz Channel Scan Request Assessment Outcome Sub GHz Alert',
  alertName: 'Sub GHz Energy Scan Outcome',
  contentCount: 1,
  encodeContent: (f) => [Axdr.structure(Axdr.octetString(octetFieldBytes(f.outcome, 'DBCH08 alert.outcome')), Axdr.octetString(octetFieldBytes(f.detail, 'DBCH08 alert.detail')))],
  decodeContent(content) {
    const s = expectStructure(item(content, 0), CONTENT, 2);
    return {
      outcome: expectOctetString(item(s, 0), `${CONTENT}.outcome`, 1)[0] as number,
      detail: expectOctetString(item(s, 1), `${CONTENT}.detail`, 1)[0] as number,
    };
  },
});
