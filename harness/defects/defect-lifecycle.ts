// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A defect's lifecycle, replayed from its record: its failures, the passing executions of its
 * test case, and the releases claiming to fix it, merged in projection order (a release's claim
 * counts from its programme date, before any run of that day). The rules:
 *
 * - found: the first failure. found in = the attributed component's release there.
 * - seen again: every later failure; seen again in = the attributed component's releases of
 *   those failures, other than the found-in one.
 * - claimed fixed: a (not withdrawn) release whose claimsToFix cites the defect's signature,
 *   its DEF- id or its ticket, from the release's date.
 * - verified: a PASSING execution of the defect's test case on a combination carrying the
 *   claiming release, on or after the claim.
 * - refuted: a failure, after a claim and before it is verified, on a combination carrying the
 *   claiming release or a later release of its line: the claim is dropped.
 * - reopened: a failure, after a verification, on a combination carrying the verified release
 *   or a later release of its line.
 *
 * Failures on older releases of that line (old firmware still in some combination) and on
 * combinations without that line are seen again but neither refute nor reopen: the fix was
 * never in them. Passing executions before the first failure verify nothing; a claim dated
 * before the first failure is pending from it (and listed right after `found` in the history).
 */
import type { Combination } from '../ledger/ledger.ts';
import { combinationName, compareDatedExecutions, type DatedExecution } from './dated-execution.ts';
import type { DefectEvent, DefectSighting, DefectState } from './defect.ts';
import type { Component, ReleaseCatalogue, ReleaseRef } from './release-catalogue.ts';

export interface LifecycleInput {
  /** The defect's failing executions. */
  readonly failures: readonly DatedExecution[];
  /** Passing executions of the defect's test case(s). */
  readonly passes: readonly DatedExecution[];
  /** Releases claiming the fix (already filtered: not withdrawn, dated on or before the projection date). */
  readonly claims: readonly ReleaseRef[];
  readonly component: Component;
  readonly catalogue: ReleaseCatalogue;
}

export interface Lifecycle {
  readonly state: DefectState;
  readonly foundIn: string;
  readonly seenAgainIn: readonly string[];
  readonly claimedFixedIn: readonly string[];
  readonly verifiedIn: readonly string[];
  readonly reopenedIn: readonly string[];
  readonly firstSeen: DefectSighting;
  readonly lastSeen: DefectSighting;
  readonly history: readonly DefectEvent[];
}

type Step =
  | { readonly kind: 'claim'; readonly release: ReleaseRef }
  | { readonly kind: 'fail' | 'pass'; readonly dated: DatedExecution };

function stepOrder(a: Step, b: Step): number {
  const dateOf = (s: Step): string => (s.kind === 'claim' ? (s.release.date ?? '') : s.dated.programmeDate);
  const da = dateOf(a);
  const db = dateOf(b);
  if (da !== db) return da < db ? -1 : 1;
  if (a.kind === 'claim' || b.kind === 'claim') {
    if (a.kind === 'claim' && b.kind === 'claim') return a.release.id < b.release.id ? -1 : a.release.id > b.release.id ? 1 : 0;
    return a.kind === 'claim' ? -1 : 1;
  }
  return compareDatedExecutions(a.dated, b.dated);
}

export function replayLifecycle(input: LifecycleInput): Lifecycle {
  const { catalogue, component } = input;
  if (input.failures.length === 0) throw new Error('a defect needs at least one failure');
  const steps: Step[] = [
    ...input.claims.map((release): Step => ({ kind: 'claim', release })),
    ...input.failures.map((dated): Step => ({ kind: 'fail', dated })),
    ...input.passes.map((dated): Step => ({ kind: 'pass', dated })),
  ].sort(stepOrder);

  const releaseOf = (c: Combination): ReleaseRef => catalogue.of(c)[component === 'comms-hub' ? 'commsHub' : 'meter'];
  /** The combination carries `fix` or a later release of its line. */
  const countsAgainst = (c: Combination, fix: ReleaseRef): boolean => {
    const carried = catalogue.onLine(c, fix.line);
    return carried !== undefined && (catalogue.compare(carried, fix) ?? -1) >= 0;
  };
  const sighting = (d: DatedExecution): DefectSighting => ({
    executionId: d.execution.id,
    runId: d.execution.runId,
    programmeDate: d.programmeDate,
    combination: combinationName(d.execution.combination),
    release: releaseOf(d.execution.combination).id,
  });

  const history: DefectEvent[] = [];
  const claimedFixedIn: string[] = [];
  const verifiedIn: string[] = [];
  const reopenedIn: string[] = [];
  const seenIn: string[] = [];
  let pending: ReleaseRef[] = [];
  let heldClaims: ReleaseRef[] = [];
  let verified: ReleaseRef | null = null;
  let reopenedEver = false;
  let first: DefectSighting | undefined;
  let last: DefectSighting | undefined;

  const state = (): DefectState => (verified !== null ? 'verified' : pending.length > 0 ? 'claimed-fixed' : reopenedEver ? 'reopened' : 'open');
  const claimEvent = (release: ReleaseRef): void => {
    if (!claimedFixedIn.includes(release.id)) claimedFixedIn.push(release.id);
    if (verified?.id !== release.id && !pending.some((p) => p.id === release.id)) pending.push(release);
    history.push({ kind: 'claimed-fixed', programmeDate: release.date ?? '', release: release.id, executionId: null, runId: null, combination: null, state: state() });
  };
  const executionEvent = (kind: DefectEvent['kind'], d: DatedExecution, release: string): void => {
    history.push({
      kind,
      programmeDate: d.programmeDate,
      release,
      executionId: d.execution.id,
      runId: d.execution.runId,
      combination: combinationName(d.execution.combination),
      state: state(),
    });
  };

  for (const step of steps) {
    if (step.kind === 'claim') {
      if (first === undefined) heldClaims.push(step.release);
      else claimEvent(step.release);
      continue;
    }
    const c = step.dated.execution.combination;
    if (step.kind === 'pass') {
      if (first === undefined) continue;
      const confirmed = pending.find((fix) => catalogue.onLine(c, fix.line)?.id === fix.id);
      if (confirmed === undefined) continue;
      pending = pending.filter((p) => p.id !== confirmed.id);
      verified = confirmed;
      verifiedIn.push(confirmed.id);
      executionEvent('verified', step.dated, confirmed.id);
      continue;
    }
    // a failure
    const seen = sighting(step.dated);
    last = seen;
    if (first === undefined) {
      first = seen;
      seenIn.push(seen.release);
      executionEvent('found', step.dated, seen.release);
      for (const held of heldClaims) claimEvent(held);
      heldClaims = [];
    } else if (!seenIn.includes(seen.release)) {
      seenIn.push(seen.release);
      executionEvent('seen-again', step.dated, seen.release);
    }
    if (verified !== null && countsAgainst(c, verified)) {
      const carried = catalogue.onLine(c, verified.line) as ReleaseRef;
      verified = null;
      reopenedEver = true;
      reopenedIn.push(carried.id);
      executionEvent('reopened', step.dated, carried.id);
    }
    for (const fix of pending.filter((p) => countsAgainst(c, p))) {
      pending = pending.filter((p) => p.id !== fix.id);
      executionEvent('claim-refuted', step.dated, fix.id);
    }
  }

  return {
    state: state(),
    foundIn: (first as DefectSighting).release,
    seenAgainIn: seenIn.slice(1),
    claimedFixedIn,
    verifiedIn,
    reopenedIn,
    firstSeen: first as DefectSighting,
    lastSeen: last as DefectSighting,
    history,
  };
}
