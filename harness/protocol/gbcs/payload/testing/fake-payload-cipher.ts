// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test-only PayloadCipher implementations (the real one is built by the frame layer from the
 * header and the parties' keys).
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { PayloadCipher } from '../payload-cipher.ts';
import { bytesEqual, bytesToHex } from '../../hex.ts';

const HEADER = Uint8Array.of(0x31, 0, 0, 0, 0);

/** AES-128-GCM with a fixed test key and IV, AAD 31, 12-byte tag: sealed = 31 00 00 00 00 ‖ ct ‖ tag. */
export function fakeGcmCipher(key = Buffer.alloc(16, 0x42), iv = Buffer.alloc(12, 0x24)): PayloadCipher {
  return {
    seal(plaintext) {
      const c = createCipheriv('aes-128-gcm', key, iv, { authTagLength: 12 });
      c.setAAD(Buffer.of(0x31));
      const ct = Buffer.concat([c.update(plaintext), c.final()]);
      return new Uint8Array(Buffer.concat([HEADER, ct, c.getAuthTag()]));
    },
    open(sealed) {
      const d = createDecipheriv('aes-128-gcm', key, iv, { authTagLength: 12 });
      d.setAAD(Buffer.of(0x31));
      d.setAuthTag(sealed.subarray(sealed.length - 12));
      return new Uint8Array(Buffer.concat([d.update(sealed.subarray(5, sealed.length - 12)), d.final()]));
    },
  };
}

/**
 * A cipher that knows fixed (plaintext, sealed) pairs, e.g. an RTDS sealed block and the
 * plaintext PAYLOADS.md shows for it: lets a test decode and re-encode an RTDS payload byte-exact.
 */
export function fixtureCipher(pairs: ReadonlyArray<{ readonly plain: Uint8Array; readonly sealed: Uint8Array }>): PayloadCipher {
  return {
    seal(plaintext) {
      const hit = pairs.find((p) => bytesEqual(p.plain, plaintext));
      if (!hit) throw new Error(`fixtureCipher: no sealed block for plaintext ${bytesToHex(plaintext)}`);
      return hit.sealed;
    },
    open(sealed) {
      const hit = pairs.find((p) => bytesEqual(p.sealed, sealed));
      if (!hit) throw new Error('fixtureCipher: unknown sealed block');
      return hit.plain;
    },
  };
}
