// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { chfCommand, chfResponse } from '../testing/chf-exchange-headers.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { dbch02, type Dbch02Response, type SubGhzChannelLogEntry } from './dbch02.ts';
import { subGhzChannelMaskFor } from './sub-ghz-channel-mask.ts';

const COMMAND = chfCommand(0x010b, 1700n);
const RESPONSE = chfResponse(0x010b, 1700n);
const PERIOD = { from: new Date('2019-04-01T00:00:00Z'), to: new Date('2019-04-08T00:00:00Z') };
/**
 * Invoke id 0x0006A4 (1700), get-with-selection class 7 0-0:94.44.10.3 attribute 2, selector 1:
 * {restricting object {1, 0-0:94.44.100.255, 2, 0}, from 607392000 s, to 607996800 s, all columns}.
 */
const COMMAND_HEX =
  'D9200006A4000104000700005E2C0A030201' + '02040204120001090600005E2C64FF0F02120000' + '0624341100' + '06243D4B80' + '0100' + '0100';

const FIRST: SubGhzChannelLogEntry = { at: new Date('2019-04-02T06:30:00Z'), alertCode: 0x8f26, channel: subGhzChannelMaskFor(28, [5]), qualifier: 3 };
const LOG: Dbch02Response = {
  ok: true,
  entries: [FIRST, { at: new Date('2019-04-05T18:00:15Z'), alertCode: 0x8f26, channel: subGhzChannelMaskFor(30, [45]), qualifier: 0 }],
};
/** Compact-array of structure {double-long-unsigned, long-unsigned, octet-string}, 28 content bytes. */
const RESPONSE_HEX =
  'DA200006A4000001' + '1302030612091C' + '2435BDE88F2607E0000020090103' + '243A542F8F2607F0000400090100' + '010100';

describe('DBCH02 Read CHF Sub GHz Channel Log', () => {
  it('reads the log for a period: a range descriptor of UTC seconds since 2000', () => {
    expect(bytesToHex(dbch02.encodeCommand(PERIOD, COMMAND))).toBe(COMMAND_HEX);
    expect(dbch02.decodeCommand(spacedHexToBytes(COMMAND_HEX), COMMAND)).toEqual(PERIOD);
  });

  it('rejects another log object, restricting object or column selection', () => {
    expect(() => dbch02.decodeCommand(spacedHexToBytes(COMMAND_HEX.replace('0A0302', '0A0202')), COMMAND)).toThrow(/0-0:94\.44\.10\.3/);
    expect(() => dbch02.decodeCommand(spacedHexToBytes(COMMAND_HEX.replace('0F02120000', '0F03120000')), COMMAND)).toThrow(/restricting-object/);
    const oneColumn = COMMAND_HEX.replace(/0100(0100)$/, '01010204120001090600005E2C64FF0F02120000$1');
    expect(() => dbch02.decodeCommand(spacedHexToBytes(oneColumn), COMMAND)).toThrow(/all columns/);
  });

  it('decodes the log entries: time, alert code, channel and the octet after it', () => {
    expect(dbch02.decodeResponse(spacedHexToBytes(RESPONSE_HEX), RESPONSE)).toEqual(LOG);
    expect(bytesToHex(dbch02.encodeResponse(LOG, RESPONSE))).toBe(RESPONSE_HEX);
    expect(bytesToHex(dbch02.encodeResponse({ ok: true, entries: [] }, RESPONSE))).toBe('DA200006A400000113020306120900010100');
    expect(dbch02.decodeResponse(spacedHexToBytes('DA200006A400000100010101'), RESPONSE)).toEqual({ ok: false, result: 'hardware-fault' });
  });

  it('refuses entries it cannot carry and event data of another layout', () => {
    expect(() => dbch02.encodeResponse({ ok: true, entries: [{ ...FIRST, qualifier: 256 }] }, RESPONSE)).toThrow(PayloadEncodeError);
    expect(() => dbch02.encodeResponse({ ok: true, entries: [{ ...FIRST, channel: { ...FIRST.channel, page: 29 } }] }, RESPONSE)).toThrow(PayloadEncodeError);
    expect(() => dbch02.decodeResponse(spacedHexToBytes(RESPONSE_HEX.replace('E0000020090103', 'E0000020110103')), RESPONSE)).toThrow(/09 01/);
    expect(() => dbch02.decodeResponse(spacedHexToBytes(RESPONSE_HEX.replace('1302030612091C', '1302030612111C')), RESPONSE)).toThrow(/contents-description/);
  });

  it('rejects every truncation and trailing bytes', () => {
    expectEveryPrefixRejected(spacedHexToBytes(COMMAND_HEX), (b) => dbch02.decodeCommand(b, COMMAND));
    expectTrailingRejected(spacedHexToBytes(COMMAND_HEX), (b) => dbch02.decodeCommand(b, COMMAND));
    expectEveryPrefixRejected(spacedHexToBytes(RESPONSE_HEX), (b) => dbch02.decodeResponse(b, RESPONSE));
    expectTrailingRejected(spacedHexToBytes(RESPONSE_HEX), (b) => dbch02.decodeResponse(b, RESPONSE));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    for (const outcome of ['SUCCESS', 'ERROR']) {
      const { command, response } = expectRtdsRoundTrip(dbch02, '6.32_DBCH02', `DBCH02_6.32_${outcome}`);
      expect(command).toEqual({ from: new Date('2014-12-20T00:00:00Z'), to: new Date('2014-12-31T09:00:00Z') });
      if (outcome === 'ERROR') {
        expect(response).toEqual({ ok: false, result: 'hardware-fault' });
        continue;
      }
      if (!response.ok) throw new Error('expected the RTDS log');
      expect(response.entries).toHaveLength(11);
      expect(response.entries.every((e) => e.alertCode === 0x8f26)).toBe(true);
      expect(response.entries[0]).toEqual({ at: new Date('2014-12-20T00:00:00Z'), alertCode: 0x8f26, channel: subGhzChannelMaskFor(28, [0]), qualifier: 0 });
      expect(response.entries[1]).toEqual({ at: new Date('2014-12-21T09:45:00Z'), alertCode: 0x8f26, channel: subGhzChannelMaskFor(29, [28]), qualifier: 1 });
      expect(response.entries[10]).toEqual({ at: new Date('2014-12-30T19:57:00Z'), alertCode: 0x8f26, channel: subGhzChannelMaskFor(30, [37]), qualifier: 2 });
    }
  });
});
