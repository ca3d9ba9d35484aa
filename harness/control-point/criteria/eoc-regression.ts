// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test evidence, `eoc-regression`: the End-of-Cycle regression is clean — the runs recorded
 * under the cycle's id (as of the assessment date) executed something, and no cell's latest
 * execution in them failed or errored.
 */
import type { EocRegressionCriterion } from '../../programme/control-point-criterion.ts';
import type { AssessmentContext } from '../assessment-context.ts';
import { cellResults } from '../cell.ts';
import { evidence, type Verdict } from '../evidence.ts';

export function evaluateEocRegression(criterion: EocRegressionCriterion, context: AssessmentContext): Verdict {
  const runs = new Set(context.snapshot.runs.filter((r) => r.cycle === criterion.cycle).map((r) => r.id));
  if (runs.size === 0) return { passed: false, evidence: [evidence('ledger', `no run of ${criterion.cycle} recorded as of ${context.at}`)] };
  const cells = [...cellResults(context.snapshot.executions, (d) => runs.has(d.execution.runId)).values()];
  const failing = cells.filter((c) => c.latest === 'failed' || c.latest === 'error');
  const lines = [evidence('ledger', `${runs.size} run(s) of ${criterion.cycle}: ${cells.length} cell(s) executed, ${cells.length - failing.length} clean, ${failing.length} failing`)];
  if (failing.length > 0) lines.push(evidence('ledger', `failing: ${failing.slice(0, 8).map((c) => `${c.testCase} on ${c.combination}`).join('; ')}${failing.length > 8 ? '; …' : ''}`));
  return { passed: cells.length > 0 && failing.length === 0, evidence: lines };
}
