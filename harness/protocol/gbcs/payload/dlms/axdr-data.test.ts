// SPDX-License-Identifier: GPL-3.0-or-later
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadReader } from '../payload-reader.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectOnlyDecodeErrors, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { Axdr, type AxdrData, axdrOffset, decodeAxdrData, encodeAxdrData, readAxdrData } from './axdr-data.ts';

/** The ECS17b Get-Protected-Attributes request parameter (PAYLOADS.md). */
const GPA_REQUEST =
  '0202010102051200010906 00005E2C220A 0F02 120000 0202 1600 00' +
  '0101 0202 1602 0205 0909 040000000000 0003E8 0908 90B3D51F30010000 0908 00DB1234567890A0 0900 0202 1602 0202 090102 0900';

describe('A-XDR Data', () => {
  it('decodes the RTDS ECS17b request parameter into a typed tree', () => {
    const d = decodeAxdrData(spacedHexToBytes(GPA_REQUEST));
    expect(d.type).toBe('structure');
    const s = d as Extract<AxdrData, { type: 'structure' }>;
    const obj = (s.items[0] as Extract<AxdrData, { type: 'array' }>).items[0] as Extract<AxdrData, { type: 'structure' }>;
    expect(obj.items[0]).toEqual({ type: 'long-unsigned', value: 1 });
    expect(obj.items[1]).toEqual({ type: 'octet-string', value: spacedHexToBytes('00005E2C220A') });
    expect(obj.items[2]).toEqual({ type: 'integer', value: 2 });
    expect(obj.items[4]).toEqual(Axdr.structure(Axdr.enum(0), Axdr.nullData()));
    expect(bytesToHex(encodeAxdrData(d))).toBe(bytesToHex(spacedHexToBytes(GPA_REQUEST)));
  });

  it('decodes each RTDS scalar as PAYLOADS.md reads it', () => {
    expect(decodeAxdrData(spacedHexToBytes('04 20 E0000001'))).toEqual({ type: 'bit-string', bits: '11100000000000000000000000000001' });
    expect(decodeAxdrData(spacedHexToBytes('03 FF'))).toEqual({ type: 'boolean', value: true });
    expect(decodeAxdrData(spacedHexToBytes('06 0000000A'))).toEqual({ type: 'double-long-unsigned', value: 10 });
    expect(decodeAxdrData(spacedHexToBytes('0F FE'))).toEqual({ type: 'integer', value: -2 });
    expect(decodeAxdrData(spacedHexToBytes('16 1E'))).toEqual({ type: 'enum', value: 30 });
    expect(decodeAxdrData(spacedHexToBytes('12 8F12'))).toEqual({ type: 'long-unsigned', value: 0x8f12 });
    expect(decodeAxdrData(spacedHexToBytes('05 FFFFFFFF'))).toEqual({ type: 'double-long', value: -1 });
    expect(decodeAxdrData(spacedHexToBytes('10 8000'))).toEqual({ type: 'long', value: -32768 });
    expect(decodeAxdrData(spacedHexToBytes('14 FFFFFFFFFFFFFFFF'))).toEqual({ type: 'long64', value: -1n });
    expect(decodeAxdrData(spacedHexToBytes('15 0000000000000001'))).toEqual({ type: 'long64-unsigned', value: 1n });
    expect(decodeAxdrData(spacedHexToBytes('0A 03 414243'))).toEqual({ type: 'visible-string', value: 'ABC' });
    expect(decodeAxdrData(spacedHexToBytes('0C 02 C3A9'))).toEqual({ type: 'utf8-string', value: 'é' });
    expect(decodeAxdrData(spacedHexToBytes('00'))).toEqual({ type: 'null-data' });
  });

  it('decodes a compact-array (RTDS ECS61c load profile shape) and re-encodes it', () => {
    const hex = '13 0202 0606 10 1C2F6180 1C2F747C 1C30B300 1C30B684';
    const d = decodeAxdrData(spacedHexToBytes(hex));
    expect(d).toEqual({
      type: 'compact-array',
      description: { type: 'structure', fields: [{ type: 'double-long-unsigned' }, { type: 'double-long-unsigned' }] },
      elements: [
        Axdr.structure(Axdr.doubleLongUnsigned(0x1c2f6180), Axdr.doubleLongUnsigned(0x1c2f747c)),
        Axdr.structure(Axdr.doubleLongUnsigned(0x1c30b300), Axdr.doubleLongUnsigned(0x1c30b684)),
      ],
    });
    expect(bytesToHex(encodeAxdrData(d))).toBe(bytesToHex(spacedHexToBytes(hex)));
    const nested = '13 01 0002 12 08 0001 0002 0003 0004';
    expect(bytesToHex(encodeAxdrData(decodeAxdrData(spacedHexToBytes(nested))))).toBe(bytesToHex(spacedHexToBytes(nested)));
    expect(() => decodeAxdrData(spacedHexToBytes('13 0202 0606 07 1C2F6180 1C2F74'))).toThrow(PayloadDecodeError);
    expect(() => decodeAxdrData(spacedHexToBytes('13 00 02 0000'))).toThrow(/zero-size elements/);
    expect(() => decodeAxdrData(spacedHexToBytes('13 0200 01 00'))).toThrow(/zero-size elements/);
    expect(() => decodeAxdrData(spacedHexToBytes('13 01FFFF 01FFFF 00 00'))).toThrow(/non-zero size/);
  });

  it('remembers where each node was decoded from', () => {
    const r = new PayloadReader(spacedHexToBytes('02 02 11 05 09 01 AA'), 100);
    const d = readAxdrData(r) as Extract<AxdrData, { type: 'structure' }>;
    expect(axdrOffset(d)).toBe(100);
    expect(axdrOffset(d.items[1] as AxdrData)).toBe(104);
  });

  it('rejects malformed values with PayloadDecodeError', () => {
    expect(() => decodeAxdrData(spacedHexToBytes('07 00'))).toThrow(/A-XDR Data tag/);
    expect(() => decodeAxdrData(spacedHexToBytes('13 13 00'))).toThrow(/type description tag/);
    expect(() => decodeAxdrData(spacedHexToBytes('13 06 03 000000'))).toThrow(/truncated/);
    expect(() => decodeAxdrData(spacedHexToBytes('03 01'))).toThrow(/00 \(false\) or FF/);
    expect(() => decodeAxdrData(spacedHexToBytes('04 03 E1'))).toThrow(/unused trailing bits/);
    expect(() => decodeAxdrData(spacedHexToBytes('0C 01 FF'))).toThrow(/UTF-8/);
    expect(() => decodeAxdrData(spacedHexToBytes('09 8102 0102'))).toThrow(/minimal/);
    expect(() => decodeAxdrData(spacedHexToBytes('0201'.repeat(40) + '00'))).toThrow(/nesting depth/);
  });

  it('rejects every truncation and trailing bytes', () => {
    expectEveryPrefixRejected(spacedHexToBytes(GPA_REQUEST), (b) => decodeAxdrData(b));
    expectTrailingRejected(spacedHexToBytes(GPA_REQUEST), (b) => decodeAxdrData(b));
  });

  it('rejects unencodable values with PayloadEncodeError', () => {
    expect(() => encodeAxdrData(Axdr.longUnsigned(70000))).toThrow(PayloadEncodeError);
    expect(() => encodeAxdrData(Axdr.integer(200))).toThrow(/signed integer of 8 bits/);
    expect(() => encodeAxdrData(Axdr.bitString('012'))).toThrow(PayloadEncodeError);
    expect(() => encodeAxdrData(Axdr.visibleString('€'))).toThrow(PayloadEncodeError);
  });

  it('round-trips any value it can build (property)', () => {
    const leaf: fc.Arbitrary<AxdrData> = fc.oneof(
      fc.constant(Axdr.nullData()),
      fc.boolean().map(Axdr.boolean),
      fc.stringMatching(/^[01]{0,70}$/).map(Axdr.bitString),
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map(Axdr.doubleLong),
      fc.integer({ min: 0, max: 2 ** 32 - 1 }).map(Axdr.doubleLongUnsigned),
      fc.uint8Array({ maxLength: 300 }).map(Axdr.octetString),
      fc.string({ unit: 'binary-ascii', maxLength: 20 }).map(Axdr.visibleString),
      fc.string({ maxLength: 20 }).map(Axdr.utf8String),
      fc.integer({ min: -128, max: 127 }).map(Axdr.integer),
      fc.integer({ min: -32768, max: 32767 }).map(Axdr.long),
      fc.integer({ min: 0, max: 255 }).map(Axdr.unsigned),
      fc.integer({ min: 0, max: 65535 }).map(Axdr.longUnsigned),
      fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }).map(Axdr.long64),
      fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(Axdr.long64Unsigned),
      fc.integer({ min: 0, max: 255 }).map(Axdr.enum),
    );
    const tree = fc.letrec<{ node: AxdrData }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }).map((xs) => Axdr.structure(...xs)),
        fc.array(tie('node'), { maxLength: 4 }).map((xs) => Axdr.array(...xs)),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (d) => {
        const bytes = encodeAxdrData(d);
        expect(decodeAxdrData(bytes)).toEqual(d);
        expect(bytesToHex(encodeAxdrData(decodeAxdrData(bytes)))).toBe(bytesToHex(bytes));
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('never throws anything but PayloadDecodeError on garbage (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expectOnlyDecodeErrors(bytes, (b) => decodeAxdrData(b));
      }),
      { seed: 4242, numRuns: 2000 },
    );
    expect(PayloadDecodeError).toBeDefined();
  });
});
