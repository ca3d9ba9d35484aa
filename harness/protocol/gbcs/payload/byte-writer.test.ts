// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ByteWriter, toSigned, toUnsigned } from './byte-writer.ts';
import { toHex } from './hex.ts';
import { PayloadEncodeError } from './payload-errors.ts';

describe('ByteWriter', () => {
  it('writes integers in both byte orders', () => {
    const w = new ByteWriter().uintBe(0x0102, 2, 'a').uintLe(1000, 3, 'b').bigUintBe(1000n, 8, 'c').bigUintLe(1n, 2, 'd');
    expect(toHex(w.toBytes())).toBe('0102E8030000000000000003E80100');
  });

  it('rejects out-of-range values with the field name', () => {
    expect(() => new ByteWriter().u8(256, 'enum')).toThrow(PayloadEncodeError);
    expect(() => new ByteWriter().uintBe(-1, 2, 'x')).toThrow(/x/);
    expect(() => new ByteWriter().uintBe(1.5, 2, 'x')).toThrow(PayloadEncodeError);
    expect(() => new ByteWriter().bigUintBe(1n << 64n, 8, 'ctr')).toThrow(/ctr/);
  });

  it('converts two\'s complement', () => {
    expect(toUnsigned(-1, 8, 'i')).toBe(0xff);
    expect(toSigned(0xff, 8)).toBe(-1);
    expect(() => toUnsigned(128, 8, 'i')).toThrow(PayloadEncodeError);
  });
});
