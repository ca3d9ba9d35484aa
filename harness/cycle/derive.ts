// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Stable identities derived from content: plan item ids and per-execution seeds. Derived, never
 * random, so that a full run, merged shards and a resumed run agree on them (DESIGN.md).
 */
import { createHash } from 'node:crypto';
import { combinationKey, type Combination } from './combination.ts';

function digest(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}

/** Plan item id: `PI-` + 12 hex digits of the hash of combination and test case. */
export function planItemId(combination: Combination, testCaseId: string): string {
  return `PI-${digest('plan-item', combinationKey(combination), testCaseId).slice(0, 12)}`;
}

/** The seed of one execution, from the run seed, the combination and the test case. */
export function executionSeed(runSeed: string, combination: Combination, testCaseId: string): string {
  return digest('execution-seed', runSeed, combinationKey(combination), testCaseId).slice(0, 16);
}
