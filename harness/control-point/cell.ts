// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A cell: one test case on one combination — the unit the coverage matrix, the confidence pack
 * and parity speak of. A cell's result is the outcome of its latest execution (the last attempt
 * of the last run, in projection order), optionally only among runs of some targets.
 */
import { combinationName, type DatedExecution } from '../defects/dated-execution.ts';
import type { Combination, Outcome } from '../ledger/ledger.ts';

export function cellKey(testCase: string, combination: Combination): string {
  return `${testCase}\n${combinationName(combination)}`;
}

export interface CellResult {
  readonly testCase: string;
  readonly combination: string;
  /** Executions recorded for the cell. */
  readonly executions: number;
  readonly passed: number;
  /** The latest execution's outcome. */
  readonly latest: Outcome;
  readonly latestRun: string;
  readonly latestDate: string;
}

/** The results of every executed cell; `include` picks the executions that count (default all). */
export function cellResults(executions: readonly DatedExecution[], include: (d: DatedExecution) => boolean = () => true): Map<string, CellResult> {
  const cells = new Map<string, CellResult>();
  for (const d of executions) {
    if (!include(d)) continue;
    const e = d.execution;
    const key = cellKey(e.testCase, e.combination);
    const before = cells.get(key);
    cells.set(key, {
      testCase: e.testCase,
      combination: combinationName(e.combination),
      executions: (before?.executions ?? 0) + 1,
      passed: (before?.passed ?? 0) + (e.outcome === 'passed' ? 1 : 0),
      latest: e.outcome,
      latestRun: e.runId,
      latestDate: d.programmeDate,
    });
  }
  return cells;
}
