// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import type { GbcsHeader } from '../../frame-types.ts';
import { cosemDateTimeFromDate, cosemDateTimeToDate } from '../dlms/cosem-date-time.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { alertCodecFor, decodeTypedMessage } from '../registry.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import {
  ALERT_GSME_POWER_SUPPLY_LOSS,
  ALERT_LOW_BATTERY,
  ALERT_SUPPLY_RESTORED_ECS80,
  ALERT_SUPPLY_RESTORED_GNCA,
  ecs80SupplyOutageRestored,
  gncaDlmsAlert,
  gncaGbzAlert,
  gncaGsmePowerSupplyLoss,
  gncaLowBattery,
  gncaSupplyRestored,
  MESSAGE_CODE_ECS80,
  MESSAGE_CODE_GNCA,
} from './power-alerts.ts';

const SKIP = rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present';

function alertHeader(counter: bigint, messageCode: number, originator = '00DB1234567890A0'): GbcsHeader {
  return { cra: 3, counter, originator, recipient: '90B3D51F30010000', dateTime: null, messageCode, supplementary: null };
}

// The RTDS ECS80 8F36 payload (PAYLOADS-style literal, so the test also runs without the RTDS folder).
const ECS80_PAYLOAD = spacedHexToBytes('0F200007D3000204128F36090C07DF0101FF000000008000FF090C07DE0C1FFF173200008000FF090C07DE0C1FFF173B00008000FF');
const ECS80 = { header: alertHeader(2003n, MESSAGE_CODE_ECS80), payload: ECS80_PAYLOAD };

