// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * P-256 keys as GBCS parties hold them: raw 32-byte private scalars and 65-byte uncompressed
 * public points (EcKey). Deterministic derivation for emulated devices (a seed reproduces every
 * key, hence every signature and MAC), and import from the RTDS keystore's PEM files.
 */
import { createHash, createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { GbcsCryptoError, KeyFileError } from './errors.ts';
import { normalizeEui } from './eui.ts';
import type { EcKey, Eui64, PartyKeys } from './frame-types.ts';
import { bytesToHex, concatBytes } from './hex.ts';

export type KeyPurpose = 'ds' | 'ka';

const CURVE_ORDER: bigint = p256.Point.Fn.ORDER;

/**
 * A key pair derived from (seed, EUI, purpose): scalar = SHA-256("dit/gbcs-key" ‖ seed ‖ EUI ‖
 * purpose) reduced into [1, n-1]. The same inputs always give the same key.
 */
export function deriveKeyPair(seed: string | number, eui: Eui64, purpose: KeyPurpose): Required<EcKey> {
  const digest = createHash('sha256').update(`dit/gbcs-key\u0000${String(seed)}\u0000${normalizeEui(eui)}\u0000${purpose}`).digest();
  const scalar = (BigInt(`0x${digest.toString('hex')}`) % (CURVE_ORDER - 1n)) + 1n;
  const privateKey = scalarToBytes(scalar);
  return { privateKey, publicKey: publicKeyFromPrivate(privateKey) };
}

/**
 * Both key pairs of a party, derived from the seed — each on first use (a derivation costs a
 * point multiplication, and a premises holds parties whose keys a run may never need: scale).
 */
export function deriveParty(seed: string | number, eui: Eui64): PartyKeys {
  const id = normalizeEui(eui);
  let ds: EcKey | undefined;
  let ka: EcKey | undefined;
  return {
    eui: id,
    get ds(): EcKey {
      return (ds ??= deriveKeyPair(seed, id, 'ds'));
    },
    get ka(): EcKey {
      return (ka ??= deriveKeyPair(seed, id, 'ka'));
    },
  };
}

function scalarToBytes(scalar: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let rest = scalar;
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

/** The 65-byte public point of a 32-byte private scalar. */
export function publicKeyFromPrivate(privateKey: Uint8Array): Uint8Array {
  checkPrivateKey(privateKey, 'public key from private key');
  try {
    return p256.getPublicKey(privateKey, false);
  } catch (error) {
    throw new GbcsCryptoError('public key from private key', (error as Error).message);
  }
}

function checkPrivateKey(privateKey: Uint8Array, operation: string): void {
  if (privateKey.length !== 32) throw new GbcsCryptoError(operation, `P-256 private key must be 32 bytes, got ${privateKey.length}`);
}

/** Throws unless `publicKey` is a 65-byte uncompressed P-256 point on the curve. */
export function checkPublicKey(publicKey: Uint8Array, operation: string): void {
  if (publicKey.length !== 65 || publicKey[0] !== 0x04) {
    throw new GbcsCryptoError(operation, `P-256 public key must be 65 bytes starting 04, got ${publicKey.length} bytes`);
  }
  if (!p256.utils.isValidPublicKey(publicKey, false)) throw new GbcsCryptoError(operation, 'public key is not a point on P-256');
}

/** Accepts the GBCS §18.4 style 64-byte X ‖ Y as well as 65-byte 04 ‖ X ‖ Y. */
export function publicKeyFromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  const bytes = Uint8Array.from(Buffer.from(clean, 'hex'));
  if (bytes.length * 2 !== clean.length) throw new GbcsCryptoError('public key from hex', 'not hex');
  const point = bytes.length === 64 ? concatBytes(Uint8Array.of(0x04), bytes) : bytes;
  checkPublicKey(point, 'public key from hex');
  return point;
}

const keyObjectCache = new Map<string, KeyObject>();

/** node:crypto KeyObject of a raw public point (cached: verification reuses it). */
export function publicKeyObject(publicKey: Uint8Array): KeyObject {
  const cacheKey = bytesToHex(publicKey);
  const hit = keyObjectCache.get(cacheKey);
  if (hit) return hit;
  checkPublicKey(publicKey, 'import public key');
  const keyObject = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: Buffer.from(publicKey.subarray(1, 33)).toString('base64url'),
      y: Buffer.from(publicKey.subarray(33, 65)).toString('base64url'),
    },
    format: 'jwk',
  });
  if (keyObjectCache.size >= 4096) keyObjectCache.clear();
  keyObjectCache.set(cacheKey, keyObject);
  return keyObject;
}

function rawPointOf(keyObject: KeyObject, what: string): Uint8Array {
  const jwk = keyObject.export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.x === undefined || jwk.y === undefined) {
    throw new Error(`${what} is not a P-256 key (kty ${jwk.kty ?? '?'}, crv ${jwk.crv ?? '?'})`);
  }
  return concatBytes(Uint8Array.of(0x04), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url'));
}

/**
 * The raw public point of an X.509 certificate (PEM or DER).
 * @param source names the certificate in errors (a file name).
 * @throws KeyFileError when it is not a readable P-256 certificate.
 */
export function publicKeyFromCertificate(certificate: string | Uint8Array, source = 'certificate'): Uint8Array {
  try {
    const x509 = new X509Certificate(typeof certificate === 'string' ? certificate : Buffer.from(certificate));
    return rawPointOf(x509.publicKey, 'certificate key');
  } catch (error) {
    throw new KeyFileError(source, `not a readable P-256 X.509 certificate (${(error as Error).message})`);
  }
}

/**
 * The raw public point of a `.pem` file as the RTDS keystore holds them: an X.509 certificate,
 * or a bare SubjectPublicKeyInfo "PUBLIC KEY" (RTDS fffffffffffffffe-ka.pem, the GBCS §18.4
 * deviceA key).
 * @throws KeyFileError naming `source` when it is neither, or not P-256.
 */
export function publicKeyFromPem(pem: string, source = 'PEM'): Uint8Array {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) return publicKeyFromCertificate(pem, source);
  try {
    return rawPointOf(createPublicKey({ key: pem, format: 'pem' }), 'public key');
  } catch (error) {
    throw new KeyFileError(source, `not a readable P-256 public key (${(error as Error).message})`);
  }
}

/**
 * The 32-byte scalar and public point of a PEM private key (the RTDS `.key` files are PKCS#8
 * "PRIVATE KEY"; SEC1 "EC PRIVATE KEY" works too).
 * @throws KeyFileError when it is not a readable P-256 private key.
 */
export function keyPairFromPrivateKeyPem(pem: string, source = 'private key'): Required<EcKey> {
  try {
    const keyObject = createPrivateKey({ key: pem, format: 'pem' });
    const jwk = keyObject.export({ format: 'jwk' });
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.d === undefined) throw new Error(`not a P-256 private key (kty ${jwk.kty ?? '?'}, crv ${jwk.crv ?? '?'})`);
    const privateKey = new Uint8Array(Buffer.from(jwk.d, 'base64url'));
    return { privateKey, publicKey: rawPointOf(createPublicKey(keyObject), 'private key') };
  } catch (error) {
    throw new KeyFileError(source, `not a readable P-256 private key (${(error as Error).message})`);
  }
}
