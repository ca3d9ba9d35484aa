// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Runs a property suite with fast-check from a seed (never the wall clock) and, when it fails,
 * gives the shrunk counterexample, the error it ended with and the replay token
 * (property-token.ts) — the one thing a failure message must carry for `dit replay` to re-run
 * it. How many sequences a run draws: `propertyRuns()` (DIT_PROPERTY_RUNS, default 200); from
 * which seed: `propertySeed()` (DIT_PROPERTY_SEED, default fixed, so the default test run checks
 * the same sequences every time).
 */
import fc from 'fast-check';
import { formatPropertyToken } from './property-token.ts';

export const DEFAULT_PROPERTY_RUNS = 200;
/** The seed the default test run uses: fixed, so a run is reproducible and its test names stable. */
export const DEFAULT_PROPERTY_SEED = 20190412;

function envInt(name: string, fallback: number, valid: (n: number) => boolean, expected: string): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || !valid(n)) throw new Error(`${name}="${text}": expected ${expected}`);
  return n;
}

/** Sequences per property: DIT_PROPERTY_RUNS, default 200. */
export function propertyRuns(): number {
  return envInt('DIT_PROPERTY_RUNS', DEFAULT_PROPERTY_RUNS, (n) => n >= 1, 'a whole number of runs ≥ 1');
}

/** fast-check's seed: DIT_PROPERTY_SEED, default DEFAULT_PROPERTY_SEED. */
export function propertySeed(): number {
  return envInt('DIT_PROPERTY_SEED', DEFAULT_PROPERTY_SEED, (n) => n >= -(2 ** 31) && n < 2 ** 32, 'a 32-bit integer');
}

export interface PropertyCheckOptions {
  readonly numRuns: number;
  readonly seed: number;
  /** A counterexample path to go straight to (a replay): no further shrinking. */
  readonly path?: string;
}

export type PropertyCheckResult<T> =
  | { readonly failed: false; readonly numRuns: number; readonly seed: number }
  | {
      readonly failed: true;
      readonly numRuns: number;
      readonly numShrinks: number;
      readonly seed: number;
      readonly path: string;
      /** `dit replay` takes it. */
      readonly token: string;
      readonly counterexample: T;
      readonly error: Error;
    };

/** Checks `property` (named `name` in the token) from `options.seed`. */
export async function checkProperty<T>(name: string, property: fc.IAsyncPropertyWithHooks<[T]>, options: PropertyCheckOptions): Promise<PropertyCheckResult<T>> {
  const details = await fc.check(property, {
    numRuns: options.numRuns,
    seed: options.seed,
    ...(options.path !== undefined ? { path: options.path, endOnFailure: true } : {}),
  });
  if (!details.failed) return { failed: false, numRuns: details.numRuns, seed: details.seed };
  if (details.counterexample === null || details.counterexamplePath === null) {
    throw new Error(`property ${name} (seed ${details.seed}) stopped without a counterexample: ${details.interrupted ? 'interrupted' : 'too many skipped values'}`);
  }
  const error = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
  return {
    failed: true,
    numRuns: details.numRuns,
    numShrinks: details.numShrinks,
    seed: details.seed,
    path: details.counterexamplePath,
    token: formatPropertyToken({ property: name, seed: details.seed, path: details.counterexamplePath }),
    counterexample: details.counterexample[0],
    error,
  };
}

/** The failure message of a property: what broke, the shrunk counterexample, and the replay token. */
export function propertyFailureReport<T>(name: string, result: Extract<PropertyCheckResult<T>, { failed: true }>, describe: (value: T) => string[]): string {
  return [
    `property ${name} failed after ${result.numRuns} runs (${result.numShrinks} shrinks): ${result.error.message}`,
    'shrunk counterexample:',
    ...describe(result.counterexample).map((line) => `  ${line}`),
    `replay: dit replay ${result.token}`,
  ].join('\n');
}
