// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The ledger as a control-point assessment sees it: the runs dated on or before the programme
 * date, their executions (in the defect projection's order, dated-execution.ts) and the people's
 * defect annotations. Assessments recorded earlier (the audit records) are never part of it, so
 * no assessment is an input to a later one.
 */
import { datedExecutionsOf, type DatedExecution } from '../defects/dated-execution.ts';
import type { Ledger, LedgerDefectAnnotation, LedgerRun } from '../ledger/ledger.ts';

/** What of a run the assessment reads. */
export interface SnapshotRun {
  readonly id: string;
  readonly programmeDate: string;
  readonly startedAtWall: string;
  /** 'emulated', 'loopback', 'lab' (real DCC Boxed endpoints and devices) … */
  readonly target: string;
  readonly cycle: string | null;
}

export interface LedgerSnapshot {
  readonly runs: readonly SnapshotRun[];
  readonly executions: readonly DatedExecution[];
  readonly annotations: readonly LedgerDefectAnnotation[];
}

/** The target kind of runs against real devices: their results are the reference parity is judged against. */
export const LAB_TARGET = 'lab';

export const EMPTY_SNAPSHOT: LedgerSnapshot = { runs: [], executions: [], annotations: [] };

function runOf(run: LedgerRun): SnapshotRun {
  return { id: run.id, programmeDate: run.programmeDate, startedAtWall: run.startedAtWall, target: run.target, cycle: run.cycle };
}

/** The ledger's contents as of a programme date. */
export function snapshotAsOf(ledger: Ledger, at: string): LedgerSnapshot {
  const runs = ledger.listRuns().filter((r) => r.programmeDate <= at);
  return {
    runs: runs.map(runOf),
    executions: datedExecutionsOf(runs, (run) => ledger.executionsForRun(run.id)),
    annotations: ledger.defectAnnotations(),
  };
}
