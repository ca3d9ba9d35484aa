// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The payload codecs' reader: the shared ByteReader (../byte-reader.ts), failing with a
 * {@link PayloadDecodeError} (field "payload …") and wording truncation and trailing bytes as
 * the payload codecs report them. Offsets are absolute in the payload (or in a decrypted block).
 */
import { ByteReader } from '../byte-reader.ts';
import { PayloadDecodeError } from './payload-errors.ts';

export class PayloadReader extends ByteReader {
  protected override decodeError(offset: number, field: string, expected: string, found: string | undefined): PayloadDecodeError {
    return new PayloadDecodeError(offset, field, expected, found);
  }

  protected override shortfallText(remaining: number): string {
    return `${remaining} left (payload truncated)`;
  }

  protected override surplusText(remaining: number): string {
    return `${remaining} trailing byte(s)`;
  }
}
