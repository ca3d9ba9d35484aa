// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * An execution with the programme date and start of its run: what the defect projection reads
 * from the ledger, and the order it reads it in.
 *
 * Order: the run's programme date, then the run's wall-clock start, then the run id, the plan
 * item id and the attempt. Programme time first, because that is the calendar releases and
 * claims are dated on; the wall start only orders runs of one programme day; the ids make the
 * order total, so a projection of two merged ledgers is the same whichever way they merged.
 */
import type { Combination, Ledger, LedgerExecution, LedgerRun } from '../ledger/ledger.ts';

export interface DatedExecution {
  /** The run's programme date, YYYY-MM-DD. */
  readonly programmeDate: string;
  /** The run's wall-clock start, ISO-8601. */
  readonly runStartedAtWall: string;
  readonly execution: LedgerExecution;
}

/** Every execution of the ledger with its run's dates, in projection order. */
export function datedExecutions(ledger: Ledger): DatedExecution[] {
  return datedExecutionsOf(ledger.listRuns(), (run) => ledger.executionsForRun(run.id));
}

/** The same from runs and a way to read a run's executions (e.g. from another store). */
export function datedExecutionsOf(
  runs: readonly Pick<LedgerRun, 'id' | 'programmeDate' | 'startedAtWall'>[],
  executionsOf: (run: Pick<LedgerRun, 'id' | 'programmeDate' | 'startedAtWall'>) => readonly LedgerExecution[],
): DatedExecution[] {
  return runs
    .flatMap((run) => executionsOf(run).map((execution) => ({ programmeDate: run.programmeDate, runStartedAtWall: run.startedAtWall, execution })))
    .sort(compareDatedExecutions);
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareDatedExecutions(a: DatedExecution, b: DatedExecution): number {
  return (
    text(a.programmeDate, b.programmeDate) ||
    text(a.runStartedAtWall, b.runStartedAtWall) ||
    text(a.execution.runId, b.execution.runId) ||
    text(a.execution.planItemId, b.execution.planItemId) ||
    a.execution.attempt - b.execution.attempt
  );
}

/** `TOSH 12.26 × MM1 E470 1.4 @ 2.4GHz`: one name per combination (the meter type is left out: the model implies it). */
export function combinationName(c: Combination): string {
  return `${c.commsHub.vendor} ${c.commsHub.firmware} × ${c.meter.manufacturer} ${c.meter.model} ${c.meter.firmware} @ ${c.band}`;
}
