// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { GbcsCryptoError } from '../errors.ts';
import { decodeFrameWithLayout } from '../frame.ts';
import { GBCS_18_4, supplierKeys } from '../gbcs-test-fixtures.ts';
import { bytesToHex, hexToBytes } from '../hex.ts';
import { publicKeyFromHex, publicKeyFromPrivate } from '../keys.ts';
import { signedDataOf, signGbcs, verifyGbcs } from './signature.ts';

describe('signGbcs / verifyGbcs', () => {
  it('reproduces RFC 6979 A.2.5 (P-256, SHA-256, message "sample")', () => {
    const privateKey = hexToBytes('C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721');
    const signature = signGbcs(new TextEncoder().encode('sample'), privateKey);
    expect(bytesToHex(signature)).toBe(
      'EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716' + 'F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8',
    );
    expect(verifyGbcs(new TextEncoder().encode('sample'), signature, publicKeyFromPrivate(privateKey))).toBe(true);
  });

  it('is deterministic and verified by node:crypto; any change fails', () => {
    const data = hexToBytes('09010000000000000001AABBCC');
    const privateKey = supplierKeys.ds.privateKey as Uint8Array;
    const first = signGbcs(data, privateKey);
    expect(bytesToHex(signGbcs(data, privateKey))).toBe(bytesToHex(first));
    expect(verifyGbcs(data, first, supplierKeys.ds.publicKey)).toBe(true);
    const altered = data.slice();
    altered[12] = 0xcd;
    expect(verifyGbcs(altered, first, supplierKeys.ds.publicKey)).toBe(false);
    expect(verifyGbcs(data, first.subarray(0, 63), supplierKeys.ds.publicKey)).toBe(false);
    expect(() => signGbcs(data, new Uint8Array(31))).toThrow(GbcsCryptoError);
  });

  it('covers the frame from the byte after DF through the payload (GBCS §18.4)', () => {
    const bytes = hexToBytes(GBCS_18_4.ecs04bCommand);
    const { frame, layout } = decodeFrameWithLayout(bytes);
    const data = signedDataOf(bytes, layout);
    expect(bytesToHex(data.subarray(0, 2))).toBe('0901');
    expect(data.length).toBe(layout.payloadEnd - layout.groupingHeaderStart - 1);
    expect(verifyGbcs(data, frame.signature as Uint8Array, publicKeyFromHex(GBCS_18_4.supplierA.dsPublicKey))).toBe(true);
  });
});
