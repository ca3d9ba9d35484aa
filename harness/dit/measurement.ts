// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A measurement with limits, the way OpenHTF records test results: a named value a test case
 * took (a decoded register, a clock offset, the time a response took in virtual time, the number
 * of messages nobody asked for), the limits it had to lie within, and whether it did. A DIT
 * execution keeps every measurement it took — passing ones too — so a report shows how close to
 * its limit a device was, not only that it passed; one outside its limits fails the execution.
 *
 * Limits: `min` / `max` (inclusive, numbers), `equals` (a number, string, boolean or null),
 * `oneOf` (a list of allowed values). A measurement may carry several; it passes when it meets
 * all of them. Values are plain JSON (they land in the ledger as they are).
 */

export type MeasuredValue = number | string | boolean | null;

export interface MeasurementLimits {
  /** Inclusive lower limit (numbers). */
  readonly min?: number;
  /** Inclusive upper limit (numbers). */
  readonly max?: number;
  /** The value must equal this. */
  readonly equals?: MeasuredValue;
  /** The value must be one of these. */
  readonly oneOf?: readonly MeasuredValue[];
}

export interface MeasurementSpec extends MeasurementLimits {
  /** Unit of a numeric value, e.g. "ms", "Wh", "s". */
  readonly unit?: string;
}

export interface Measurement {
  readonly name: string;
  readonly value: MeasuredValue;
  readonly unit?: string;
  readonly limits: MeasurementLimits;
  readonly outcome: 'pass' | 'fail';
}

/** A measurement of `value` against `spec`: its outcome decided, nothing thrown. */
export function measurementOf(name: string, value: MeasuredValue, spec: MeasurementSpec): Measurement {
  const { unit, ...limits } = spec;
  if (limits.min === undefined && limits.max === undefined && !('equals' in limits) && limits.oneOf === undefined) {
    throw new Error(`measurement "${name}" has no limits: give min, max, equals or oneOf`);
  }
  return { name, value, ...(unit !== undefined ? { unit } : {}), limits, outcome: withinLimits(value, limits) ? 'pass' : 'fail' };
}

export function withinLimits(value: MeasuredValue, limits: MeasurementLimits): boolean {
  if (limits.min !== undefined && !(typeof value === 'number' && value >= limits.min)) return false;
  if (limits.max !== undefined && !(typeof value === 'number' && value <= limits.max)) return false;
  if ('equals' in limits && value !== limits.equals) return false;
  if (limits.oneOf !== undefined && !limits.oneOf.includes(value)) return false;
  return true;
}

/** The limits as a reader writes them: "≥ 1 Wh", "≤ 60000 ms", "1000 … 2000 ms", "= 0", "one of A, B". */
export function describeLimits(limits: MeasurementLimits, unit?: string): string {
  const u = unit ? ` ${unit}` : '';
  const parts: string[] = [];
  if (limits.min !== undefined && limits.max !== undefined) parts.push(`${limits.min} … ${limits.max}${u}`);
  else if (limits.min !== undefined) parts.push(`≥ ${limits.min}${u}`);
  else if (limits.max !== undefined) parts.push(`≤ ${limits.max}${u}`);
  if ('equals' in limits) parts.push(`= ${show(limits.equals ?? null)}${typeof limits.equals === 'number' ? u : ''}`);
  if (limits.oneOf !== undefined) parts.push(`one of ${limits.oneOf.map(show).join(', ')}`);
  return parts.join(' and ');
}

/** One line: `name = value unit (limit …) ✓|✗`. */
export function describeMeasurement(m: Measurement): string {
  const value = `${show(m.value)}${typeof m.value === 'number' && m.unit ? ` ${m.unit}` : ''}`;
  return `${m.name} = ${value} (limit ${describeLimits(m.limits, m.unit)}) ${m.outcome === 'pass' ? '✓' : '✗'}`;
}

/** The failure message of a measurement outside its limits. */
export function measurementFailure(m: Measurement): string {
  const value = `${show(m.value)}${typeof m.value === 'number' && m.unit ? ` ${m.unit}` : ''}`;
  return `measurement "${m.name}": ${value} is outside its limits (expected ${describeLimits(m.limits, m.unit)})`;
}

/** A value as a report shows it: strings quoted, null (nothing was measured) as "none". */
function show(v: MeasuredValue): string {
  return typeof v === 'string' ? JSON.stringify(v) : v === null ? 'none' : String(v);
}
