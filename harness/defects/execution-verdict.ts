// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What one recorded execution says about the devices under test — the line between device
 * defects and everything else:
 *
 * - `passed`: the test case passed on that combination (evidence for verifying a fix).
 * - `product`: a failed execution whose failure category is `product`: one fault per distinct
 *   failed expectation (the failure's `signatures`; a record made before they existed has its
 *   one `signature`). Only these become defects.
 * - `environment`: category `environment` (transport errors, HTTP 5xx from the DCC edge, a
 *   failed canary) — whatever the outcome. Never a device defect.
 * - `harness`: outcome `error` (the harness could not run the test), category `harness`, or a
 *   category this code does not know. Never a device defect.
 * - `not-run`: skipped.
 */
import { signatureLines } from '../cycle/failure.ts';
import type { LedgerExecution } from '../ledger/ledger.ts';

/** One failed expectation: its signature and the normalised failure line it was made from. */
export interface Fault {
  readonly signature: string;
  readonly line: string;
}

export type ExecutionVerdict =
  | { readonly kind: 'passed' }
  | { readonly kind: 'not-run' }
  | { readonly kind: 'product'; readonly faults: readonly Fault[] }
  | { readonly kind: 'environment' | 'harness'; readonly message: string; readonly signature: string };

/** The signatures a recorded failure carries, first `signature`, without repeats. */
export function failureSignatures(failure: NonNullable<LedgerExecution['failure']>): string[] {
  const listed = (failure as unknown as Readonly<Record<string, unknown>>)['signatures'];
  const extra = Array.isArray(listed) ? listed.filter((s): s is string => typeof s === 'string' && s !== '') : [];
  return [...new Set([failure.signature, ...extra])];
}

export function verdictOf(execution: LedgerExecution): ExecutionVerdict {
  if (execution.outcome === 'passed') return { kind: 'passed' };
  if (execution.outcome === 'skipped' || execution.failure === null) return { kind: 'not-run' };
  const failure = execution.failure;
  if (failure.category === 'environment') return { kind: 'environment', message: failure.message, signature: failure.signature };
  if (execution.outcome === 'error' || failure.category !== 'product') return { kind: 'harness', message: failure.message, signature: failure.signature };
  const signatures = failureSignatures(failure);
  const lines = signatureLines(execution.testCase, failure.message, signatures);
  return { kind: 'product', faults: signatures.map((signature) => ({ signature, line: lines.get(signature) ?? '' })) };
}
