// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A defect: one deduplicated failure signature — one failed expectation of one test case, the
 * same on every combination and in every run it shows up — with its severity, the firmware
 * release it was found in and its history. Never stored: `projectDefects` recomputes it from
 * the ledger's executions, the programme's releases, the quarantine list and the people's
 * annotations, at a programme date.
 *
 * States:
 * - `open`: failing, no fix claimed (or every claim refuted).
 * - `claimed-fixed`: a release claims to fix it; no passing retest on that release yet.
 * - `verified`: the test case passed on the release that claims the fix, on or after its date.
 * - `reopened`: it failed again on the verified release or a later one of its line, and no
 *   newer fix has been claimed (a new claim makes it `claimed-fixed` again).
 * Intermittent and quarantined are flags beside the state.
 */
import type { Attribution } from './component-attribution.ts';
import type { DefectNote } from './defect-annotation.ts';
import type { QuarantineStatus } from './quarantine.ts';
import type { Component } from './release-catalogue.ts';
import type { Severity } from './severity.ts';

export const DEFECT_STATES = ['open', 'claimed-fixed', 'verified', 'reopened'] as const;
export type DefectState = (typeof DEFECT_STATES)[number];

export type DefectEventKind = 'found' | 'seen-again' | 'claimed-fixed' | 'claim-refuted' | 'verified' | 'reopened';

/** One step of a defect's history. `seen-again` is given once per release it is seen again in. */
export interface DefectEvent {
  readonly kind: DefectEventKind;
  /** The run's programme date, or the claiming release's date for `claimed-fixed`. */
  readonly programmeDate: string;
  /** The release concerned: found/seen in, claimed, refuted, verified or reopened in. */
  readonly release: string;
  /** The execution that caused it; null for a claim. */
  readonly executionId: string | null;
  readonly runId: string | null;
  /** The combination's name (`TOSH 12.26 × MM1 E470 1.4 @ 2.4GHz`); null for a claim. */
  readonly combination: string | null;
  /** The defect's state after the event. */
  readonly state: DefectState;
}

/** Where a failure of the defect was recorded. */
export interface DefectSighting {
  readonly executionId: string;
  readonly runId: string;
  readonly programmeDate: string;
  readonly combination: string;
  /** The release of the attributed component in that combination. */
  readonly release: string;
}

export interface Defect {
  /** `DEF-` + 8 hex digits of the signature's SHA-256 (see defect-id.ts). */
  readonly id: string;
  readonly signature: string;
  /** The test case it was first seen in. */
  readonly testCase: string;
  /** Every test case it was seen in (one, unless two test cases record the same signature). */
  readonly testCases: readonly string[];
  /** The normalised failure line: what the failed expectation says. */
  readonly title: string;
  /** The severity in force: the override of an annotation, else `testCaseSeverity`. */
  readonly severity: Severity;
  /** From the test case metadata carried by the failing executions (the most severe). */
  readonly testCaseSeverity: Severity;
  readonly state: DefectState;
  /** The same test case on the same combination both failed this way and passed (no release changed). */
  readonly intermittent: boolean;
  /** The combinations it was intermittent on. */
  readonly intermittentOn: readonly string[];
  /** The quarantine entry naming it (active or expired); null when none does. */
  readonly quarantine: QuarantineStatus | null;
  /** An active quarantine: still recorded and listed, but not blocking. */
  readonly quarantined: boolean;
  /** Blocks a cycle: not verified and not quarantined. */
  readonly blocking: boolean;
  /** The device whose firmware it is attributed to (see component-attribution.ts). */
  readonly component: Component;
  readonly attribution: Attribution;
  /** The attributed component's release in the combination where it first failed. */
  readonly foundIn: string;
  /** The attributed component's other releases it failed on later, in the order first seen. */
  readonly seenAgainIn: readonly string[];
  /** Releases claiming to fix it (by signature, DEF- id or ticket), by date. */
  readonly claimedFixedIn: readonly string[];
  /** Releases a passing retest verified the claimed fix in, in order. */
  readonly verifiedIn: readonly string[];
  /** Releases it failed on again after a verification, in order. */
  readonly reopenedIn: readonly string[];
  /** Every release (either component) of every combination it failed on. */
  readonly seenOn: readonly string[];
  /** Names of the combinations it failed on, in the order first seen. */
  readonly combinations: readonly string[];
  /** Failing executions. */
  readonly occurrences: number;
  readonly firstSeen: DefectSighting;
  readonly lastSeen: DefectSighting;
  /** External ticket id (from annotations). */
  readonly ticket: string | null;
  readonly notes: readonly DefectNote[];
  /** Annotations that could not be applied, with why. */
  readonly annotationWarnings: readonly string[];
  readonly history: readonly DefectEvent[];
}
