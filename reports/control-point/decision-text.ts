// SPDX-License-Identifier: GPL-3.0-or-later
/** How a decision and a criterion result read in the reports. */
import type { Decision } from '../../harness/control-point/options-analysis.ts';
import type { CriterionOutcome } from '../../harness/control-point/evidence.ts';

export const DECISION_TEXT: Record<Decision, string> = { pass: 'PASS', 'pass-with-waivers': 'PASS WITH WAIVERS', fail: 'FAIL' };
export const RESULT_TEXT: Record<CriterionOutcome, string> = { pass: 'pass', fail: 'FAIL', waived: 'waived' };
