// SPDX-License-Identifier: GPL-3.0-or-later
/** Two's complement conversions for the signed integer fields of DLMS and ZCL payloads. */
import { PayloadEncodeError } from './payload-errors.ts';

/** The unsigned `bits`-bit pattern of a signed value; a PayloadEncodeError when it does not fit. */
export function toUnsigned(value: number, bits: number, field: string): number {
  const min = -(2 ** (bits - 1));
  const max = 2 ** (bits - 1) - 1;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PayloadEncodeError(field, `a signed integer of ${bits} bits`, String(value));
  }
  return value < 0 ? value + 2 ** bits : value;
}

export function toSigned(value: number, bits: number): number {
  return value >= 2 ** (bits - 1) ? value - 2 ** bits : value;
}

export function toUnsignedBig(value: bigint, bits: number, field: string): bigint {
  const min = -(1n << BigInt(bits - 1));
  const max = (1n << BigInt(bits - 1)) - 1n;
  if (typeof value !== 'bigint' || value < min || value > max) {
    throw new PayloadEncodeError(field, `a signed integer of ${bits} bits`, String(value));
  }
  return value < 0n ? value + (1n << BigInt(bits)) : value;
}

export function toSignedBig(value: bigint, bits: number): bigint {
  return value >= 1n << BigInt(bits - 1) ? value - (1n << BigInt(bits)) : value;
}
