// SPDX-License-Identifier: GPL-3.0-or-later
/** Test support: the rejection properties every payload decoder must have. */
import { expect } from 'vitest';
import { PayloadDecodeError } from '../payload-errors.ts';

/** Every strict prefix of `bytes` is rejected with a PayloadDecodeError (never another exception). */
export function expectEveryPrefixRejected(bytes: Uint8Array, decode: (b: Uint8Array) => unknown): void {
  for (let n = 0; n < bytes.length; n++) {
    let error: unknown;
    try {
      decode(bytes.slice(0, n));
    } catch (e) {
      error = e;
    }
    if (!(error instanceof PayloadDecodeError)) {
      throw new Error(`prefix of ${n}/${bytes.length} bytes: expected a PayloadDecodeError, got ${error === undefined ? 'no error' : String(error)}`);
    }
  }
}

/** A trailing byte after a complete payload is rejected with a PayloadDecodeError. */
export function expectTrailingRejected(bytes: Uint8Array, decode: (b: Uint8Array) => unknown): void {
  const longer = new Uint8Array(bytes.length + 1);
  longer.set(bytes);
  expect(() => decode(longer)).toThrow(PayloadDecodeError);
}

/** Decoding arbitrary bytes either succeeds or throws a PayloadDecodeError, nothing else. */
export function expectOnlyDecodeErrors(bytes: Uint8Array, decode: (b: Uint8Array) => unknown): void {
  try {
    decode(bytes);
  } catch (e) {
    if (!(e instanceof PayloadDecodeError)) throw new Error(`non-PayloadDecodeError ${String(e)} for ${Buffer.from(bytes).toString('hex')}`);
  }
}
