// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Errors raised by the GBCS application payload codecs (DLMS/COSEM and GBZ/ZCL).
 *
 * Every decoder in this folder rejects truncated, malformed or over-long input with a
 * {@link PayloadDecodeError} naming where (byte offset inside the payload, or inside the
 * decrypted block for protected content — the field path then says "(decrypted)"), which field,
 * and what was expected. Encoders reject typed fields that cannot be represented with a
 * {@link PayloadEncodeError}. A missing collaborator in the payload context (no cipher for
 * protected content) is a {@link PayloadContextError}.
 *
 * They extend the frame layer's GbcsDecodeError / GbcsEncodeError (harness/protocol/gbcs/errors.ts),
 * so a caller handling "any malformed GBCS bytes" catches payload errors too.
 */
import { GbcsDecodeError, GbcsEncodeError } from '../errors.ts';

/** The bytes do not form the structure a decoder expected. */
export class PayloadDecodeError extends GbcsDecodeError {
  /**
   * @param offset byte offset of the offending field (in the payload, or in a decrypted block)
   * @param field path of the field, e.g. "access-response.data[0].structure[1]"
   * @param expected what the decoder expected there
   * @param found what it found instead, when short enough to show
   */
  constructor(offset: number, field: string, expected: string, found?: string) {
    super(offset, `payload ${field}`, expected, found);
  }
}

/** A typed value cannot be encoded (out of range, wrong length, inconsistent fields). */
export class PayloadEncodeError extends GbcsEncodeError {
  constructor(field: string, expected: string, found?: string) {
    super(`payload ${field}`, expected, found ?? 'something else');
  }
}

/** The payload context lacks something the codec needs (e.g. a cipher for protected content). */
export class PayloadContextError extends Error {
  override readonly name = 'PayloadContextError';
}
