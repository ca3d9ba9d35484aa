// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test evidence, `coverage`: every combination × test case the named cycles plan was executed
 * (and, unless `mustPass` is false, its latest execution passed). The evidence names the gaps.
 */
import type { CoverageCriterion } from '../../programme/control-point-criterion.ts';
import { noExecutionsNote, type AssessmentContext } from '../assessment-context.ts';
import { coverageMatrix } from '../coverage-matrix.ts';
import { evidence, type Evidence, type Verdict } from '../evidence.ts';

const SHOWN = 8;

export function evaluateCoverage(criterion: CoverageCriterion, context: AssessmentContext): Verdict {
  const matrix = coverageMatrix(context.required(criterion.cycles), context.cells);
  const { required, executed, passed } = matrix.totals;
  const found: Evidence[] = [];
  const none = noExecutionsNote(context);
  if (none !== undefined) found.push(evidence('ledger', none));
  found.push(evidence('plan', `${criterion.cycles.join(', ')} plan ${required} combination × test case cell(s) on ${matrix.combinations.length} combination(s)`));
  found.push(evidence('ledger', `${executed} of ${required} executed, ${passed} passed`, matrix.totals));
  const gaps = matrix.gaps.filter((g) => g.status === 'not-run' || criterion.mustPass);
  if (gaps.length > 0) {
    const shown = gaps.slice(0, SHOWN).map((g) => `${g.testCase} on ${g.combination} (${g.status})`);
    found.push(evidence('ledger', `gaps: ${shown.join('; ')}${gaps.length > SHOWN ? `; … ${gaps.length - SHOWN} more` : ''}`));
  }
  return { passed: required > 0 && gaps.length === 0, evidence: found };
}
