// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a DIT worker reports about one execution, beyond vitest's own result: the plan item,
 * the combination, the seed, and per attempt its outcome, the world time it took and the
 * message trace. It travels in the test's `meta` from the worker to the reporters in the main
 * process, which record each attempt in the ledger.
 */
import type { Measurement } from '../dit/measurement.ts';
import type { TestCaseMeta } from '../dit/test-case-meta.ts';
import type { Combination } from './combination.ts';
import type { PlanDevices } from './plan-item.ts';
import type { TraceEntry } from './trace.ts';

export interface AttemptReport {
  readonly attempt: number;
  readonly outcome: 'passed' | 'failed' | 'skipped';
  readonly failureMessages: readonly string[];
  readonly virtualDurationMs: number;
  /** Measured, never used for decisions. */
  readonly wallDurationMs: number;
  readonly trace: readonly TraceEntry[];
  readonly traceHash: string;
  /** Every measurement the attempt took, with its limits and outcome (none for an attempt that never ran). */
  readonly measurements?: readonly Measurement[];
}

export interface ExecutionReport {
  readonly planItemId: string;
  readonly testCase: TestCaseMeta;
  readonly combination: Combination;
  /** Programme ids of the comms hub release and the meter model and release. */
  readonly devices: PlanDevices;
  readonly seed: string;
  readonly target: string;
  /** The last attempt's world time, ms. */
  virtualDurationMs: number;
  /** The last attempt's trace. */
  trace: readonly TraceEntry[];
  traceHash: string;
  readonly attempts: AttemptReport[];
}

declare module 'vitest' {
  interface TaskMeta {
    dit?: ExecutionReport;
    /** Set on every DIT test at collection: the case's metadata, for the planner. */
    ditCase?: TestCaseMeta;
  }
}
