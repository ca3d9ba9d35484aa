// SPDX-License-Identifier: GPL-3.0-or-later
/** Evaluates one criterion by its kind (one evaluator per kind in criteria/) and applies its waiver. */
import type { Criterion } from '../programme/control-point-criterion.ts';
import type { AssessmentContext } from './assessment-context.ts';
import { evaluateAvailability } from './criteria/availability.ts';
import { evaluateCapability } from './criteria/capability.ts';
import { evaluateConfidencePack } from './criteria/confidence-pack.ts';
import { evaluateCoverage } from './criteria/coverage-criterion.ts';
import { evaluateEocRegression } from './criteria/eoc-regression.ts';
import { evaluateOpenDefects } from './criteria/open-defects.ts';
import { evaluateSchedule } from './criteria/schedule.ts';
import type { CriterionResult, Verdict } from './evidence.ts';
import { applyWaiver } from './waiver-rule.ts';

function verdictOf(criterion: Criterion, context: AssessmentContext): Verdict {
  switch (criterion.kind) {
    case 'test-evidence':
      switch (criterion.test) {
        case 'confidence-pack':
          return evaluateConfidencePack(criterion, context);
        case 'coverage':
          return evaluateCoverage(criterion, context);
        case 'open-defects':
          return evaluateOpenDefects(criterion, context);
        case 'eoc-regression':
          return evaluateEocRegression(criterion, context);
      }
      break;
    case 'availability':
      return evaluateAvailability(criterion, context);
    case 'capability':
      return evaluateCapability(criterion, context);
    case 'schedule':
      return evaluateSchedule(criterion, context);
  }
  throw new Error(`unknown criterion ${JSON.stringify(criterion)}`);
}

export function evaluateCriterion(criterion: Criterion, context: AssessmentContext): CriterionResult {
  return applyWaiver(criterion, verdictOf(criterion, context), context.at);
}
