// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesEqual, bytesToEui, euiToBytes, fromHex, normaliseEui, toHex } from './hex.ts';
import { PayloadEncodeError } from './payload-errors.ts';

describe('hex helpers', () => {
  it('round-trips hex with separators', () => {
    expect(toHex(fromHex('de ad-be:ef'))).toBe('DEADBEEF');
    expect(() => fromHex('ABC')).toThrow(PayloadEncodeError);
    expect(() => fromHex('XY')).toThrow(PayloadEncodeError);
  });

  it('converts EUI-64s', () => {
    expect(bytesToEui(euiToBytes('00-DB-12-34-56-78-90-a0'))).toBe('00DB1234567890A0');
    expect(normaliseEui('90b3d51f30010000')).toBe('90B3D51F30010000');
    expect(() => euiToBytes('00DB')).toThrow(/EUI-64/);
  });

  it('compares bytes', () => {
    expect(bytesEqual(fromHex('01'), fromHex('01'))).toBe(true);
    expect(bytesEqual(fromHex('01'), fromHex('0102'))).toBe(false);
  });
});
