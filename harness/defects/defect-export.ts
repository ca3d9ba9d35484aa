// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The defect list for people and tools outside dit: JSON (the whole defect, or the short list
 * entry of `dit defects list --json`) and CSV (RFC 4180: a header row, CRLF line ends, fields
 * quoted when they hold a comma, a quote or a line break; list fields joined by "; "). A text
 * field starting with = + - @ or a tab is prefixed with an apostrophe so that a spreadsheet
 * does not run a failure message as a formula.
 */
import type { Defect } from './defect.ts';

/** One entry of `dit defects list --json`. */
export interface DefectListEntry {
  readonly id: string;
  readonly severity: number;
  readonly state: Defect['state'];
  readonly foundIn: string;
  /** The release whose fix claim is the latest (verified, pending or refuted); null when none claims it. */
  readonly fixedIn: string | null;
  /** The latest release a passing retest verified; null when none. */
  readonly verifiedIn: string | null;
  readonly signature: string;
  readonly testCase: string;
  readonly title: string;
  readonly intermittent: boolean;
  readonly quarantined: boolean;
  readonly blocking: boolean;
}

export function defectListEntry(d: Defect): DefectListEntry {
  return {
    id: d.id,
    severity: d.severity,
    state: d.state,
    foundIn: d.foundIn,
    fixedIn: d.claimedFixedIn.at(-1) ?? null,
    verifiedIn: d.verifiedIn.at(-1) ?? null,
    signature: d.signature,
    testCase: d.testCase,
    title: d.title,
    intermittent: d.intermittent,
    quarantined: d.quarantined,
    blocking: d.blocking,
  };
}

/** The defects as a JSON array: full records, or list entries (`{ short: true }`), with a final newline. */
export function defectsToJson(defects: readonly Defect[], options: { readonly short?: boolean } = {}): string {
  return `${JSON.stringify(options.short === true ? defects.map(defectListEntry) : defects, null, 2)}\n`;
}

const CSV_COLUMNS: ReadonlyArray<readonly [string, (d: Defect) => string | number | boolean | readonly string[] | null]> = [
  ['id', (d) => d.id],
  ['severity', (d) => d.severity],
  ['state', (d) => d.state],
  ['intermittent', (d) => d.intermittent],
  ['quarantined', (d) => d.quarantined],
  ['blocking', (d) => d.blocking],
  ['test_case', (d) => d.testCase],
  ['title', (d) => d.title],
  ['component', (d) => d.component],
  ['found_in', (d) => d.foundIn],
  ['seen_again_in', (d) => d.seenAgainIn],
  ['claimed_fixed_in', (d) => d.claimedFixedIn],
  ['verified_in', (d) => d.verifiedIn],
  ['reopened_in', (d) => d.reopenedIn],
  ['ticket', (d) => d.ticket],
  ['occurrences', (d) => d.occurrences],
  ['first_seen', (d) => d.firstSeen.programmeDate],
  ['last_seen', (d) => d.lastSeen.programmeDate],
  ['quarantine_reason', (d) => d.quarantine?.reason ?? null],
  ['quarantine_expires', (d) => d.quarantine?.expires ?? null],
  ['signature', (d) => d.signature],
];

function csvField(value: string | number | boolean | readonly string[] | null): string {
  let text = value === null ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const DEFECT_CSV_COLUMNS: readonly string[] = CSV_COLUMNS.map(([name]) => name);

/** The defects as CSV, one row per defect after a header row. */
export function defectsToCsv(defects: readonly Defect[]): string {
  const rows = [DEFECT_CSV_COLUMNS.join(','), ...defects.map((d) => CSV_COLUMNS.map(([, get]) => csvField(get(d))).join(','))];
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * The defects that concern a release: found, seen again, claimed fixed, verified or reopened
 * in it, or failing on a combination that carries it (either component).
 */
export function defectsForRelease(defects: readonly Defect[], releaseId: string): Defect[] {
  return defects.filter(
    (d) =>
      d.foundIn === releaseId ||
      d.seenAgainIn.includes(releaseId) ||
      d.claimedFixedIn.includes(releaseId) ||
      d.verifiedIn.includes(releaseId) ||
      d.reopenedIn.includes(releaseId) ||
      d.seenOn.includes(releaseId),
  );
}
