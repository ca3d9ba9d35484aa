// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The payload encoders' writer: the shared ByteWriter (../byte-writer.ts), rejecting values
 * with a {@link PayloadEncodeError} (field "payload …").
 */
import { ByteWriter } from '../byte-writer.ts';
import { PayloadEncodeError } from './payload-errors.ts';

export class PayloadWriter extends ByteWriter {
  protected override encodeError(field: string, expected: string, found: string): PayloadEncodeError {
    return new PayloadEncodeError(field, expected, found);
  }
}
