// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test evidence, `confidence-pack`: on each model of the device set, every test case tagged
 * `confidence` that the named cycles plan on the model's combinations has its latest execution
 * passed. A model the cycles plan nothing for fails with the planner's reasons.
 */
import type { ConfidencePackCriterion } from '../../programme/control-point-criterion.ts';
import { noExecutionsNote, type AssessmentContext } from '../assessment-context.ts';
import { evidence, type Evidence, type Verdict } from '../evidence.ts';

export interface ModelPack {
  readonly model: string;
  readonly planned: number;
  readonly passed: number;
  readonly failed: number;
  readonly notRun: number;
}

export function confidencePackByModel(context: AssessmentContext, cycles: readonly string[], models: readonly string[]): ModelPack[] {
  const work = context.required(cycles, true);
  return models.map((model) => {
    const cells = work.cells.filter((c) => c.item.devices.meter.modelId === model);
    const results = cells.map((c) => context.cells.get(c.key));
    const passed = results.filter((r) => r?.latest === 'passed').length;
    const notRun = results.filter((r) => r === undefined).length;
    return { model, planned: cells.length, passed, notRun, failed: cells.length - passed - notRun };
  });
}

export function evaluateConfidencePack(criterion: ConfidencePackCriterion, context: AssessmentContext): Verdict {
  const packs = confidencePackByModel(context, criterion.cycles, criterion.models);
  const work = context.required(criterion.cycles, true);
  const found: Evidence[] = [];
  const none = noExecutionsNote(context);
  if (none !== undefined) found.push(evidence('ledger', none));
  for (const p of packs) {
    if (p.planned === 0) {
      const why = work.plans.flatMap((plan) => plan.excluded.filter((e) => e.release.startsWith(p.model))).map((e) => `${e.release}: ${e.reason}`);
      found.push(evidence('plan', `${p.model}: ${criterion.cycles.join(', ')} plans no confidence case on it${why.length > 0 ? ` (${why.join('; ')})` : ''}`, p));
    } else {
      found.push(evidence('ledger', `${p.model}: ${p.passed} of ${p.planned} confidence executions passed${p.failed > 0 ? `, ${p.failed} failed` : ''}${p.notRun > 0 ? `, ${p.notRun} not run` : ''}`, p));
    }
  }
  return { passed: packs.every((p) => p.planned > 0 && p.passed === p.planned), evidence: found };
}