describe('power alert codecs', () => {
  it('ECS80 0x8F36: decodes outage start and restoration, re-encodes byte-exact', () => {
    const a = ecs80SupplyOutageRestored.decodeAlert(ECS80.payload, ECS80);
    expect(cosemDateTimeToDate(a.timeStamp)?.toISOString()).toBe('2015-01-01T00:00:00.000Z');
    expect(cosemDateTimeToDate(a.supplyLostAt)?.toISOString()).toBe('2014-12-31T23:50:00.000Z');
    expect(cosemDateTimeToDate(a.supplyRestoredAt)?.toISOString()).toBe('2014-12-31T23:59:00.000Z');
    expect(bytesToHex(ecs80SupplyOutageRestored.encodeAlert(a, ECS80))).toBe(bytesToHex(ECS80.payload));
  });

  it('ECS80 rejects another alert code, a wrong invoke id and every truncation', () => {
    const other = spacedHexToBytes(bytesToHex(ECS80.payload).replace('128F36', '128F35'));
    expect(() => ecs80SupplyOutageRestored.decodeAlert(other, ECS80)).toThrow(/0x8F36/);
    expect(() => ecs80SupplyOutageRestored.decodeAlert(ECS80.payload, { header: { ...ECS80.header, counter: 2004n } })).toThrow(PayloadDecodeError);
    expectEveryPrefixRejected(ECS80.payload, (b) => ecs80SupplyOutageRestored.decodeAlert(b, ECS80));
    expectTrailingRejected(ECS80.payload, (b) => ecs80SupplyOutageRestored.decodeAlert(b, ECS80));
  });

  it('GNCA DLMS 0x8F35 round-trips and refuses content or another code', () => {
    const ctx = { header: alertHeader(5000n, MESSAGE_CODE_GNCA) };
    const stamp = cosemDateTimeFromDate(new Date(Date.UTC(2019, 3, 12, 9, 5)), { clockStatus: null });
    const bytes = gncaSupplyRestored.encodeAlert({ timeStamp: stamp }, ctx);
    expect(bytesToHex(bytes)).toBe('0F2000138800020212' + '8F35' + '090C07E3040CFF090500008000FF');
    expect(gncaSupplyRestored.decodeAlert(bytes, ctx)).toEqual({ timeStamp: stamp });
    expect(() => gncaSupplyRestored.decodeAlert(ECS80.payload, { header: ECS80.header })).toThrow(/0x8F35/);
    expectEveryPrefixRejected(bytes, (b) => gncaSupplyRestored.decodeAlert(b, ctx));
  });

  it('GNCA GBZ 0x8F1D / 0x8F1F round-trip (UTC seconds since 2000) and refuse components', () => {
    const at = new Date(Date.UTC(2019, 3, 12, 9, 0, 0));
    for (const codec of [gncaGsmePowerSupplyLoss, gncaLowBattery]) {
      const bytes = codec.encodeAlert({ timeStamp: at }, { header: alertHeader(1n, MESSAGE_CODE_GNCA, '00DB1234567890A1') });
      expect(bytes.length).toBe(9);
      expect(codec.decodeAlert(bytes, { header: alertHeader(1n, MESSAGE_CODE_GNCA) })).toEqual({ timeStamp: at });
      expect(() => codec.decodeAlert(new Uint8Array([...bytes.slice(0, 2), 1, ...bytes.slice(3)]), { header: alertHeader(1n, MESSAGE_CODE_GNCA) })).toThrow(PayloadDecodeError);
      expectTrailingRejected(bytes, (b) => codec.decodeAlert(b, { header: alertHeader(1n, MESSAGE_CODE_GNCA) }));
    }
  });

  it('is registered by message code and alert code', () => {
    expect(alertCodecFor(MESSAGE_CODE_ECS80, ALERT_SUPPLY_RESTORED_ECS80)).toBe(ecs80SupplyOutageRestored);
    expect(alertCodecFor(MESSAGE_CODE_GNCA, ALERT_SUPPLY_RESTORED_GNCA)).toBe(gncaSupplyRestored);
    expect(alertCodecFor(MESSAGE_CODE_GNCA, ALERT_GSME_POWER_SUPPLY_LOSS)).toBe(gncaGsmePowerSupplyLoss);
    expect(alertCodecFor(MESSAGE_CODE_GNCA, ALERT_LOW_BATTERY)).toBe(gncaLowBattery);
    expect(decodeTypedMessage({ ...ECS80.header, payload: ECS80.payload })?.useCase).toBe('ECS80');
  });

  it.skipIf(rtdsAbsent)(`RTDS ECS80_NA_8F36_ALERT round trip (${SKIP})`, () => {
    const m = rtdsPayload('NA_ECS80', 'ECS80_NA_8F36_ALERT');
    expect(m.header.messageCode).toBe(MESSAGE_CODE_ECS80);
    const a = ecs80SupplyOutageRestored.decodeAlert(m.payload, m);
    expect(bytesToHex(ecs80SupplyOutageRestored.encodeAlert(a, m))).toBe(bytesToHex(m.payload));
  });

  it.skipIf(rtdsAbsent)(`the GNCA factories round-trip the RTDS GNCA messages (0x810E) byte-exact (${SKIP})`, () => {
    const dlms = rtdsPayload('NA_GNCA-DLMS', 'GNCA-DLMS_NA_810E_ALERT');
    const dlmsCodec = gncaDlmsAlert(0x810e, 'RTDS generic alert');
    expect(dlms.header.messageCode).toBe(MESSAGE_CODE_GNCA);
    expect(bytesToHex(dlmsCodec.encodeAlert(dlmsCodec.decodeAlert(dlms.payload, dlms), dlms))).toBe(bytesToHex(dlms.payload));
    const gbz = rtdsPayload('NA_GNCA-ZigBee', 'GNCA-ZigBee_NA_810E_ALERT');
    const gbzCodec = gncaGbzAlert(0x810e, 'RTDS generic alert');
    expect(gbz.header.messageCode).toBe(MESSAGE_CODE_GNCA);
    const fields = gbzCodec.decodeAlert(gbz.payload, gbz);
    expect(fields.timeStamp.toISOString()).toBe('2015-01-01T00:00:00.000Z');
    expect(bytesToHex(gbzCodec.encodeAlert(fields, gbz))).toBe(bytesToHex(gbz.payload));
  });
});
