// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The options analysis: each of the programme's options (control-points.json `options`, each
 * with its `rule`) viable or not, with reasons drawn from the assessment:
 *
 * - continue: the forecast completes (P90) within the schedule's deadlines.
 * - pause: every unmet device need has deliveries expected that would meet it (else the pause
 *   has no end).
 * - declare-complete: some models' confidence packs passed with no open severity 1 defect on
 *   them: DIT declared complete for that scope; the rest gains assurance later.
 * - complete-with-emulators: the models missing are emulated, their emulated confidence results
 *   passed, and parity with real devices (lab runs) was shown where both exist; otherwise it
 *   lists what is missing.
 * - close: DIT closes and meter testing moves to UIT; viable whenever the control point failed,
 *   with the cost the programme named (trust in Release 2 comms hubs).
 *
 * When the control point passes, only `continue` (formal DIT starts) is viable.
 */
import type { ControlPoint, OptionRule } from '../programme/control-point.ts';
import type { Programme } from '../programme/programme.ts';
import type { AssessmentContext } from './assessment-context.ts';
import { needStatus, type NeedStatus } from './criteria/availability.ts';
import { confidencePackByModel } from './criteria/confidence-pack.ts';
import { defectsOnModels, openDefects } from './criteria/open-defects.ts';
import type { CriterionResult } from './evidence.ts';
import type { Parity } from './parity.ts';

export type Decision = 'pass' | 'pass-with-waivers' | 'fail';

export interface OptionAssessment {
  readonly id: string;
  readonly title: string;
  readonly rule: OptionRule | null;
  readonly viable: boolean;
  readonly reasons: readonly string[];
  /** For complete-with-emulators: the evidence still missing. */
  readonly missing: readonly string[];
}

interface Inputs {
  readonly context: AssessmentContext;
  readonly decision: Decision;
  readonly criteria: readonly CriterionResult[];
  readonly parity: Parity;
}

function unmetNeeds(controlPoint: ControlPoint, programme: Programme, at: string, failedIds: ReadonlySet<string>): NeedStatus[] {
  return controlPoint.criteria
    .filter((c) => c.kind === 'availability' && failedIds.has(c.id))
    .flatMap((c) => (c.kind === 'availability' ? c.needs : []))
    .map((n) => needStatus(programme, n, at))
    .filter((s) => !s.met);
}

