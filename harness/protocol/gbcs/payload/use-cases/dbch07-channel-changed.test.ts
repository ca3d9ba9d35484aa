// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { chfAlert } from '../testing/chf-exchange-headers.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { dlmsAlertHex, SAMPLE_ALERT_TIME_STAMP } from '../testing/dlms-alert-sample.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsAlertRoundTrip } from '../testing/rtds-round-trip.ts';
import { dbch07SubGhzChannelChanged } from './dbch07-channel-changed.ts';
import { subGhzChannelMaskFor } from './sub-ghz-channel-mask.ts';

const CTX = chfAlert(0x0111, 4200n);
const FIELDS = { timeStamp: SAMPLE_ALERT_TIME_STAMP, channel: subGhzChannelMaskFor(31, [12]), qualifier: 2 };
/** Content: structure { bit-string F8001000 (page 31 channel 12), octet-string 02 }. */
const HEX = dlmsAlertHex(4200, 0x8f26, 1, '02020420F8001000090102');

describe('DBCH07 Sub GHz Channel Changed (0x8F26)', () => {
  it('carries the new channel and the octet after it', () => {
    expect(bytesToHex(dbch07SubGhzChannelChanged.encodeAlert(FIELDS, CTX))).toBe(HEX);
    expect(dbch07SubGhzChannelChanged.decodeAlert(spacedHexToBytes(HEX), CTX)).toEqual(FIELDS);
  });

  it('refuses an inconsistent channel, an octet out of range, a short mask and truncations', () => {
    expect(() => dbch07SubGhzChannelChanged.encodeAlert({ ...FIELDS, channel: { ...FIELDS.channel, channels: [13] } }, CTX)).toThrow(PayloadEncodeError);
    expect(() => dbch07SubGhzChannelChanged.encodeAlert({ ...FIELDS, qualifier: -1 }, CTX)).toThrow(PayloadEncodeError);
    expect(() => dbch07SubGhzChannelChanged.decodeAlert(spacedHexToBytes(dlmsAlertHex(4200, 0x8f26, 1, '02020410F800090102')), CTX)).toThrow(/32-bit/);
    expectEveryPrefixRejected(spacedHexToBytes(HEX), (b) => dbch07SubGhzChannelChanged.decodeAlert(b, CTX));
    expectTrailingRejected(spacedHexToBytes(HEX), (b) => dbch07SubGhzChannelChanged.decodeAlert(b, CTX));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const a = expectRtdsAlertRoundTrip(dbch07SubGhzChannelChanged, 'NA_DBCH07', 'DBCH07_NA_8F26_ALERT');
    expect(a.channel).toEqual({ mask: 0xe0000001, page: 28, channels: [0] });
    expect(a.qualifier).toBe(0);
  });
});
