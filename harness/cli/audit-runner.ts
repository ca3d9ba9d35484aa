// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Runs a plan of the `dit profiles audit` through the DIT suites exactly as `dit run` does — the
 * DIT workers (dit-workers.ts) with the plan and its fault sets, the cases' own bodies on targets
 * the composition root builds — and collects every execution with the execution reporter, in
 * memory (the audit writes no ledger).
 */
import { availableParallelism } from 'node:os';
import type { ExecutionRecord } from '../cycle/execution-record.ts';
import { ExecutionReporter } from '../cycle/execution-reporter.ts';
import type { PlanItem } from '../cycle/plan-item.ts';
import type { DitRunConfig, PlanItemFaultSet } from '../dit/run-config.ts';
import { runDitWorkers } from './dit-workers.ts';

export interface AuditRunResult {
  /** The final attempt of each plan item, by plan item id. */
  readonly executions: ReadonlyMap<string, ExecutionRecord>;
  /** Tests that ran without DIT metadata, or results not collected: a harness error. */
  readonly problems: readonly string[];
}

export async function runAuditPlan(
  config: DitRunConfig,
  plan: readonly PlanItem[],
  faultSets: Readonly<Record<string, PlanItemFaultSet>>,
  onExecution: (record: ExecutionRecord) => void = () => {},
): Promise<AuditRunResult> {
  const executions = new Map<string, ExecutionRecord>();
  if (plan.length === 0) return { executions, problems: [] };
  const reporter = new ExecutionReporter(config.runId, (record) => {
    executions.set(record.planItemId, record);
    onExecution(record);
  });
  await runDitWorkers(
    { ...config, plan, faultSets },
    {
      reporters: [reporter],
      // the main process only collects results: a worker per core (vitest's default leaves one idle)
      maxWorkers: Math.max(1, availableParallelism()),
      // stdout carries the audit's report (JSON with --json): whatever vitest prints goes to stderr
      stdout: process.stderr,
    },
  );
  const missing = plan.filter((i) => !executions.has(i.id)).map((i) => i.id);
  return {
    executions,
    problems: [
      ...reporter.tally.undeclared.map((t) => `test not declared with ditCase: ${t}`),
      ...(missing.length > 0 ? [`${missing.length} plan item(s) with no result: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}`] : []),
    ],
  };
}
