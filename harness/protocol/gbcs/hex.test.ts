// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { HexFormatError } from './errors.ts';
import { bytesEqual, bytesToHex, concatBytes, hexToBytes, spacedHexToBytes } from './hex.ts';

describe('hexToBytes / bytesToHex', () => {
  it('round-trips and writes upper case', () => {
    expect([...hexToBytes('00ff0A')]).toEqual([0x00, 0xff, 0x0a]);
    expect(bytesToHex(Uint8Array.of(0xdf, 0x09, 0x0a))).toBe('DF090A');
    expect(bytesToHex(hexToBytes(''))).toBe('');
  });

  it('rejects an odd length, naming the source', () => {
    expect(() => hexToBytes('ABC', 'x.HEX')).toThrow(HexFormatError);
    expect(() => hexToBytes('ABC', 'x.HEX')).toThrow(/x\.HEX.*odd number of hex digits \(3\)/);
  });

  it('rejects a non-hex character, naming its position', () => {
    try {
      hexToBytes('00G1');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HexFormatError);
      expect((error as HexFormatError).position).toBe(2);
      expect((error as HexFormatError).message).toContain('"G"');
    }
    expect(() => hexToBytes('00 1')).toThrow(/character 2/);
  });
});

describe('spacedHexToBytes', () => {
  it('ignores white space, "-" and ":" between the digits', () => {
    expect(bytesToHex(spacedHexToBytes('de ad-be:ef'))).toBe('DEADBEEF');
    expect(bytesToHex(spacedHexToBytes('DF 09\n01'))).toBe('DF0901');
  });

  it('rejects what is not hex, naming the source', () => {
    expect(() => spacedHexToBytes('A BC', 'PAYLOADS.md')).toThrow(/PAYLOADS\.md.*odd number of hex digits \(3\)/);
    expect(() => spacedHexToBytes('XY')).toThrow(HexFormatError);
  });
});

describe('bytesEqual / concatBytes', () => {
  it('compare and join', () => {
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 2))).toBe(false);
    expect([...concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3))]).toEqual([1, 2, 3]);
  });
});
