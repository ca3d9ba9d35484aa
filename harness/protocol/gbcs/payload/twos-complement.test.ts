// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadEncodeError } from './payload-errors.ts';
import { toSigned, toSignedBig, toUnsigned, toUnsignedBig } from './twos-complement.ts';

describe("two's complement", () => {
  it('converts numbers', () => {
    expect(toUnsigned(-1, 8, 'i')).toBe(0xff);
    expect(toSigned(0xff, 8)).toBe(-1);
    expect(() => toUnsigned(128, 8, 'i')).toThrow(PayloadEncodeError);
  });

  it('converts bigints', () => {
    expect(toUnsignedBig(-1n, 64, 'i')).toBe(0xffff_ffff_ffff_ffffn);
    expect(toSignedBig(0xffff_ffff_ffff_ffffn, 64)).toBe(-1n);
    expect(() => toUnsignedBig(1n << 63n, 64, 'i')).toThrow(PayloadEncodeError);
  });
});
