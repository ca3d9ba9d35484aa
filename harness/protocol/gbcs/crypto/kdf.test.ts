// SPDX-License-Identifier: GPL-3.0-or-later
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GbcsCryptoError } from '../errors.ts';
import { bytesToHex, hexToBytes } from '../hex.ts';
import { deriveMessageKey, KDF_ALGORITHM_ID, transactionId } from './kdf.ts';

describe('transactionId', () => {
  it('is 09 ‖ CRA (or 04 for encryption) ‖ 8-byte counter, as after DF in a frame', () => {
    expect(bytesToHex(transactionId(1, 1000n))).toBe('090100000000000003E8');
    expect(bytesToHex(transactionId(4, 0x0102030405060708n))).toBe('09040102030405060708');
    expect(() => transactionId(1, -1n)).toThrow(GbcsCryptoError);
    expect(() => transactionId(256, 1n)).toThrow(GbcsCryptoError);
  });
});

describe('deriveMessageKey', () => {
  it('is the first 16 bytes of SHA-256(00000001 ‖ Z ‖ 60857406080300 ‖ originator ‖ transaction id ‖ recipient)', () => {
    const z = hexToBytes('11'.repeat(32));
    const expected = createHash('sha256')
      .update(hexToBytes(`00000001${'11'.repeat(32)}${'60857406080300'}${'90B3D51F30010000'}${'090200000000000003E8'}${'00DB1234567890A0'}`))
      .digest()
      .subarray(0, 16);
    const key = deriveMessageKey(z, '90B3D51F30010000', transactionId(2, 1000n), '00DB1234567890A0');
    expect(bytesToHex(key)).toBe(bytesToHex(expected));
    expect(bytesToHex(KDF_ALGORITHM_ID)).toBe('60857406080300');
  });

  it('gives different keys for different CRA flags, counters and parties', () => {
    const z = hexToBytes('22'.repeat(32));
    const keys = new Set(
      [
        deriveMessageKey(z, '90B3D51F30010000', transactionId(1, 1n), '00DB1234567890A0'),
        deriveMessageKey(z, '90B3D51F30010000', transactionId(4, 1n), '00DB1234567890A0'),
        deriveMessageKey(z, '90B3D51F30010000', transactionId(1, 2n), '00DB1234567890A0'),
        deriveMessageKey(z, '00DB1234567890A0', transactionId(1, 1n), '90B3D51F30010000'),
      ].map(bytesToHex),
    );
    expect(keys.size).toBe(4);
  });

  it('checks its inputs', () => {
    expect(() => deriveMessageKey(new Uint8Array(31), '90B3D51F30010000', transactionId(1, 1n), '00DB1234567890A0')).toThrow(/32 bytes/);
    expect(() => deriveMessageKey(new Uint8Array(32), '90B3D51F30010000', new Uint8Array(9), '00DB1234567890A0')).toThrow(/10 bytes/);
  });
});
