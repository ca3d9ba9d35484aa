// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a worker puts in front of a failure message so that reports can tell a known defect, an
 * intermittent one, an environment failure or a harness error from a new product defect
 * without re-deriving it (reports/allure-config.ts matches these markers).
 */
import { categoriseFailure, failureFrom } from './failure.ts';

export const FAILURE_MARKER = {
  knownDefect: '[known defect',
  intermittent: '[intermittent',
  environment: '[environment failure]',
  harness: '[harness error]',
} as const;

/** A defect the ledger already knows, as a run's workers receive it. */
export interface KnownDefect {
  readonly id: string;
  /** Its signature (harness/cycle/failure.ts). */
  readonly signature: string;
  readonly state: string;
  readonly intermittent: boolean;
}

export interface MarkedFailure {
  /** The marker to put before the message, or '' for a new product defect. */
  readonly prefix: string;
  /** The known defect it matched, if any. */
  readonly defect: KnownDefect | null;
}

export function markFailure(testCaseId: string, message: string, known: readonly KnownDefect[]): MarkedFailure {
  const category = categoriseFailure(message);
  if (category === 'environment') return { prefix: `${FAILURE_MARKER.environment} `, defect: null };
  if (category === 'harness') return { prefix: `${FAILURE_MARKER.harness} `, defect: null };
  const failure = failureFrom(testCaseId, [message]);
  const signatures = failure.signatures ?? [failure.signature];
  const defect = known.find((d) => signatures.includes(d.signature)) ?? null;
  if (!defect) return { prefix: '', defect: null };
  const marker = defect.intermittent ? FAILURE_MARKER.intermittent : FAILURE_MARKER.knownDefect;
  return { prefix: `${marker} ${defect.id} (${defect.state})] `, defect };
}

/** The message without a marker a worker may have put in front of it. */
export function stripMarker(message: string): string {
  return message.replace(/^\[(?:known defect|intermittent) [^\]]*\] /, '').replace(/^\[(?:environment failure|harness error)\] /, '');
}
