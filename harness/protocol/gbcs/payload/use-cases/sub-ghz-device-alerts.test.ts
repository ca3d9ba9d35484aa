// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { cosemDateTimeToDate } from '../dlms/cosem-date-time.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { alertCodecFor } from '../registry.ts';
import { chfAlert } from '../testing/chf-exchange-headers.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { dlmsAlertHex, SAMPLE_ALERT_TIME_STAMP } from '../testing/dlms-alert-sample.ts';
import { GSME } from '../testing/payloads-md-fixtures.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsAlertRoundTrip } from '../testing/rtds-round-trip.ts';
import { dbch06LimitedDutyCycleActionTaken, dbch11NoMoreSubGhzDeviceCapacity } from './sub-ghz-device-alerts.ts';

const CASES = [
  { codec: dbch06LimitedDutyCycleActionTaken, messageCode: 0x0110, alertCode: 0x8f20, folder: 'NA_DBCH06', file: 'DBCH06_NA_8F20_ALERT' },
  { codec: dbch11NoMoreSubGhzDeviceCapacity, messageCode: 0x0115, alertCode: 0x8f2d, folder: 'NA_DBCH11', file: 'DBCH11_NA_8F2D_ALERT' },
] as const;

describe('sub-GHz alerts naming a device (DBCH06 0x8F20, DBCH11 0x8F2D)', () => {
  for (const { codec, messageCode, alertCode, folder, file } of CASES) {
    const ctx = chfAlert(messageCode, 4100n);
    const hex = dlmsAlertHex(4100, alertCode, 1, '0908' + GSME);

    it(`${codec.name} carries the device as an octet-string(8)`, () => {
      const fields = { timeStamp: SAMPLE_ALERT_TIME_STAMP, deviceId: GSME };
      expect(bytesToHex(codec.encodeAlert(fields, ctx))).toBe(hex);
      expect(codec.decodeAlert(spacedHexToBytes(hex), ctx)).toEqual(fields);
      expect(alertCodecFor(messageCode, alertCode)).toBe(codec);
    });

    it(`${codec.name} refuses a malformed device id, another alert code and truncations`, () => {
      expect(() => codec.encodeAlert({ timeStamp: SAMPLE_ALERT_TIME_STAMP, deviceId: '00DB12' }, ctx)).toThrow(PayloadEncodeError);
      expect(() => codec.decodeAlert(spacedHexToBytes(dlmsAlertHex(4100, 0x8f12, 1, '0908' + GSME)), ctx)).toThrow(/alert-code/);
      expect(() => codec.decodeAlert(spacedHexToBytes(dlmsAlertHex(4100, alertCode, 1, '0907' + GSME.slice(2))), ctx)).toThrow(/8 byte/);
      expectEveryPrefixRejected(spacedHexToBytes(hex), (b) => codec.decodeAlert(b, ctx));
      expectTrailingRejected(spacedHexToBytes(hex), (b) => codec.decodeAlert(b, ctx));
    });

    it.skipIf(rtdsAbsent)(`${codec.name} RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
      const a = expectRtdsAlertRoundTrip(codec, folder, file);
      expect(a.deviceId).toBe(GSME);
      expect(cosemDateTimeToDate(a.timeStamp)?.toISOString()).toBe('2015-01-01T00:00:00.000Z');
    });
  }
});
