// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH07 alert 0x8F26 — Sub GHz Channel Changed, message code 0x0111 (CHF → ACB).
 * Content: structure { bit-string(32) channel mask (as DBCH01 reports the operating channel),
 * octet-string(1) } [I: RTDS E0000001 = page 28 channel 0, then 00]. The CHF logs each change
 * with the same two values (DBCH02 channel log).
 * [P] The octet's GBCS meaning is not in the sources at hand (RTDS: 00 here, 00–07 in the log):
 * it is carried as `qualifier`.
 * The sibling channel-management alerts (0x8F27 scan initiated, 0x8F29 three lost-GSME searches
 * failed, 0x8F2B channel not changed) have no use case of their own and no RTDS message: see
 * sub-ghz-generic-alerts.ts.
 */
import { Axdr } from '../dlms/axdr-data.ts';
import { expectOctetString, expectStructure, item } from '../dlms/axdr-match.ts';
import { octetFieldBytes } from '../field-bytes.ts';
import { dlmsAlertCodec } from './dlms-alert.ts';
import { channelMaskData, expectChannelMask, type SubGhzChannelMask } from './sub-ghz-channel-mask.ts';

export const ALERT_SUB_GHZ_CHANNEL_CHANGED = 0x8f26;

export interface SubGhzChannelChanged {
  /** The channel the CHF now operates on. */
  readonly channel: SubGhzChannelMask;
  /** [P] The octet after the channel (RTDS 00); meaning not in the sources at hand. */
  readonly qualifier: number;
}

const CONTENT = 'data-notification.body.content[0]';

export const dbch07SubGhzChannelChanged = dlmsAlertCodec<SubGhzChannelChanged>({
  name: 'DBCH07',
  messageCode: 0x0111,
  alertCode: ALERT_SUB_GHZ_CHANNEL_CHANGED,
  useCaseTitle: 'Sub GHz Channel Changed Sub GHz Alert',
  alertName: 'Sub GHz Channel Changed',
  contentCount: 1,
  encodeContent(f) {
    return [Axdr.structure(channelMaskData(f.channel), Axdr.octetString(octetFieldBytes(f.qualifier, 'DBCH07 alert.qualifier')))];
  },
  decodeContent(content) {
    const s = expectStructure(item(content, 0), CONTENT, 2);
    return { channel: expectChannelMask(item(s, 0), `${CONTENT}.channel`), qualifier: expectOctetString(item(s, 1), `${CONTENT}.qualifier`, 1)[0] as number };
  },
});
