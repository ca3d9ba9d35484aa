// SPDX-License-Identifier: GPL-3.0-or-later
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { p256 } from '@noble/curves/nist.js';
import { GbcsCryptoError, KeyFileError } from './errors.ts';
import { GBCS_18_4, TEST_CERTIFICATE_PEM, TEST_PRIVATE_KEY_PEM, TEST_PRIVATE_SCALAR_HEX, TEST_PUBLIC_POINT_HEX } from './gbcs-test-fixtures.ts';
import { bytesToHex, hexToBytes } from './hex.ts';
import {
  checkPublicKey,
  deriveKeyPair,
  deriveParty,
  keyPairFromPrivateKeyPem,
  publicKeyFromCertificate,
  publicKeyFromHex,
  publicKeyFromPem,
  publicKeyFromPrivate,
  publicKeyObject,
} from './keys.ts';

describe('deriveKeyPair / deriveParty', () => {
  it('gives the same key for the same seed, EUI and purpose, and a valid P-256 pair', () => {
    const a = deriveKeyPair('run-1', '00DB1234567890A0', 'ka');
    const b = deriveKeyPair('run-1', '00-DB-12-34-56-78-90-A0', 'ka');
    expect(bytesToHex(a.privateKey)).toBe(bytesToHex(b.privateKey));
    expect(a.privateKey.length).toBe(32);
    expect(a.publicKey.length).toBe(65);
    expect(bytesToHex(p256.getPublicKey(a.privateKey, false))).toBe(bytesToHex(a.publicKey));
    expect(p256.utils.isValidSecretKey(a.privateKey)).toBe(true);
  });

  it('differs by seed, EUI and purpose; numeric and string seeds are distinct inputs', () => {
    const keys = [
      deriveKeyPair('run-1', '00DB1234567890A0', 'ka'),
      deriveKeyPair('run-1', '00DB1234567890A0', 'ds'),
      deriveKeyPair('run-2', '00DB1234567890A0', 'ka'),
      deriveKeyPair('run-1', '00DB1234567890A1', 'ka'),
      deriveKeyPair(7, '00DB1234567890A1', 'ka'),
    ].map((k) => bytesToHex(k.privateKey));
    expect(new Set(keys).size).toBe(5);
    expect(bytesToHex(deriveKeyPair(7, '00DB1234567890A1', 'ka').privateKey)).toBe(bytesToHex(deriveKeyPair('7', '00DB1234567890A1', 'ka').privateKey));
    const party = deriveParty('run-1', '00db1234567890a2');
    expect(party.eui).toBe('00DB1234567890A2');
    expect(bytesToHex(party.ka.publicKey)).toBe(bytesToHex(deriveKeyPair('run-1', '00DB1234567890A2', 'ka').publicKey));
  });
});

describe('importing keys', () => {
  it('reads the public point of a certificate and the scalar of a PKCS#8 key', () => {
    expect(bytesToHex(publicKeyFromCertificate(TEST_CERTIFICATE_PEM))).toBe(TEST_PUBLIC_POINT_HEX);
    const pair = keyPairFromPrivateKeyPem(TEST_PRIVATE_KEY_PEM);
    expect(bytesToHex(pair.privateKey)).toBe(TEST_PRIVATE_SCALAR_HEX);
    expect(bytesToHex(pair.publicKey)).toBe(TEST_PUBLIC_POINT_HEX);
    expect(bytesToHex(publicKeyFromPrivate(pair.privateKey))).toBe(TEST_PUBLIC_POINT_HEX);
  });

  it('reads a bare PUBLIC KEY PEM as well as a certificate', () => {
    const spki = keyPairFromPrivateKeyPem(TEST_PRIVATE_KEY_PEM);
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(publicKeyFromPem(pem).length).toBe(65);
    expect(bytesToHex(publicKeyFromPem(TEST_CERTIFICATE_PEM))).toBe(bytesToHex(spki.publicKey));
    expect(() => publicKeyFromPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', 'z-ka.pem')).toThrow(/z-ka\.pem/);
  });

  it('reads SEC1 keys too, and rejects other curves and garbage naming the source', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const sec1 = privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    expect(keyPairFromPrivateKeyPem(sec1).privateKey.length).toBe(32);
    const other = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => keyPairFromPrivateKeyPem(other, 'x-ka.key')).toThrow(KeyFileError);
    expect(() => keyPairFromPrivateKeyPem('nonsense', 'x-ka.key')).toThrow(/x-ka\.key/);
    expect(() => publicKeyFromCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', 'y-ds.pem')).toThrow(/y-ds\.pem/);
  });

  it('accepts GBCS §18.4 style 64-byte X ‖ Y public keys and checks points', () => {
    const point = publicKeyFromHex(GBCS_18_4.supplierA.dsPublicKey);
    expect(point[0]).toBe(4);
    expect(bytesToHex(publicKeyFromPrivate(hexToBytes(GBCS_18_4.supplierA.dsPrivateKey)))).toBe(bytesToHex(point));
    expect(publicKeyObject(point).asymmetricKeyType).toBe('ec');
    const offCurve = point.slice();
    offCurve[64] = (offCurve[64] as number) ^ 1;
    expect(() => checkPublicKey(offCurve, 'test')).toThrow(GbcsCryptoError);
    expect(() => checkPublicKey(point.subarray(1), 'test')).toThrow(/65 bytes/);
    expect(() => publicKeyFromPrivate(new Uint8Array(32))).toThrow(GbcsCryptoError);
  });
});
