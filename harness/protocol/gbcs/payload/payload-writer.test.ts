// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../hex.ts';
import { PayloadEncodeError } from './payload-errors.ts';
import { PayloadWriter } from './payload-writer.ts';

describe('PayloadWriter', () => {
  it('writes integers in both byte orders', () => {
    const w = new PayloadWriter().uintBe(0x0102, 2, 'a').uintLe(1000, 3, 'b').bigUintBe(1000n, 8, 'c').bigUintLe(1n, 2, 'd');
    expect(bytesToHex(w.toBytes())).toBe('0102E8030000000000000003E80100');
  });

  it('rejects out-of-range values with the field name', () => {
    expect(() => new PayloadWriter().u8(256, 'enum')).toThrow(PayloadEncodeError);
    expect(() => new PayloadWriter().uintBe(-1, 2, 'x')).toThrow(/x/);
    expect(() => new PayloadWriter().uintBe(1.5, 2, 'x')).toThrow(PayloadEncodeError);
    expect(() => new PayloadWriter().bigUintBe(1n << 64n, 8, 'ctr')).toThrow(/ctr/);
    expect(() => new PayloadWriter().u8(256, 'enum')).toThrow('"payload enum": expected an unsigned integer of 8 bits, found 256');
  });
});
