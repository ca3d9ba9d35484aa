// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Environment incidents: executions that failed for a reason that is not the devices' — the
 * DCC edge or the transport (category `environment`) or the harness itself (`harness`, or
 * outcome `error`). They are listed apart from defects, never raised as device defects, and
 * block nothing by themselves (a cycle with many of them needs its environment fixed and the
 * affected plan items run again).
 */
import type { Combination } from '../ledger/ledger.ts';
import { combinationName, compareDatedExecutions, type DatedExecution } from './dated-execution.ts';
import { verdictOf } from './execution-verdict.ts';

export interface EnvironmentIncident {
  readonly category: 'environment' | 'harness';
  readonly executionId: string;
  readonly runId: string;
  readonly planItemId: string;
  readonly attempt: number;
  readonly testCase: string;
  readonly combination: Combination;
  readonly combinationName: string;
  readonly programmeDate: string;
  readonly message: string;
  readonly signature: string;
}

export interface IncidentOptions {
  /** Programme date: runs dated after it are left out. */
  readonly at: string;
}

/** The environment and harness failures among `executions`, in projection order. */
export function environmentIncidents(executions: readonly DatedExecution[], options: IncidentOptions): EnvironmentIncident[] {
  const incidents: EnvironmentIncident[] = [];
  for (const dated of [...executions].sort(compareDatedExecutions)) {
    if (dated.programmeDate > options.at) continue;
    const verdict = verdictOf(dated.execution);
    if (verdict.kind !== 'environment' && verdict.kind !== 'harness') continue;
    const e = dated.execution;
    incidents.push({
      category: verdict.kind,
      executionId: e.id,
      runId: e.runId,
      planItemId: e.planItemId,
      attempt: e.attempt,
      testCase: e.testCase,
      combination: e.combination,
      combinationName: combinationName(e.combination),
      programmeDate: dated.programmeDate,
      message: verdict.message,
      signature: verdict.signature,
    });
  }
  return incidents;
}
