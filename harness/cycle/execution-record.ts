// SPDX-License-Identifier: GPL-3.0-or-later
/** One execution as the run records it (the ledger's row, before storage). */
import type { Measurement } from '../dit/measurement.ts';
import type { Combination } from './combination.ts';
import type { PlanDevices } from './plan-item.ts';
import type { ExecutionFailure } from './failure.ts';
import type { TraceEntry } from './trace.ts';

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface ExecutionRecord {
  readonly runId: string;
  readonly planItemId: string;
  readonly testCase: string;
  readonly title: string;
  readonly useCase: string;
  readonly srv: string;
  readonly severity: number;
  /** The case's device types (CHF/GPF-only cases attribute defects to the comms hub). */
  readonly deviceTypes: readonly string[];
  readonly combination: Combination;
  /** Programme ids of the releases under test. */
  readonly devices: PlanDevices;
  readonly attempt: number;
  readonly outcome: Outcome;
  readonly skipReason: string | null;
  readonly virtualDurationMs: number;
  readonly wallDurationMs: number;
  readonly failure: ExecutionFailure | null;
  readonly trace: readonly TraceEntry[];
  readonly traceHash: string;
  readonly seed: string;
  /** The case's tags (confidence, formal, regression, smoke): what the control point selects by. */
  readonly tags: readonly string[];
  /** The measurements the attempt took, with limits and outcomes (kept in the ledger's details). */
  readonly measurements: readonly Measurement[];
}
