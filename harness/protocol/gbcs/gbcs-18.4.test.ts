// SPDX-License-Identifier: GPL-3.0-or-later
/** GBCS §18.4 cryptographic test vectors: the ECS04b critical command and NIST GCM example 6. */
import { describe, expect, it } from 'vitest';
import { gcmOpen, gcmSeal } from './crypto/aes-gcm.ts';
import { GbcsDecodeError } from './errors.ts';
import { decodeFrame } from './frame.ts';
import { GBCS_18_4 } from './gbcs-test-fixtures.ts';
import { bytesToHex, hexToBytes } from './hex.ts';
import { publicKeyFromHex } from './keys.ts';
import { openFrame, sealFrame } from './secure-frame.ts';

const frameBytes = hexToBytes(GBCS_18_4.ecs04bCommand);
const supplierDsPublic = publicKeyFromHex(GBCS_18_4.supplierA.dsPublicKey);
const macKeys = { localKaPrivate: hexToBytes(GBCS_18_4.acb.kaPrivateKey), peerKaPublic: publicKeyFromHex(GBCS_18_4.deviceA.kaPublicKey) };

describe('GBCS §18.4 ECS04b critical command', () => {
  it('verifies: signature with supplierA DS public key, MAC with ECDH(ACB KA private, deviceA KA public)', () => {
    expect(openFrame(frameBytes, { mac: macKeys, signerDsPublic: supplierDsPublic })).toMatchObject({ mac: 'valid', signature: 'valid' });
  });

  it('fails both checks when any single byte of the signed part changes, and the MAC when any other byte does', () => {
    const frame = decodeFrame(frameBytes);
    const signatureStart = frameBytes.length - 12 - 64;
    const signedStart = 15; // the 09 after DF: the signature covers 09 ... end of payload
    const signedEnd = signatureStart - 1; // the signature length byte is not signed
    for (let at = 0; at < frameBytes.length; at++) {
      const altered = frameBytes.slice();
      altered[at] = (altered[at] as number) ^ 0x01;
      let result;
      try {
        result = openFrame(altered, { mac: macKeys, signerDsPublic: supplierDsPublic });
      } catch (error) {
        expect(error, `byte ${at}`).toBeInstanceOf(GbcsDecodeError);
        continue;
      }
      expect(result.mac, `MAC with byte ${at} flipped`).toBe('invalid');
      if (at >= signedStart && at < signedEnd) expect(result.signature, `signature with byte ${at} flipped`).toBe('invalid');
      if (at >= signatureStart && at < frameBytes.length - 12) expect(result.signature, `signature byte ${at} flipped`).toBe('invalid');
    }
    expect(signedEnd - signedStart).toBe(33 + frame.payload.length);
  });

  it('is rebuilt by sealFrame: same bytes up to the signature (the published one used a random nonce), valid checks, deterministic', () => {
    const frame = decodeFrame(frameBytes);
    const resealed = sealFrame(frame, frame.payload, { sign: { dsPrivateKey: hexToBytes(GBCS_18_4.supplierA.dsPrivateKey) }, mac: macKeys });
    const reopened = openFrame(resealed, { mac: macKeys, signerDsPublic: supplierDsPublic });
    expect(reopened).toMatchObject({ mac: 'valid', signature: 'valid' });
    // the published signature used a random nonce; everything else is identical
    expect(bytesToHex(resealed.subarray(0, frameBytes.length - 12 - 64))).toBe(bytesToHex(frameBytes.subarray(0, frameBytes.length - 12 - 64)));
    expect(bytesToHex(sealFrame(frame, frame.payload, { sign: { dsPrivateKey: hexToBytes(GBCS_18_4.supplierA.dsPrivateKey) }, mac: macKeys }))).toBe(bytesToHex(resealed));
  });
});

describe('NIST GCM example 6', () => {
  it('reproduces ciphertext and 12-byte tag', () => {
    const v = GBCS_18_4.nistGcmExample6;
    const sealed = gcmSeal(hexToBytes(v.key), hexToBytes(v.iv), hexToBytes(v.plaintext), hexToBytes(v.aad), 12);
    expect(bytesToHex(sealed.ciphertext)).toBe(v.ciphertext);
    expect(bytesToHex(sealed.tag)).toBe(v.tag);
    expect(gcmOpen(hexToBytes(v.key), hexToBytes(v.iv), sealed.ciphertext, sealed.tag, hexToBytes(v.aad))).not.toBeNull();
  });
});
