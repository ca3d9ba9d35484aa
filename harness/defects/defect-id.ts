// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A defect's id: `DEF-` and the first 8 hex digits of SHA-256 of its failure signature, e.g.
 * `DEF-3fa9c01b`. Derived, never stored, so it is the same in every ledger and after a merge.
 *
 * Should two signatures of one defect list ever share those 8 digits (odds about n²/2³³: one in
 * a thousand for 3,000 defects), both take 16 digits instead, so that no id names two defects;
 * `assignDefectIds` does that over the whole list.
 */
import { createHash } from 'node:crypto';

export const DEFECT_ID_PATTERN = /^DEF-[0-9a-f]{8}([0-9a-f]{8})?$/;

function digest(signature: string): string {
  return createHash('sha256').update(signature).digest('hex');
}

/** The short id of a signature (what it is unless it collides within a list). */
export function defectIdOf(signature: string): string {
  return `DEF-${digest(signature).slice(0, 8)}`;
}

/** Ids for a set of signatures: the short id, or the long one where two short ids collide. */
export function assignDefectIds(signatures: Iterable<string>): ReadonlyMap<string, string> {
  const unique = [...new Set(signatures)];
  const shortCount = new Map<string, number>();
  for (const s of unique) shortCount.set(defectIdOf(s), (shortCount.get(defectIdOf(s)) ?? 0) + 1);
  return new Map(unique.map((s) => [s, (shortCount.get(defectIdOf(s)) ?? 0) > 1 ? `DEF-${digest(s).slice(0, 16)}` : defectIdOf(s)]));
}
