// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What every criterion evaluator reads: the programme, the control point, the assessment date,
 * the test case catalogue, the ledger snapshot, the latest result of every executed cell, the
 * defects projected at the date, the forecast, and the planner's required work (memoised per
 * set of cycles, so a cycle is planned once per assessment).
 */
import type { Defect } from '../defects/defect.ts';
import type { TestCaseMeta } from '../dit/test-case-meta.ts';
import type { ControlPoint } from '../programme/control-point.ts';
import type { ProgrammeDate } from '../programme/programme-date.ts';
import type { Programme } from '../programme/programme.ts';
import type { CellResult } from './cell.ts';
import type { Forecast } from './forecast.ts';
import type { LedgerSnapshot } from './ledger-snapshot.ts';
import { requiredWork, type RequiredWork } from './required-work.ts';

export interface AssessmentContext {
  readonly programme: Programme;
  readonly controlPoint: ControlPoint;
  readonly at: ProgrammeDate;
  readonly cases: readonly TestCaseMeta[];
  readonly snapshot: LedgerSnapshot;
  /** Latest result per cell over every target. */
  readonly cells: ReadonlyMap<string, CellResult>;
  readonly defects: readonly Defect[];
  readonly forecast: Forecast;
  /** The cells the cycles plan; `confidenceOnly`: only test cases tagged confidence. */
  required(cycles: readonly string[], confidenceOnly?: boolean): RequiredWork;
}

export type ContextParts = Omit<AssessmentContext, 'required' | 'forecast'>;

/** A memoising `required` for a programme, catalogue and date. */
export function requiredWorkOf(parts: Pick<ContextParts, 'programme' | 'cases' | 'at'>): AssessmentContext['required'] {
  const memo = new Map<string, RequiredWork>();
  return (cycles, confidenceOnly = false) => {
    const key = `${confidenceOnly}\n${cycles.join('\n')}`;
    let work = memo.get(key);
    if (work === undefined) {
      work = requiredWork(parts.programme, parts.cases, cycles, parts.at, confidenceOnly ? (tc) => tc.tags.includes('confidence') : undefined);
      memo.set(key, work);
    }
    return work;
  };
}

/** "no executions in the ledger as of DATE" when the snapshot is empty. */
export function noExecutionsNote(context: Pick<AssessmentContext, 'snapshot' | 'at'>): string | undefined {
  return context.snapshot.executions.length === 0 ? `no executions in the ledger as of ${context.at}: nothing has run yet` : undefined;
}
