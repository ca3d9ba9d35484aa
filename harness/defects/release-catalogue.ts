// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The firmware releases the defect projection needs to know, and how a combination maps onto
 * them. A combination carries two firmware releases: the comms hub's (CHF + GPF, from its
 * vendor) and the meter's (per device model). Each release belongs to a line — one comms hub
 * vendor (`combination.commsHub.vendor`), or one meter model (`combination.meter.model`; the
 * programme's model ids are unique) — and releases of one line are ordered by their programme
 * date (by version, numerically, when either has no date or both share one).
 *
 * programme-releases.ts makes these from the programme's firmware releases.
 *
 * A combination that names its releases (`commsHub.releaseId`, `meter.releaseId`: extra fields
 * a plan may record) is taken at its word when the release is listed; otherwise the release is
 * found by line and version. A combination whose firmware the programme does not list still
 * gets a release: an unknown one, named as the combination names it ("TOSH 12.26",
 * "MM1 E470 1.4"), without a date.
 */
import type { Combination } from '../ledger/ledger.ts';

/** A release's claim to fix a defect: by the defect's signature (or its DEF- id), or by an external ticket id. */
export type FixClaim = { readonly defectSignature: string } | { readonly ticket: string };

export type Component = 'comms-hub' | 'meter';

export type ReleaseTarget =
  | { readonly kind: 'comms-hub'; readonly vendor: string }
  | { readonly kind: 'meter'; readonly model: string };

/** What the defect projection needs of a firmware release. */
export interface DefectRelease {
  readonly id: string;
  readonly target: ReleaseTarget;
  /** As combinations name the firmware (`combination.commsHub.firmware`, `combination.meter.firmware`). */
  readonly version: string;
  /** Programme date of the release, YYYY-MM-DD: its claims count from this day. None: no firm date yet, it claims nothing. */
  readonly date?: string;
  /** A withdrawn release claims nothing (it is never in scope). */
  readonly status?: string;
  readonly claimsToFix: readonly FixClaim[];
}

/** One of the two releases a combination carries. */
export interface ReleaseRef {
  /** The programme's release id, or the combination's name for an unlisted release. */
  readonly id: string;
  readonly component: Component;
  /** `comms-hub:<vendor>` or `meter:<model>`. */
  readonly line: string;
  readonly version: string;
  /** Null for an unlisted release or one without a firm date. */
  readonly date: string | null;
  /** False when the programme does not list this firmware. */
  readonly known: boolean;
}

export interface CombinationReleases {
  readonly commsHub: ReleaseRef;
  readonly meter: ReleaseRef;
}

export interface ReleaseCatalogue {
  /** The releases a combination carries. */
  of(combination: Combination): CombinationReleases;
  /** A listed release by id. */
  get(id: string): DefectRelease | undefined;
  /** The ref of a listed release. */
  ref(release: DefectRelease): ReleaseRef;
  /**
   * Orders two releases of one line: negative when `a` came before `b`, 0 for the same
   * release, undefined for releases of different lines.
   */
  compare(a: ReleaseRef, b: ReleaseRef): number | undefined;
  /** The release the combination carries on `ref`'s line, if it carries that line. */
  onLine(combination: Combination, line: string): ReleaseRef | undefined;
}

const commsHubLine = (vendor: string): string => `comms-hub:${vendor}`;
const meterLine = (model: string): string => `meter:${model}`;

function lineOf(target: ReleaseTarget): string {
  return target.kind === 'comms-hub' ? commsHubLine(target.vendor) : meterLine(target.model);
}

/** Dotted versions compared number by number where both parts are numbers, else as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-_ ]/);
  const pb = b.split(/[.\-_ ]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? (x < y ? -1 : x > y ? 1 : 0) : nx - ny;
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

const releaseIdOf = (part: object): unknown => (part as Readonly<Record<string, unknown>>)['releaseId'];

export function createReleaseCatalogue(releases: readonly DefectRelease[]): ReleaseCatalogue {
  const byId = new Map(releases.map((r) => [r.id, r]));
  const byLineVersion = new Map(releases.map((r) => [`${lineOf(r.target)}\n${r.version}`, r]));
  const ref = (r: DefectRelease): ReleaseRef => ({
    id: r.id,
    component: r.target.kind,
    line: lineOf(r.target),
    version: r.version,
    date: r.date ?? null,
    known: true,
  });
  const find = (component: Component, line: string, version: string, name: string, named: unknown): ReleaseRef => {
    const listed = (typeof named === 'string' ? byId.get(named) : undefined) ?? byLineVersion.get(`${line}\n${version}`);
    return listed !== undefined ? ref(listed) : { id: name, component, line, version, date: null, known: false };
  };
  const of = (c: Combination): CombinationReleases => ({
    commsHub: find('comms-hub', commsHubLine(c.commsHub.vendor), c.commsHub.firmware, `${c.commsHub.vendor} ${c.commsHub.firmware}`, releaseIdOf(c.commsHub)),
    meter: find('meter', meterLine(c.meter.model), c.meter.firmware, `${c.meter.manufacturer} ${c.meter.model} ${c.meter.firmware}`, releaseIdOf(c.meter)),
  });
  return {
    of,
    get: (id) => byId.get(id),
    ref,
    compare(a, b) {
      if (a.line !== b.line) return undefined;
      if (a.version === b.version) return 0;
      if (a.date !== null && b.date !== null && a.date !== b.date) return a.date < b.date ? -1 : 1;
      return compareVersions(a.version, b.version);
    },
    onLine(c, line) {
      const both = of(c);
      return both.commsHub.line === line ? both.commsHub : both.meter.line === line ? both.meter : undefined;
    },
  };
}
