// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Capability: an attested statement — who, when, with what evidence. It counts from its date:
 * an attestation dated after the assessment date, or none at all, fails the criterion.
 */
import type { CapabilityCriterion } from '../../programme/control-point-criterion.ts';
import type { AssessmentContext } from '../assessment-context.ts';
import { evidence, type Verdict } from '../evidence.ts';

export function evaluateCapability(criterion: CapabilityCriterion, context: AssessmentContext): Verdict {
  const a = criterion.attestation;
  if (a === undefined) return { passed: false, evidence: [evidence('attestation', `no attestation of ${criterion.party}'s capability recorded`)] };
  if (a.at > context.at) {
    return { passed: false, evidence: [evidence('attestation', `${criterion.party}'s attestation by ${a.by} is dated ${a.at}, after ${context.at}: not yet made`)] };
  }
  return {
    passed: true,
    evidence: [evidence('attestation', `attested by ${a.by} on ${a.at}: ${a.statement}`, a), ...a.evidence.map((e) => evidence('attestation', `evidence: ${e}`))],
  };
}
