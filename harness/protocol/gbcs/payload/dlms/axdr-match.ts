// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Matching a decoded A-XDR tree against the shape a use case expects. A mismatch is a
 * {@link PayloadDecodeError} at the offset the node was decoded from, naming the field path and
 * the expected type — e.g. "cannot decode registers[0].value at offset 33: expected
 * double-long-unsigned, found long64-unsigned".
 */
import type { Eui64 } from '../../frame-types.ts';
import { PayloadReader } from '../payload-reader.ts';
import { bytesEqual, bytesToHex } from '../../hex.ts';
import { euiFromBytes } from '../../eui.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { type AxdrData, type AxdrOf, type AxdrType, axdrOffset } from './axdr-data.ts';
import { readCosemDateTime, type CosemDateTime } from './cosem-date-time.ts';
import { formatObis, type ObisCode } from './obis.ts';

function fail(d: AxdrData, field: string, expected: string, found?: string): never {
  throw new PayloadDecodeError(axdrOffset(d) ?? 0, field, expected, found);
}

export function expectType<T extends AxdrType>(d: AxdrData, type: T, field: string): AxdrOf<T> {
  if (d.type !== type) fail(d, field, type, d.type);
  return d as AxdrOf<T>;
}

/** The items of a structure, optionally of an exact size. */
export function expectStructure(d: AxdrData, field: string, count?: number): readonly AxdrData[] {
  const s = expectType(d, 'structure', field);
  if (count !== undefined && s.items.length !== count) fail(d, field, `a structure of ${count} element(s)`, `${s.items.length}`);
  return s.items;
}

export function expectArray(d: AxdrData, field: string, count?: number): readonly AxdrData[] {
  const s = expectType(d, 'array', field);
  if (count !== undefined && s.items.length !== count) fail(d, field, `an array of ${count} element(s)`, `${s.items.length}`);
  return s.items;
}

/** Indexed access that cannot be undefined after a size check (noUncheckedIndexedAccess). */
export function item(items: readonly AxdrData[], i: number): AxdrData {
  const d = items[i];
  if (d === undefined) throw new RangeError(`element ${i} of ${items.length}`);
  return d;
}

export function expectOctetString(d: AxdrData, field: string, length?: number): Uint8Array {
  const s = expectType(d, 'octet-string', field);
  if (length !== undefined && s.value.length !== length) fail(d, field, `an octet-string of ${length} byte(s)`, `${s.value.length} byte(s)`);
  return s.value;
}

export function expectEui(d: AxdrData, field: string): Eui64 {
  return euiFromBytes(expectOctetString(d, field, 8));
}

export function expectObisOctetString(d: AxdrData, field: string): ObisCode {
  return formatObis(expectOctetString(d, field, 6));
}

/** An octet-string holding a 12-byte COSEM date-time. */
export function expectDateTimeOctetString(d: AxdrData, field: string): CosemDateTime {
  const bytes = expectOctetString(d, field, 12);
  return readCosemDateTime(new PayloadReader(bytes, (axdrOffset(d) ?? 0) + 2), field);
}

export function expectNumber(
  d: AxdrData,
  type: 'integer' | 'long' | 'unsigned' | 'long-unsigned' | 'double-long' | 'double-long-unsigned' | 'enum',
  field: string,
): number {
  return expectType(d, type, field).value;
}

export function expectBoolean(d: AxdrData, field: string): boolean {
  return expectType(d, 'boolean', field).value;
}

export function expectNull(d: AxdrData, field: string): void {
  expectType(d, 'null-data', field);
}

/** A fixed value: type and content must both match (used for the constant parts of a message). */
export function expectConstant(d: AxdrData, expected: AxdrData, field: string, describe?: string): void {
  if (!axdrEqual(d, expected)) fail(d, field, describe ?? summarise(expected), summarise(d));
}

/** Structural equality of two A-XDR values. */
export function axdrEqual(a: AxdrData, b: AxdrData): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'array':
    case 'structure': {
      const bi = (b as AxdrOf<'array'>).items;
      return a.items.length === bi.length && a.items.every((x, i) => axdrEqual(x, item(bi, i)));
    }
    case 'bit-string':
      return a.bits === (b as AxdrOf<'bit-string'>).bits;
    case 'octet-string':
    case 'date-time':
    case 'date':
    case 'time':
      return bytesEqual(a.value, (b as AxdrOf<'octet-string'>).value);
    case 'null-data':
    case 'dont-care':
      return true;
    case 'compact-array': {
      const bc = b as AxdrOf<'compact-array'>;
      return (
        JSON.stringify(a.description) === JSON.stringify(bc.description) &&
        a.elements.length === bc.elements.length &&
        a.elements.every((x, i) => axdrEqual(x, item(bc.elements, i)))
      );
    }
    default:
      return Object.is(a.value, (b as { value: unknown }).value);
  }
}

/** A short human-readable form of a value for error messages. */
export function summarise(d: AxdrData): string {
  switch (d.type) {
    case 'array':
    case 'structure':
      return `${d.type} of ${d.items.length}`;
    case 'bit-string':
      return `bit-string ${d.bits}`;
    case 'octet-string':
    case 'date-time':
    case 'date':
    case 'time':
      return `${d.type} ${bytesToHex(d.value.subarray(0, 16))}${d.value.length > 16 ? '…' : ''}`;
    case 'null-data':
    case 'dont-care':
      return d.type;
    case 'compact-array':
      return `compact-array of ${d.elements.length}`;
    default:
      return `${d.type} ${String(d.value)}`;
  }
}
