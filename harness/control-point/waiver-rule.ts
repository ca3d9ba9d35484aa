// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How a waiver changes a criterion's result: a failed criterion whose waiver holds on the
 * assessment date (granted on or before it, `until` on or after it) is `waived`; before the
 * waiver was granted or after it expired the criterion fails again. A passing criterion keeps
 * its pass whatever its waiver says (the waiver is shown, not needed).
 */
import type { Criterion } from '../programme/control-point-criterion.ts';
import type { CriterionResult, Verdict } from './evidence.ts';

export function applyWaiver(criterion: Criterion, verdict: Verdict, at: string): CriterionResult {
  const w = criterion.waiver;
  const inForce = w !== undefined && w.at <= at && at <= w.until;
  const note =
    w === undefined ? '' : inForce ? `waived by ${w.by} on ${w.at} until ${w.until}: ${w.why}` : at < w.at ? `waiver by ${w.by} starts ${w.at}` : `waiver by ${w.by} expired after ${w.until}`;
  return {
    id: criterion.id,
    kind: criterion.kind,
    test: criterion.kind === 'test-evidence' ? criterion.test : null,
    title: criterion.title,
    owner: criterion.owner,
    assesses: criterion.assesses ?? null,
    result: verdict.passed ? 'pass' : inForce ? 'waived' : 'fail',
    evidence: verdict.evidence,
    waiver: w === undefined ? null : { ...w, inForce, note },
  };
}
