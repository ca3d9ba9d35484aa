// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ByteReader } from './byte-reader.ts';
import { ByteWriter, encodeLength } from './byte-writer.ts';
import { GbcsEncodeError } from './errors.ts';
import { bytesToHex } from './hex.ts';

describe('encodeLength', () => {
  it('uses the minimal form and round-trips through ByteReader.length', () => {
    expect(bytesToHex(encodeLength(0))).toBe('00');
    expect(bytesToHex(encodeLength(127))).toBe('7F');
    expect(bytesToHex(encodeLength(128))).toBe('8180');
    expect(bytesToHex(encodeLength(255))).toBe('81FF');
    expect(bytesToHex(encodeLength(256))).toBe('820100');
    expect(bytesToHex(encodeLength(65535))).toBe('82FFFF');
    for (const n of [0, 1, 127, 128, 200, 255, 256, 1000, 65535]) {
      expect(new ByteReader(encodeLength(n)).length('l').value).toBe(n);
    }
  });

  it('rejects lengths GBCS cannot carry', () => {
    expect(() => encodeLength(65536, 'content length')).toThrow(GbcsEncodeError);
    expect(() => encodeLength(-1)).toThrow(/0\.\.65535/);
    expect(() => encodeLength(1.5)).toThrow(GbcsEncodeError);
  });
});

describe('ByteWriter', () => {
  it('writes fields big-endian', () => {
    const bytes = new ByteWriter().u8(0xdf, 'tag').u16(0x0027, 'code').u64(1000n, 'counter').fixed(Uint8Array.of(1, 2), 2, 'two').length(200, 'len').toBytes();
    expect(bytesToHex(bytes)).toBe('DF002700000000000003E8010281C8');
  });

  it('writes little-endian and wide integers, copies bytes and counts what it wrote', () => {
    const source = Uint8Array.of(0xaa);
    const w = new ByteWriter().uintLe(1000, 3, 'a').bigUintLe(1n, 2, 'b').uintBe(0x010203040506, 6, 'c').bytes(source);
    source[0] = 0;
    expect(w.size).toBe(12);
    expect(bytesToHex(w.toBytes())).toBe('E803000100010203040506AA');
  });

  it('rejects out-of-range values, naming the field', () => {
    expect(() => new ByteWriter().u8(256, 'CRA flag')).toThrow(/"CRA flag"/);
    expect(() => new ByteWriter().u16(-1, 'message code')).toThrow(GbcsEncodeError);
    expect(() => new ByteWriter().u64(1n << 64n, 'counter')).toThrow(/"counter"/);
    expect(() => new ByteWriter().fixed(new Uint8Array(11), 12, 'date-time')).toThrow(/12 bytes/);
    expect(() => new ByteWriter().u16(0x10000, 'message code')).toThrow('"message code": expected an unsigned integer of 16 bits, found 65536');
  });
});
