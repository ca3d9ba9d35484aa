// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../../frame-types.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { cosemDateTimeFromDate } from '../dlms/cosem-date-time.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { ccs05ccs04, ccs06, type ChfDeviceLogLink } from './ccs06.ts';

/** RTDS CCS06_8.9_SUCCESS command / response payloads (ACB counter 1300), copied for the RTDS-free tests. */
const HEADER: GbcsHeader = {
  cra: 1,
  counter: 1300n,
  originator: '90B3D51F30000002',
  recipient: '00DB1234567890A2',
  dateTime: null,
  messageCode: 0x010f,
  supplementary: { remotePartyId: '90B3D51F30010000', remotePartyCounter: 1000n },
};
const COMMAND = spacedHexToBytes('D920000514000101006800001E0300FF040100');
const RESPONSE = spacedHexToBytes(
  'DA2000051400000101020' +
    '20E090800DB1234567890A00408C80FDD0FCE0F9C1102112711F7090C07DE0C1F03173200008000FF1101110011641101110' +
    '1020E090800DB1234567890A10408C80FDE0FCA0FB31101116011CD090C07DE0C1F03172800008000FF11011100116411011101' +
    '010100',
);

const ESME: ChfDeviceLogLink = {
  deviceId: '00DB1234567890A0',
  statusBits: '11001000',
  rssiMaxDbm: -35,
  rssiAverageDbm: -50,
  rssiMinDbm: -100,
  band: 2,
  lqiMin: 39,
  lqiMax: 247,
  lastCommunicationAt: { ...cosemDateTimeFromDate(new Date(Date.UTC(2014, 11, 31, 23, 50))), dayOfWeek: 3 },
  linkCounters: [1, 0, 100, 1, 1],
};

describe('CCS06 Read CHF Device Log', () => {
  const ctx = { header: HEADER };

  it('decodes the command (a get of the CHF Device Log attribute 4) and encodes it back', () => {
    expect(ccs06.decodeCommand(COMMAND, ctx)).toEqual({});
    expect(bytesToHex(ccs06.encodeCommand({}, ctx))).toBe(bytesToHex(COMMAND));
  });

  it('decodes one link record per device, and encodes them back byte for byte', () => {
    const rsp = ccs06.decodeResponse(RESPONSE, ctx);
    if (!rsp.ok) throw new Error('expected success');
    expect(rsp.devices).toHaveLength(2);
    expect(rsp.devices[0]).toEqual(ESME);
    expect(rsp.devices[1]).toMatchObject({ deviceId: '00DB1234567890A1', rssiMaxDbm: -34, rssiAverageDbm: -54, rssiMinDbm: -77, band: 1, lqiMin: 96, lqiMax: 205 });
    expect(bytesToHex(ccs06.encodeResponse(rsp, ctx))).toBe(bytesToHex(RESPONSE));
  });

  it('decodes the RTDS ERROR response (hardware-fault, null-data)', () => {
    const errorCtx = { header: { ...HEADER, counter: 1301n } };
    const error = spacedHexToBytes('DA2000051500000100010101');
    expect(ccs06.decodeResponse(error, errorCtx)).toEqual({ ok: false, result: 'hardware-fault' });
    expect(bytesToHex(ccs06.encodeResponse({ ok: false, result: 'hardware-fault' }, errorCtx))).toBe(bytesToHex(error));
  });

  it('refuses bad status bits, and every truncation', () => {
    expect(() => ccs06.encodeResponse({ ok: true, devices: [{ ...ESME, statusBits: '101' }] }, ctx)).toThrow(PayloadEncodeError);
    expectEveryPrefixRejected(COMMAND, (b) => ccs06.decodeCommand(b, ctx));
    expectEveryPrefixRejected(RESPONSE, (b) => ccs06.decodeResponse(b, ctx));
    expectTrailingRejected(RESPONSE, (b) => ccs06.decodeResponse(b, ctx));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip, CCS06 and CCS05CCS04 (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const ok = expectRtdsRoundTrip(ccs06, '8.9_CCS06', 'CCS06_8.9_SUCCESS');
    expect(ok.response.ok && ok.response.devices[0]).toEqual(ESME);
    expect(expectRtdsRoundTrip(ccs06, '8.9_CCS06', 'CCS06_8.9_ERROR').response).toEqual({ ok: false, result: 'hardware-fault' });
    expect(expectRtdsRoundTrip(ccs05ccs04, '8.9_CCS05CCS04', 'CCS05CCS04_8.9_SUCCESS').response).toEqual(ok.response);
    expect(expectRtdsRoundTrip(ccs05ccs04, '8.9_CCS05CCS04', 'CCS05CCS04_8.9_ERROR').response).toEqual({ ok: false, result: 'hardware-fault' });
  });
});
