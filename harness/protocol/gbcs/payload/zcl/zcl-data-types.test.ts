// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { readZclTypedValue, writeZclTypedValue, zclTypeCode, zclTypeName, type ZclValue } from './zcl-data-types.ts';

const read = (hex: string): ZclValue => {
  const r = new PayloadReader(spacedHexToBytes(hex));
  const v = readZclTypedValue(r, 'v');
  r.expectEnd('v');
  return v;
};
const write = (v: ZclValue): string => {
  const w = new PayloadWriter();
  writeZclTypedValue(w, v, 'v');
  return bytesToHex(w.toBytes());
};

describe('ZCL data types', () => {
  it('reads the RTDS values little-endian', () => {
    expect(read('22E80300')).toEqual({ type: 'uint24', value: 1000 });
    expect(read('2201 0000')).toEqual({ type: 'uint24', value: 1 });
    expect(read('3001')).toEqual({ type: 'enum8', value: 1 });
    expect(read('25393000000000')).toEqual({ type: 'uint48', value: 12345 });
    expect(read('41040123ABCD')).toEqual({ type: 'octet-string', value: spacedHexToBytes('0123ABCD') });
  });

  it('round-trips every kind', () => {
    const values: ZclValue[] = [
      { type: 'boolean', value: true },
      { type: 'bitmap8', value: 0x81 },
      { type: 'bitmap64', value: 0x8000000000000001n },
      { type: 'int8', value: -1 },
      { type: 'int24', value: -8388608 },
      { type: 'int64', value: -2n },
      { type: 'uint64', value: 18446744073709551615n },
      { type: 'enum16', value: 0x1234 },
      { type: 'single', value: 1.5 },
      { type: 'double', value: -0.25 },
      { type: 'char-string', value: 'GBCS' },
      { type: 'long-octet-string', value: new Uint8Array(300).fill(7) },
      { type: 'utc-time', value: 473385600 },
      { type: 'ieee-address', value: '00DB1234567890A0' },
      { type: 'security-key', value: new Uint8Array(16).fill(1) },
      { type: 'date', value: spacedHexToBytes('7301 0104') },
    ];
    for (const v of values) expect(read(write(v))).toEqual(v);
  });

  it('puts an IEEE address on the wire little-endian', () => {
    expect(write({ type: 'ieee-address', value: '00DB1234567890A0' })).toBe('F0A0907856341 2DB00'.replace(' ', ''));
  });

  it('maps names and codes', () => {
    expect(zclTypeCode('uint48')).toBe(0x25);
    expect(zclTypeName(0x41)).toBe('octet-string');
    expect(zclTypeName(0x48)).toBeUndefined();
  });

  it('rejects unsupported types, invalid strings, bad booleans and truncation', () => {
    expect(() => read('4800')).toThrow(/supported ZCL data type/);
    expect(() => read('41FF')).toThrow(/invalid-value length/);
    expect(() => read('1002')).toThrow(PayloadDecodeError);
    expect(() => read('22E803')).toThrow(/truncated/);
    expect(() => write({ type: 'uint8', value: 256 })).toThrow(PayloadEncodeError);
    expect(() => write({ type: 'security-key', value: new Uint8Array(15) })).toThrow(/16 bytes/);
  });
});
