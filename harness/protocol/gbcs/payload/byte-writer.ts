// SPDX-License-Identifier: GPL-3.0-or-later
/** An append-only byte buffer with range-checked integer writers (the encoders' counterpart of ByteReader). */
import { PayloadEncodeError } from './payload-errors.ts';

export class ByteWriter {
  #chunks: number[] = [];

  get length(): number {
    return this.#chunks.length;
  }

  u8(value: number, field: string): this {
    return this.uintBe(value, 1, field);
  }

  /** Unsigned big-endian integer of 1..6 bytes. */
  uintBe(value: number, n: number, field: string): this {
    checkUint(value, n, field);
    for (let i = n - 1; i >= 0; i--) this.#chunks.push(Math.floor(value / 2 ** (8 * i)) % 256);
    return this;
  }

  /** Unsigned little-endian integer of 1..6 bytes. */
  uintLe(value: number, n: number, field: string): this {
    checkUint(value, n, field);
    let v = value;
    for (let i = 0; i < n; i++) {
      this.#chunks.push(v % 256);
      v = Math.floor(v / 256);
    }
    return this;
  }

  bigUintBe(value: bigint, n: number, field: string): this {
    checkBigUint(value, n, field);
    for (let i = n - 1; i >= 0; i--) this.#chunks.push(Number((value >> BigInt(8 * i)) & 0xffn));
    return this;
  }

  bigUintLe(value: bigint, n: number, field: string): this {
    checkBigUint(value, n, field);
    for (let i = 0; i < n; i++) this.#chunks.push(Number((value >> BigInt(8 * i)) & 0xffn));
    return this;
  }

  bytes(bytes: Uint8Array): this {
    for (const b of bytes) this.#chunks.push(b);
    return this;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.#chunks);
  }
}

function checkUint(value: number, n: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** (8 * n)) {
    throw new PayloadEncodeError(field, `an unsigned integer of ${8 * n} bits`, String(value));
  }
}

function checkBigUint(value: bigint, n: number, field: string): void {
  if (typeof value !== 'bigint' || value < 0n || value >= 1n << BigInt(8 * n)) {
    throw new PayloadEncodeError(field, `an unsigned integer of ${8 * n} bits`, String(value));
  }
}

/** Two's complement helpers for signed fields. */
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
