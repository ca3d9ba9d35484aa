// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { chfAlert } from '../testing/chf-exchange-headers.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { dlmsAlertHex, SAMPLE_ALERT_TIME_STAMP } from '../testing/dlms-alert-sample.ts';
import { ESME, GSME, SUPPLIER } from '../testing/payloads-md-fixtures.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsAlertRoundTrip } from '../testing/rtds-round-trip.ts';
import { dbch10MessageDiscarded } from './dbch10-message-discarded.ts';

const CTX = chfAlert(0x0114, 4500n);
const FIELDS = { timeStamp: SAMPLE_ALERT_TIME_STAMP, discarded: { originator: SUPPLIER, target: GSME, craFlag: 1, originatorCounter: 0x0102030405060708n } };
const HEX = dlmsAlertHex(4500, 0x8f2c, 1, '0919' + SUPPLIER + GSME + '01' + '0102030405060708');

describe('DBCH10 Message Discarded Due to Duty Cycle Management (0x8F2C)', () => {
  it('names the discarded message: originator, target, CRA flag, originator counter', () => {
    expect(bytesToHex(dbch10MessageDiscarded.encodeAlert(FIELDS, CTX))).toBe(HEX);
    expect(dbch10MessageDiscarded.decodeAlert(spacedHexToBytes(HEX), CTX)).toEqual(FIELDS);
  });

  it('refuses a counter beyond 64 bits, a bad EUI, another length and truncations', () => {
    expect(() => dbch10MessageDiscarded.encodeAlert({ ...FIELDS, discarded: { ...FIELDS.discarded, originatorCounter: 1n << 64n } }, CTX)).toThrow(PayloadEncodeError);
    expect(() => dbch10MessageDiscarded.encodeAlert({ ...FIELDS, discarded: { ...FIELDS.discarded, target: 'not an EUI' } }, CTX)).toThrow(PayloadEncodeError);
    expect(() => dbch10MessageDiscarded.decodeAlert(spacedHexToBytes(dlmsAlertHex(4500, 0x8f2c, 1, '0918' + SUPPLIER + GSME + '0102030405060708')), CTX)).toThrow(/25 byte/);
    expectEveryPrefixRejected(spacedHexToBytes(HEX), (b) => dbch10MessageDiscarded.decodeAlert(b, CTX));
    expectTrailingRejected(spacedHexToBytes(HEX), (b) => dbch10MessageDiscarded.decodeAlert(b, CTX));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const a = expectRtdsAlertRoundTrip(dbch10MessageDiscarded, 'NA_DBCH10', 'DBCH10_NA_8F2C_ALERT');
    expect(a.discarded).toEqual({ originator: SUPPLIER, target: ESME, craFlag: 1, originatorCounter: 1000n });
  });
});
