// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Errors raised by the GBCS codec and crypto. Each names where the problem is, so a failing
 * frame from a device or a file can be found and fixed without a debugger.
 */

/** Malformed GBCS bytes: truncated, oversized, wrong constant, garbage, trailing bytes. */
export class GbcsDecodeError extends Error {
  override readonly name = 'GbcsDecodeError';

  constructor(
    /** Byte offset (from the start of the decoded buffer) where the problem was found. */
    readonly offset: number,
    /** The GBCS field being read, e.g. "content length". */
    readonly field: string,
    /** What the decoder expected there, e.g. "2 more bytes" or "DF 09". */
    readonly expected: string,
    /** What it found instead, when that helps. */
    readonly found?: string,
  ) {
    super(`GBCS decode error at byte ${offset}, field "${field}": expected ${expected}${found === undefined ? '' : `, found ${found}`}`);
  }
}

/** A value that cannot be put into a GBCS frame (length too large, wrong-sized field...). */
export class GbcsEncodeError extends Error {
  override readonly name = 'GbcsEncodeError';

  constructor(
    readonly field: string,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`GBCS encode error, field "${field}": expected ${expected}, found ${found}`);
  }
}

/** A cryptographic failure: a malformed key, an inner ciphertext whose tag does not verify. */
export class GbcsCryptoError extends Error {
  override readonly name = 'GbcsCryptoError';

  constructor(
    /** The operation that failed, e.g. "open protected payload". */
    readonly operation: string,
    readonly reason: string,
  ) {
    super(`GBCS crypto error in ${operation}: ${reason}`);
  }
}

/** Text that is not an even-length string of hex digits. */
export class HexFormatError extends Error {
  override readonly name = 'HexFormatError';

  constructor(
    /** What the text is, e.g. a file name. */
    readonly source: string,
    /** Character position of the problem. */
    readonly position: number,
    readonly reason: string,
  ) {
    super(`invalid hex in ${source} at character ${position}: ${reason}`);
  }
}

/** A key file that cannot be read or does not hold a P-256 key. */
export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';

  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot use key file ${file}: ${reason}`);
  }
}
