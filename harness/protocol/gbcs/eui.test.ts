// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { GbcsEncodeError } from './errors.ts';
import { euiFromBytes, euiToBytes, formatEuiWithDashes, isEui64, normalizeEui } from './eui.ts';

describe('EUI-64', () => {
  it('normalises the usual spellings', () => {
    expect(normalizeEui('00-DB-12-34-56-78-90-a0')).toBe('00DB1234567890A0');
    expect(normalizeEui('90:b3:d5:1f:30:01:00:00')).toBe('90B3D51F30010000');
    expect(normalizeEui('90b3d51f30010000')).toBe('90B3D51F30010000');
    expect(formatEuiWithDashes('00db1234567890a2')).toBe('00-DB-12-34-56-78-90-A2');
  });

  it('converts to and from 8 bytes', () => {
    expect([...euiToBytes('00DB1234567890A0')]).toEqual([0x00, 0xdb, 0x12, 0x34, 0x56, 0x78, 0x90, 0xa0]);
    expect(euiFromBytes(euiToBytes('90B3D51F30000002'))).toBe('90B3D51F30000002');
  });

  it('rejects what is not an EUI-64', () => {
    expect(isEui64('00DB1234567890A')).toBe(false);
    expect(() => normalizeEui('00DB1234567890AZ')).toThrow(GbcsEncodeError);
    expect(() => euiFromBytes(new Uint8Array(7))).toThrow(/8 bytes/);
  });
});
