// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test evidence, `open-defects`: the open defects by severity — projected from the ledger at
 * the assessment date (harness/defects), not verified and not quarantined — at most the limit
 * per severity; optionally only defects seen on a release of the listed device models.
 */
import type { Defect } from '../../defects/defect.ts';
import type { OpenDefectsCriterion } from '../../programme/control-point-criterion.ts';
import { SEVERITY_KEYS } from '../../programme/control-point-criterion.ts';
import type { Programme } from '../../programme/programme.ts';
import type { AssessmentContext } from '../assessment-context.ts';
import { evidence, type Evidence, type Verdict } from '../evidence.ts';

/** Defects not verified and not quarantined. */
export function openDefects(defects: readonly Defect[]): Defect[] {
  return defects.filter((d) => d.blocking);
}

/** Defects seen on a release of one of the models (every defect when `models` is undefined). */
export function defectsOnModels(programme: Pick<Programme, 'firmwareReleases'>, defects: readonly Defect[], models: readonly string[] | undefined): Defect[] {
  if (models === undefined) return [...defects];
  const modelOf = new Map(programme.firmwareReleases.map((r) => [r.id, r.target.deviceModel]));
  return defects.filter((d) => d.seenOn.some((release) => models.includes(modelOf.get(release) ?? '')));
}

export function evaluateOpenDefects(criterion: OpenDefectsCriterion, context: AssessmentContext): Verdict {
  const open = openDefects(defectsOnModels(context.programme, context.defects, criterion.models));
  const found: Evidence[] = [];
  let passed = true;
  for (const severity of SEVERITY_KEYS) {
    const ofSeverity = open.filter((d) => String(d.severity) === severity);
    const limit = criterion.maxOpen[severity];
    if (limit === undefined && ofSeverity.length === 0) continue;
    const over = limit !== undefined && ofSeverity.length > limit;
    if (over) passed = false;
    const list = ofSeverity.slice(0, 6).map((d) => `${d.id} ${d.testCase} (${d.state}, found in ${d.foundIn})`);
    found.push(
      evidence(
        'ledger',
        `severity ${severity}: ${ofSeverity.length} open${limit === undefined ? ' (no limit)' : `, at most ${limit} allowed`}${list.length > 0 ? ` — ${list.join('; ')}${ofSeverity.length > list.length ? '; …' : ''}` : ''}`,
        { severity: Number(severity), open: ofSeverity.length, limit: limit ?? null, defects: ofSeverity.map((d) => d.id) },
      ),
    );
  }
  if (found.length === 0) found.push(evidence('ledger', `no open defect${criterion.models ? ` on ${criterion.models.join(', ')}` : ''} as of ${context.at}`));
  return { passed, evidence: found };
}
