// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Schedule: the forecast completion at the criterion's percentile (P50 or P90) falls on or
 * before the deadline the decision depends on. No forecast (nothing recorded to measure rates
 * from, or beyond the horizon): fail, with the forecast's reason.
 */
import type { ScheduleCriterion } from '../../programme/control-point-criterion.ts';
import type { AssessmentContext } from '../assessment-context.ts';
import { evidence, type Verdict } from '../evidence.ts';

export function evaluateSchedule(criterion: ScheduleCriterion, context: AssessmentContext): Verdict {
  const f = context.forecast;
  const date = criterion.basis === 'forecast-p50' ? f.p50 : f.p90;
  const label = criterion.basis === 'forecast-p50' ? 'P50' : 'P90';
  const deadline = evidence('programme', `deadline ${criterion.deadline}: ${criterion.deadlineReason}`);
  if (date === null) return { passed: false, evidence: [deadline, evidence('forecast', `no ${label} forecast of ${criterion.milestone}: ${f.unavailable ?? 'unavailable'}`)] };
  const passed = date <= criterion.deadline;
  return { passed, evidence: [deadline, evidence('forecast', `${criterion.milestone}: ${label} ${date} (P50 ${f.p50 ?? '—'}), ${passed ? 'on or before' : 'after'} the deadline`)] };
}
