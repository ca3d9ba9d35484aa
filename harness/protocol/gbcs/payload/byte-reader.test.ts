// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ByteReader } from './byte-reader.ts';
import { fromHex } from './hex.ts';
import { PayloadDecodeError } from './payload-errors.ts';

describe('ByteReader', () => {
  it('reads big- and little-endian integers', () => {
    const r = new ByteReader(fromHex('0102 0302 E80300 393000000000 00000000000003E8'));
    expect(r.uintBe(2, 'a')).toBe(0x0102);
    expect(r.uintLe(2, 'b')).toBe(0x0203);
    expect(r.uintLe(3, 'c')).toBe(1000);
    expect(r.uintLe(6, 'd')).toBe(12345);
    expect(r.bigUintBe(8, 'e')).toBe(1000n);
    expect(r.atEnd).toBe(true);
  });

  it('reports truncation with the absolute offset and the field', () => {
    const r = new ByteReader(fromHex('AABBCC'), 10);
    r.u8('x');
    const sub = r.sub(2, 'sub');
    expect(sub.offset).toBe(11);
    sub.u8('y');
    try {
      sub.uintBe(2, 'z');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PayloadDecodeError);
      expect((e as PayloadDecodeError).offset).toBe(12);
      expect((e as PayloadDecodeError).field).toContain('z');
      expect((e as PayloadDecodeError).expected).toBe('2 bytes');
    }
  });

  it('rejects trailing bytes', () => {
    const r = new ByteReader(fromHex('0001'));
    r.u8('a');
    expect(() => r.expectEnd('end')).toThrow(/trailing/);
  });

  it('copies bytes so callers cannot alias the payload', () => {
    const src = fromHex('0102');
    const out = new ByteReader(src).bytes(2, 'b');
    out[0] = 9;
    expect(src[0]).toBe(1);
  });
});
