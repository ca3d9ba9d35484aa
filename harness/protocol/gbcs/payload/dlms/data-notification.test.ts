// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { CS14_8F12_ALERT } from '../testing/payloads-md-fixtures.ts';
import { Axdr } from './axdr-data.ts';
import { decodeDataNotification, decodeGbcsDlmsAlert, encodeDataNotification, encodeGbcsDlmsAlert } from './data-notification.ts';

describe('DLMS Data-Notification (0F)', () => {
  it('decodes the CS14 alert body', () => {
    const n = decodeDataNotification(CS14_8F12_ALERT.payload);
    expect(n.invoke.invokeId).toBe(4000);
    expect(n.dateTime).toBeNull();
    expect(n.body.type).toBe('structure');
    expect(bytesToHex(encodeDataNotification(n))).toBe(bytesToHex(CS14_8F12_ALERT.payload));
  });

  it('reads a GBCS alert: alert code, time stamp, content', () => {
    const a = decodeGbcsDlmsAlert(CS14_8F12_ALERT.payload);
    expect(a.alertCode).toBe(0x8f12);
    expect(a.timeStamp).toMatchObject({ year: 2015, month: 1, dayOfMonth: 1, hour: 0 });
    expect(a.content).toHaveLength(1);
    expect(bytesToHex(encodeGbcsDlmsAlert(a))).toBe(bytesToHex(CS14_8F12_ALERT.payload));
  });

  it('rejects every truncation, trailing bytes and a body that is not an alert', () => {
    expectEveryPrefixRejected(CS14_8F12_ALERT.payload, decodeDataNotification);
    expectTrailingRejected(CS14_8F12_ALERT.payload, decodeDataNotification);
    expectEveryPrefixRejected(CS14_8F12_ALERT.payload, decodeGbcsDlmsAlert);
    expect(() => decodeGbcsDlmsAlert(spacedHexToBytes('0F 20000001 00 0201 128F12'))).toThrow(/at least 2 elements/);
    expect(() => decodeGbcsDlmsAlert(spacedHexToBytes('0F 20000001 00 0202 168F 0900'))).toThrow(/long-unsigned/);
    expect(() => decodeGbcsDlmsAlert(encodeDataNotification({ invoke: decodeDataNotification(CS14_8F12_ALERT.payload).invoke, dateTime: null, body: Axdr.nullData() }))).toThrow(/structure/);
  });
});
