// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * "Did you mean": the known names closest to a wrong one, for error messages that say what
 * would have worked (unknown template keys, unknown SRVs).
 */

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * Up to `limit` candidates closest to `wanted` (case-insensitive): names that contain it or
 * share its first `_`/`.`-separated token first, then by edit distance.
 */
export function closeMatches(wanted: string, candidates: readonly string[], limit = 8): string[] {
  const w = wanted.toLowerCase();
  const head = w.split(/[_.]/)[0] ?? w;
  const scored = candidates.map((c) => {
    const l = c.toLowerCase();
    const related = l.includes(w) || (head.length > 0 && l.split(/[_.]/)[0] === head);
    return { c, score: (related ? 0 : 1000) + editDistance(w, l.slice(0, Math.max(w.length, 1) + 4)) };
  });
  return scored
    .sort((x, y) => x.score - y.score || x.c.localeCompare(y.c))
    .slice(0, limit)
    .map((s) => s.c);
}
