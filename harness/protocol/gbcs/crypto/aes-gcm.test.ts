// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { GbcsCryptoError } from '../errors.ts';
import { GBCS_18_4 } from '../gbcs-test-fixtures.ts';
import { bytesToHex, hexToBytes } from '../hex.ts';
import { gcmOpen, gcmSeal } from './aes-gcm.ts';

const v = GBCS_18_4.nistGcmExample6;

describe('AES-128-GCM', () => {
  it('reproduces NIST GCM example 6 with a 12-byte tag', () => {
    const sealed = gcmSeal(hexToBytes(v.key), hexToBytes(v.iv), hexToBytes(v.plaintext), hexToBytes(v.aad), 12);
    expect(bytesToHex(sealed.ciphertext)).toBe(v.ciphertext);
    expect(bytesToHex(sealed.tag)).toBe(v.tag);
    const opened = gcmOpen(hexToBytes(v.key), hexToBytes(v.iv), hexToBytes(v.ciphertext), hexToBytes(v.tag), hexToBytes(v.aad));
    expect(bytesToHex(opened ?? new Uint8Array(0))).toBe(v.plaintext);
  });

  it('returns null when anything was altered', () => {
    const flip = (hex: string, at: number): Uint8Array => {
      const bytes = hexToBytes(hex);
      bytes[at] = (bytes[at] as number) ^ 0x01;
      return bytes;
    };
    expect(gcmOpen(hexToBytes(v.key), hexToBytes(v.iv), flip(v.ciphertext, 5), hexToBytes(v.tag), hexToBytes(v.aad))).toBeNull();
    expect(gcmOpen(hexToBytes(v.key), hexToBytes(v.iv), hexToBytes(v.ciphertext), flip(v.tag, 11), hexToBytes(v.aad))).toBeNull();
    expect(gcmOpen(hexToBytes(v.key), hexToBytes(v.iv), hexToBytes(v.ciphertext), hexToBytes(v.tag), flip(v.aad, 0))).toBeNull();
    expect(gcmOpen(flip(v.key, 15), hexToBytes(v.iv), hexToBytes(v.ciphertext), hexToBytes(v.tag), hexToBytes(v.aad))).toBeNull();
  });

  it('rejects wrong key and IV sizes', () => {
    expect(() => gcmSeal(new Uint8Array(15), new Uint8Array(12), new Uint8Array(0), new Uint8Array(0))).toThrow(GbcsCryptoError);
    expect(() => gcmSeal(new Uint8Array(16), new Uint8Array(16), new Uint8Array(0), new Uint8Array(0))).toThrow(/IV must be 12 bytes/);
    expect(() => gcmOpen(new Uint8Array(16), new Uint8Array(12), new Uint8Array(0), new Uint8Array(2), new Uint8Array(0))).toThrow(/tag/);
  });
});
