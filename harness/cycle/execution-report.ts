// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a DIT worker reports about one execution, beyond vitest's own result: the plan item,
 * the combination, the seed, the world time it took and the message trace. It travels in the
 * test's `meta` from the worker to the reporters in the main process.
 */
import type { TestCaseMeta } from '../dit/test-case-meta.ts';
import type { Combination } from './combination.ts';
import type { TraceEntry } from './trace.ts';

export interface ExecutionReport {
  readonly planItemId: string;
  readonly testCase: TestCaseMeta;
  readonly combination: Combination;
  readonly seed: string;
  readonly target: string;
  /** World time the test took (virtual when emulated), ms. */
  virtualDurationMs: number;
  trace: TraceEntry[];
  traceHash: string;
}

declare module 'vitest' {
  interface TaskMeta {
    dit?: ExecutionReport;
  }
}
