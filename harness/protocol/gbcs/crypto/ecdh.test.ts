// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { GbcsCryptoError } from '../errors.ts';
import { acbKeys, chfKeys } from '../gbcs-test-fixtures.ts';
import { bytesToHex } from '../hex.ts';
import { ecdhSharedSecret } from './ecdh.ts';

describe('ecdhSharedSecret', () => {
  it('gives both parties the same 32-byte secret, and the cache returns it again', () => {
    const ours = ecdhSharedSecret(acbKeys.ka.privateKey as Uint8Array, chfKeys.ka.publicKey);
    const theirs = ecdhSharedSecret(chfKeys.ka.privateKey as Uint8Array, acbKeys.ka.publicKey);
    expect(ours.length).toBe(32);
    expect(bytesToHex(ours)).toBe(bytesToHex(theirs));
    expect(ecdhSharedSecret(acbKeys.ka.privateKey as Uint8Array, chfKeys.ka.publicKey)).toBe(ours);
  });

  it('rejects malformed keys with GbcsCryptoError', () => {
    expect(() => ecdhSharedSecret(new Uint8Array(31), chfKeys.ka.publicKey)).toThrow(GbcsCryptoError);
    expect(() => ecdhSharedSecret(acbKeys.ka.privateKey as Uint8Array, chfKeys.ka.publicKey.subarray(1))).toThrow(/65 bytes/);
    const offCurve = chfKeys.ka.publicKey.slice();
    offCurve[64] = (offCurve[64] as number) ^ 1;
    expect(() => ecdhSharedSecret(acbKeys.ka.privateKey as Uint8Array, offCurve)).toThrow(GbcsCryptoError);
  });
});
