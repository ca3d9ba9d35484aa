// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A criterion's result and the evidence it rests on. Each piece of evidence says where it came
 * from (the ledger, the deliveries, an attestation, the plan, the forecast, the programme) and
 * what it shows in one line; `data` holds the numbers behind the line where a report needs them.
 */
import type { Waiver } from '../programme/control-point-criterion.ts';

export type EvidenceSource = 'ledger' | 'plan' | 'deliveries' | 'attestation' | 'forecast' | 'programme';

export interface Evidence {
  readonly source: EvidenceSource;
  readonly text: string;
  readonly data?: unknown;
}

/** pass; fail; waived (failed, but a waiver in force tolerates it). */
export type CriterionOutcome = 'pass' | 'fail' | 'waived';

export interface CriterionResult {
  readonly id: string;
  readonly kind: string;
  /** The test-evidence check, for kind test-evidence. */
  readonly test: string | null;
  readonly title: string;
  readonly owner: string;
  readonly assesses: string | null;
  readonly result: CriterionOutcome;
  readonly evidence: readonly Evidence[];
  /** The criterion's waiver and whether it is in force on the assessment date; null when it has none. */
  readonly waiver: (Waiver & { readonly inForce: boolean; readonly note: string }) | null;
}

/** What an evaluator returns before the waiver is applied. */
export interface Verdict {
  readonly passed: boolean;
  readonly evidence: readonly Evidence[];
}

export const evidence = (source: EvidenceSource, text: string, data?: unknown): Evidence => (data === undefined ? { source, text } : { source, text, data });
