// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Runs one DIT case body on a target, the way every execution runs it: skipped with the reason
 * when the target's Bench lacks a capability the case needs (or the body asks for one it did not
 * declare, or calls `skip`), its measurements taken in their own log, and the outcome told apart —
 * skipped, the error the body threw, or none. What fails an attempt beyond a thrown error
 * (measurements outside their limits, expect.soft failures) is the caller's to add: the DIT
 * worker (dit-case.ts) adds both, a bare driver (scripts/bench-overhead.ts) the measurements.
 */
import { BenchCapabilityMissing, type BenchCapability } from '../bench/bench.ts';
import type { Combination } from '../cycle/combination.ts';
import type { MeterSpec, PremisesSpec } from '../programme/premises-spec.ts';
import type { DitContext } from './dit-case.ts';
import type { DitTarget } from './dit-target.ts';
import type { Measurement } from './measurement.ts';
import { closeMeasurementLog, openMeasurementLog } from './measurement-log.ts';

export interface CaseBodyRun {
  /** Why the execution was skipped, or null when it ran. */
  readonly skipped: string | null;
  /** What the body threw (null: nothing, or skipped). */
  readonly thrown: unknown | null;
  readonly measurements: readonly Measurement[];
  /** The measurements outside their limits. */
  readonly outOfLimits: readonly Measurement[];
}

class SkipExecution extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface CaseBodyInput {
  readonly target: DitTarget;
  readonly premises: PremisesSpec;
  readonly meter: MeterSpec;
  readonly combination: Combination;
  readonly needs?: readonly BenchCapability[];
}

export async function runCaseBody(body: (ctx: DitContext) => Promise<void>, input: CaseBodyInput): Promise<CaseBodyRun> {
  const { target } = input;
  const lacking = target.bench.lacking(...(input.needs ?? []));
  if (lacking !== null) return { skipped: lacking, thrown: null, measurements: [], outOfLimits: [] };
  const measurements = openMeasurementLog();
  let skipped: string | null = null;
  let thrown: unknown | null = null;
  try {
    await body({
      duis: target.duis,
      bench: target.bench,
      premises: input.premises,
      meter: input.meter,
      combination: input.combination,
      skip: (reason: string): never => {
        throw new SkipExecution(reason);
      },
      measure: (name, value, spec) => measurements.record(name, value, spec).outcome === 'pass',
    });
  } catch (e) {
    if (e instanceof SkipExecution) skipped = e.reason;
    // a Bench capability the case did not declare in `needs` but the target lacks: a skip too
    else if (e instanceof BenchCapabilityMissing) skipped = e.message;
    else thrown = e;
  } finally {
    closeMeasurementLog(measurements);
  }
  return { skipped, thrown, measurements: measurements.all, outOfLimits: skipped === null ? measurements.failed : [] };
}
