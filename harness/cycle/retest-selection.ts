// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a new firmware release must repeat before it can be trusted: every test case that
 * failed on its predecessor (the release it supersedes), and every test case of a defect the
 * release claims to fix. The planner then runs those cases on every in-scope combination that
 * carries the new release.
 */
import type { Defect } from '../defects/defect.ts';
import type { LedgerExecution } from '../ledger/records.ts';
import type { FirmwareRelease } from '../programme/firmware-release.ts';
import { findRelease, type Programme } from '../programme/programme.ts';
import type { PlanDevices } from './plan-item.ts';
import { PlanError } from './planner.ts';

export interface RetestSelection {
  readonly release: FirmwareRelease;
  readonly predecessor: FirmwareRelease | null;
  /** Test case id → why it is retested. */
  readonly testCases: ReadonlyMap<string, readonly string[]>;
}

function releasesOf(e: LedgerExecution): string[] {
  const devices = e['devices'] as PlanDevices | undefined;
  return [devices?.commsHub.releaseId, devices?.meter.releaseId].filter((r): r is string => typeof r === 'string');
}

export function retestSelection(programme: Programme, releaseId: string, executions: readonly LedgerExecution[], defects: readonly Defect[]): RetestSelection {
  const release = findRelease(programme, releaseId);
  if (!release) throw new PlanError(`--retest-for: no release "${releaseId}" in programme ${programme.name}`);
  const predecessor = release.supersedes ? (findRelease(programme, release.supersedes) ?? null) : null;
  const reasons = new Map<string, string[]>();
  const add = (tc: string, why: string) => {
    const list = reasons.get(tc) ?? [];
    if (!list.includes(why)) list.push(why);
    reasons.set(tc, list);
  };
  if (predecessor) {
    for (const e of executions) {
      if (e.outcome === 'failed' && releasesOf(e).includes(predecessor.id)) add(e.testCase, `failed on its predecessor ${predecessor.id}`);
    }
  }
  for (const d of defects) {
    if (d.claimedFixedIn.includes(release.id)) for (const tc of d.testCases) add(tc, `${release.id} claims to fix ${d.id}${d.ticket ? ` (${d.ticket})` : ''}`);
  }
  return { release, predecessor, testCases: reasons };
}
