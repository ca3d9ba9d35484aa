// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The audit record of an assessment: appended to the ledger (table `assessments`) with the
 * control point, the programme date, the decision, the inputs hash and the result. The wall time
 * and the record id are the only things that differ between two assessments of equal inputs.
 */
import type { Ledger } from '../ledger/ledger.ts';
import type { Assessment } from './assessment.ts';

export function recordAssessment(ledger: Ledger, assessment: Assessment, atWall: string): string {
  return ledger.recordAssessment({
    controlPoint: assessment.controlPoint.id,
    programmeDate: assessment.at,
    decision: assessment.decision,
    inputsHash: assessment.inputsHash,
    atWall,
    result: assessment as unknown as Record<string, unknown>,
  });
}
