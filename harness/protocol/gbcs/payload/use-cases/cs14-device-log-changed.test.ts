// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { cosemDateTimeToDate } from '../dlms/cosem-date-time.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { CS14_8F12_ALERT } from '../testing/payloads-md-fixtures.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { cs14DeviceLogChanged } from './cs14-device-log-changed.ts';

describe('CS14 0x8F12 CHF Device Log Changed alert', () => {
  it('decodes the log entries and re-encodes byte-exact', () => {
    const a = cs14DeviceLogChanged.decodeAlert(CS14_8F12_ALERT.payload, CS14_8F12_ALERT);
    expect(cosemDateTimeToDate(a.timeStamp)?.toISOString()).toBe('2015-01-01T00:00:00.000Z');
    expect(cosemDateTimeToDate(a.changedAt)?.toISOString()).toBe('2015-01-01T00:00:00.000Z');
    expect(a.logIdentifier).toBe('0001020304050607');
    expect(a.devices).toEqual([
      { deviceId: '00DB1234567890A0', keyHash: spacedHexToBytes('83FED3407A939723A5C639B26916D506') },
      { deviceId: '00DB1234567890A1', keyHash: spacedHexToBytes('83FED3407A939723A5C639B26916D505') },
    ]);
    expect(bytesToHex(cs14DeviceLogChanged.encodeAlert(a, CS14_8F12_ALERT))).toBe(bytesToHex(CS14_8F12_ALERT.payload));
  });

  it('rejects another alert code, a wrong invoke id and every truncation', () => {
    const other = spacedHexToBytes(bytesToHex(CS14_8F12_ALERT.payload).replace('128F12', '128F13'));
    expect(() => cs14DeviceLogChanged.decodeAlert(other, CS14_8F12_ALERT)).toThrow(/0x8F12/);
    expect(() => cs14DeviceLogChanged.decodeAlert(CS14_8F12_ALERT.payload, { header: { ...CS14_8F12_ALERT.header, counter: 4001n } })).toThrow(PayloadDecodeError);
    expectEveryPrefixRejected(CS14_8F12_ALERT.payload, (b) => cs14DeviceLogChanged.decodeAlert(b, CS14_8F12_ALERT));
    expectTrailingRejected(CS14_8F12_ALERT.payload, (b) => cs14DeviceLogChanged.decodeAlert(b, CS14_8F12_ALERT));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const m = rtdsPayload('NA_CS14', 'CS14_NA_8F12_ALERT');
    const a = cs14DeviceLogChanged.decodeAlert(m.payload, m);
    expect(a.devices.map((d) => d.deviceId)).toEqual(['00DB1234567890A0', '00DB1234567890A1']);
    expect(bytesToHex(cs14DeviceLogChanged.encodeAlert(a, m))).toBe(bytesToHex(m.payload));
  });
});
