// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { chfAlert } from '../testing/chf-exchange-headers.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { dlmsAlertHex, SAMPLE_ALERT_TIME_STAMP } from '../testing/dlms-alert-sample.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsAlertRoundTrip } from '../testing/rtds-round-trip.ts';
import { dbch08SubGhzScanOutcome } from './dbch08-scan-outcome.ts';

const CTX = chfAlert(0x0112, 4300n);
const FIELDS = { timeStamp: SAMPLE_ALERT_TIME_STAMP, outcome: 1, detail: 0x20 };
const HEX = dlmsAlertHex(4300, 0x8f28, 1, '0202090101090120');

describe('DBCH08 Sub GHz Channel Scan Request Assessment Outcome (0x8F28)', () => {
  it('carries two octets', () => {
    expect(bytesToHex(dbch08SubGhzScanOutcome.encodeAlert(FIELDS, CTX))).toBe(HEX);
    expect(dbch08SubGhzScanOutcome.decodeAlert(spacedHexToBytes(HEX), CTX)).toEqual(FIELDS);
  });

  it('refuses octets out of range, longer octet-strings and truncations', () => {
    expect(() => dbch08SubGhzScanOutcome.encodeAlert({ ...FIELDS, detail: 256 }, CTX)).toThrow(PayloadEncodeError);
    expect(() => dbch08SubGhzScanOutcome.decodeAlert(spacedHexToBytes(dlmsAlertHex(4300, 0x8f28, 1, '020209020100090120')), CTX)).toThrow(/1 byte/);
    expectEveryPrefixRejected(spacedHexToBytes(HEX), (b) => dbch08SubGhzScanOutcome.decodeAlert(b, CTX));
    expectTrailingRejected(spacedHexToBytes(HEX), (b) => dbch08SubGhzScanOutcome.decodeAlert(b, CTX));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const a = expectRtdsAlertRoundTrip(dbch08SubGhzScanOutcome, 'NA_DBCH08', 'DBCH08_NA_8F28_ALERT');
    expect([a.outcome, a.detail]).toEqual([0, 0]);
  });
});
