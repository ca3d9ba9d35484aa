// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A defect's severity (DOMAIN.md): 1 blocks a scenario or corrupts state, no workaround; 2 a
 * major function fails, a workaround exists; 3 a minor deviation; 4 cosmetic. It comes from the
 * metadata of the failing test case, which each execution record carries (`severity`); when
 * the failures of one defect carry different severities (the metadata changed between runs)
 * the most severe wins. An execution without a valid severity counts as the projection's
 * default (2 unless told: a failure nobody has classified is treated as major until someone
 * annotates it). A person's override (an annotation) replaces the result.
 */
import type { Severity } from '../dit/test-case-meta.ts';
import type { LedgerExecution } from '../ledger/ledger.ts';

export type { Severity };

export const DEFAULT_SEVERITY: Severity = 2;

export function isSeverity(value: unknown): value is Severity {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The severity an execution record carries, if valid. */
export function severityOf(execution: LedgerExecution): Severity | undefined {
  const value = execution['severity'];
  return isSeverity(value) ? value : undefined;
}

/** The most severe (lowest number) of several. */
export function mostSevere(severities: Iterable<Severity>, fallback: Severity): Severity {
  let best: Severity | undefined;
  for (const s of severities) if (best === undefined || s < best) best = s;
  return best ?? fallback;
}
