// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The coverage matrix: required vs executed vs passed, per combination and test case — the
 * gaps, not only pass rates. Rows are test cases, columns combinations; a cell is `passed`,
 * `failed` (latest execution failed or errored), `skipped`, `not-run`, or `not-required` (the
 * plan does not put that case on that combination).
 */
import type { CellResult } from './cell.ts';
import type { RequiredWork } from './required-work.ts';

export type CoverageStatus = 'passed' | 'failed' | 'skipped' | 'not-run' | 'not-required';

export interface CoverageCell {
  readonly testCase: string;
  readonly combination: string;
  readonly status: CoverageStatus;
  readonly executions: number;
}

export interface CoverageMatrix {
  readonly cycles: readonly string[];
  readonly testCases: readonly string[];
  readonly combinations: readonly string[];
  /** testCases × combinations, row by row. */
  readonly cells: readonly (readonly CoverageCell[])[];
  readonly totals: { readonly required: number; readonly executed: number; readonly passed: number };
  /** Required cells not passed, in row order. */
  readonly gaps: readonly CoverageCell[];
  /** Per combination: required, executed, passed. */
  readonly byCombination: readonly { readonly combination: string; readonly required: number; readonly executed: number; readonly passed: number }[];
}

function statusOf(result: CellResult | undefined): CoverageStatus {
  if (result === undefined) return 'not-run';
  if (result.latest === 'passed') return 'passed';
  if (result.latest === 'skipped') return 'skipped';
  return 'failed';
}

export function coverageMatrix(work: RequiredWork, results: ReadonlyMap<string, CellResult>): CoverageMatrix {
  const testCases = [...new Set(work.cells.map((c) => c.testCase))].sort();
  const combinations = [...new Set(work.cells.map((c) => c.combination))].sort();
  const required = new Map(work.cells.map((c) => [`${c.testCase}\n${c.combination}`, c]));
  const cells = testCases.map((testCase) =>
    combinations.map((combination): CoverageCell => {
      const key = `${testCase}\n${combination}`;
      const result = results.get(key);
      return { testCase, combination, status: required.has(key) ? statusOf(result) : 'not-required', executions: result?.executions ?? 0 };
    }),
  );
  const flat = cells.flat().filter((c) => c.status !== 'not-required');
  const executedOf = (list: readonly CoverageCell[]) => list.filter((c) => c.status !== 'not-run').length;
  const passedOf = (list: readonly CoverageCell[]) => list.filter((c) => c.status === 'passed').length;
  return {
    cycles: work.plans.map((p) => p.cycle.id),
    testCases,
    combinations,
    cells,
    totals: { required: flat.length, executed: executedOf(flat), passed: passedOf(flat) },
    gaps: flat.filter((c) => c.status !== 'passed'),
    byCombination: combinations.map((combination) => {
      const column = flat.filter((c) => c.combination === combination);
      return { combination, required: column.length, executed: executedOf(column), passed: passedOf(column) };
    }),
  };
}