function judge(rule: OptionRule, inputs: Inputs): { viable: boolean; reasons: string[]; missing: string[] } {
  const { context, criteria, parity } = inputs;
  const { programme, controlPoint, at, forecast } = context;
  const failed = criteria.filter((c) => c.result === 'fail');
  const failedIds = new Set(failed.map((c) => c.id));
  const failedLine = `failed: ${failed.map((c) => c.id).join(', ') || 'none'}`;
  const unmet = unmetNeeds(controlPoint, programme, at, failedIds);
  const missingModels = [...new Set(unmet.flatMap((s) => s.models))];
  const schedules = controlPoint.criteria.filter((c) => c.kind === 'schedule');
  switch (rule) {
    case 'continue': {
      const p90 = forecast.p90;
      const deadlines = schedules.map((s) => (s.kind === 'schedule' ? `${s.deadline} (${s.deadlineReason})` : ''));
      const late = schedules.filter((s) => s.kind === 'schedule' && (p90 === null || p90 > s.deadline));
      const reasons = [
        p90 === null ? `no forecast: ${forecast.unavailable ?? 'unavailable'}` : `forecast completion P50 ${forecast.p50}, P90 ${p90}`,
        ...(deadlines.length > 0 ? [`deadline: ${deadlines.join('; ')}`] : []),
        ...(unmet.length > 0 ? [`cycles repeat as devices arrive; still missing: ${unmet.map((s) => `${s.label} (${s.delivered} of ${s.count})`).join(', ')}`] : []),
      ];
      return { viable: p90 !== null && late.length === 0, reasons, missing: [] };
    }
    case 'pause': {
      if (unmet.length === 0) return { viable: false, reasons: ['no required device is missing: nothing to wait for'], missing: [] };
      const reasons = unmet.map((s) => {
        const expected = s.later.reduce((sum, d) => sum + d.count, 0);
        return expected + s.delivered >= s.count
          ? `${s.label}: ${expected} expected (${s.later.map((d) => `${d.count} on ${d.date}`).join(', ')})`
          : `${s.label}: ${s.delivered} of ${s.count} delivered and no delivery expected that would meet the need — a pause with no end`;
      });
      const viable = unmet.every((s) => s.delivered + s.later.reduce((sum, d) => sum + d.count, 0) >= s.count);
      return { viable, reasons, missing: [] };
    }
    case 'declare-complete': {
      const packModels = controlPoint.criteria.flatMap((c) => (c.kind === 'test-evidence' && c.test === 'confidence-pack' ? [{ cycles: c.cycles, models: c.models }] : []));
      const packs = packModels.flatMap((p) => confidencePackByModel(context, p.cycles, p.models));
      const passedModels = packs.filter((p) => p.planned > 0 && p.passed === p.planned).map((p) => p.model);
      const severe = openDefects(defectsOnModels(programme, context.defects, passedModels)).filter((d) => d.severity === 1);
      const reasons = [
        passedModels.length > 0 ? `scope that passed its confidence pack: ${passedModels.join(', ')}` : 'no model passed its confidence pack: there is no scope to declare complete',
        ...(severe.length > 0 ? [`open severity 1 defects in that scope: ${severe.map((d) => d.id).join(', ')}`] : []),
        ...(missingModels.length > 0 ? [`left out, to gain assurance later (SMDA or DCC labs): ${missingModels.join(', ')}`] : []),
      ];
      return { viable: passedModels.length > 0 && severe.length === 0, reasons, missing: [] };
    }
    case 'complete-with-emulators': {
      if (missingModels.length === 0) return { viable: false, reasons: ['no device type is missing: nothing for emulators to stand in for'], missing: [] };
      const emulatedCells = [...context.cells.values()].filter((c) => missingModels.some((m) => c.combination.includes(` ${m} `)));
      const emulatedPassed = emulatedCells.filter((c) => c.latest === 'passed').length;
      const missing: string[] = [];
      if (emulatedCells.length === 0) missing.push(`confidence results of the emulated ${missingModels.join(', ')}: none recorded (no firmware release of these models in scope to plan, or not run)`);
      else if (emulatedPassed < emulatedCells.length) missing.push(`emulated ${missingModels.join(', ')}: ${emulatedCells.length - emulatedPassed} of ${emulatedCells.length} executions not passed`);
      if (parity.compared === 0) missing.push(`parity: no test has both real-device (--target lab) and emulated results (${parity.emulatedOnly} cell(s) emulated only, ${parity.labOnly} lab only)`);
      else if (parity.agreed < parity.compared) missing.push(`parity: ${parity.compared - parity.agreed} of ${parity.compared} cells disagree between lab and emulated results`);
      const reasons = [
        `stands in for: ${missingModels.join(', ')}`,
        emulatedCells.length > 0 ? `emulated confidence results: ${emulatedPassed} of ${emulatedCells.length} passed` : 'emulated confidence results: none',
        parity.compared > 0 ? `parity: ${parity.agreed} of ${parity.compared} cells agree between lab and emulated results` : 'parity: no real-device results to compare with',
        'fault audit results of the emulated device types are not recorded in the ledger: judged on confidence results and parity only [P]',
      ];
      return { viable: missing.length === 0, reasons, missing };
    }
    case 'close':
      return {
        viable: inputs.decision === 'fail',
        reasons: [
          failedLine,
          'meter test plans move to UIT, where customers test their preferred manufacturers',
          'risk: customers may trust Release 2 comms hubs less because the DIT scope was incomplete',
        ],
        missing: [],
      };
  }
}

export function analyseOptions(inputs: Inputs): OptionAssessment[] {
  return inputs.context.controlPoint.options.map((o) => {
    const rule = o.rule ?? null;
    if (rule === null) return { id: o.id, title: o.title, rule, viable: false, reasons: ['no rule given for this option (control-points.json options[].rule)'], missing: [] };
    if (inputs.decision !== 'fail') {
      const passed = rule === 'continue';
      return {
        id: o.id,
        title: o.title,
        rule,
        viable: passed,
        reasons: [passed ? `the control point ${inputs.decision === 'pass' ? 'passed' : 'passed with waivers'}: formal DIT goes ahead` : `not needed: the control point ${inputs.decision}`],
        missing: [],
      };
    }
    return { id: o.id, title: o.title, rule, ...judge(rule, inputs) };
  });
}
