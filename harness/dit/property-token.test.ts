// SPDX-License-Identifier: GPL-3.0-or-later
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPropertyToken, parsePropertyToken, PropertyTokenError } from './property-token.ts';

describe('property token', () => {
  it('formats and parses back: name, seed, path', () => {
    expect(formatPropertyToken({ property: 'premises', seed: -12, path: '3:0:1' })).toBe('premises:-12:3:0:1');
    expect(parsePropertyToken('premises:-12:3:0:1')).toEqual({ property: 'premises', seed: -12, path: '3:0:1' });
    expect(parsePropertyToken('premises:7')).toEqual({ property: 'premises', seed: 7, path: null });
    fc.assert(
      fc.property(fc.constantFrom('premises', 'duty-cycle'), fc.integer(), fc.option(fc.array(fc.nat(99), { minLength: 1, maxLength: 5 }).map((p) => p.join(':'))), (property, seed, path) => {
        expect(parsePropertyToken(formatPropertyToken({ property, seed, path }))).toEqual({ property, seed, path });
      }),
      { seed: 1 },
    );
  });

  it('names what is wrong in a malformed token', () => {
    expect(() => parsePropertyToken('')).toThrow(PropertyTokenError);
    expect(() => parsePropertyToken('Premises:1')).toThrow(/no property name/);
    expect(() => parsePropertyToken('premises')).toThrow(/seed "" is not a 32-bit integer/);
    expect(() => parsePropertyToken('premises:1.5')).toThrow(/seed "1.5"/);
    expect(() => parsePropertyToken('premises:99999999999')).toThrow(/32-bit/);
    expect(() => parsePropertyToken('premises:1:2::3')).toThrow(/path "2::3"/);
  });
});
