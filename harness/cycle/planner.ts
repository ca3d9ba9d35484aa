// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The planner: which combinations (comms hub release × meter model release × band) and which
 * test cases a cycle runs on a programme date.
 *
 * - Releases come from the programme and are in scope by programme time (programme-date.ts):
 *   from their date on, never when withdrawn or superseded that day; each release left out is
 *   listed with its reason.
 * - The cycle's scope narrows vendors, manufacturers, models, releases, bands and tags; the
 *   command line can narrow tags and combinations further.
 * - A band is in a combination when the meter release, the meter model, the comms hub release
 *   and the cycle all allow it (capability flags, not version labels).
 * - Test cases come from the suites' metadata: device types (GPF stands for its GSME, a
 *   CHF-only case runs with every meter), bands and tags.
 * - `full` plans every combination for every case; `pairwise` keeps, per case, a set of
 *   combinations covering every pair of (comms hub release, meter release, band) values.
 */
import type { Cycle } from '../programme/cycle.ts';
import type { FirmwareRelease } from '../programme/firmware-release.ts';
import { findDeviceModel, releaseBands, type Programme } from '../programme/programme.ts';
import { compareProgrammeDates, cycleLastDay, releaseScopeAt, type ProgrammeDate } from '../programme/programme-date.ts';
import type { Band, TestCaseMeta, TestTag } from '../dit/test-case-meta.ts';
import { combinationKey, type Combination } from './combination.ts';
import { makePlanItem, type PlanDevices, type PlanItem } from './plan-item.ts';

export type PlanStrategy = 'full' | 'pairwise';

export interface PlanRequest {
  readonly programme: Programme;
  readonly at: ProgrammeDate;
  /** Cycle id; default: the confidence cycle running at `at`, else the next one to start. */
  readonly cycle?: string;
  readonly cases: readonly TestCaseMeta[];
  /** Only cases carrying at least one of these tags (on top of the cycle's). */
  readonly tags?: readonly TestTag[];
  /** Only combinations matching (see combinationMatches). */
  readonly combination?: string;
  readonly strategy?: PlanStrategy;
  /** Restrict to these release ids. */
  readonly releases?: readonly string[];
  /**
   * A retest of one release: a synthetic retest cycle whose combinations all carry that
   * release (its target's other releases are left out) and whose test cases are those given.
   */
  readonly retest?: { readonly release: FirmwareRelease; readonly testCases: readonly string[] };
}

export interface PlannedCombination {
  readonly combination: Combination;
  readonly devices: PlanDevices;
}

export interface Plan {
  readonly programme: string;
  readonly at: ProgrammeDate;
  readonly cycle: { readonly id: string; readonly type: string; readonly title: string; readonly window: Cycle['window']; readonly timeboxEnd: string | null };
  readonly strategy: PlanStrategy;
  readonly items: PlanItem[];
  readonly combinations: PlannedCombination[];
  readonly testCases: string[];
  readonly excluded: Array<{ readonly release: string; readonly reason: string }>;
  /** Cases of the cycle's tags that no combination can run, and why. */
  readonly unplannable: Array<{ readonly testCase: string; readonly reason: string }>;
}

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

export function chooseCycle(programme: Programme, at: ProgrammeDate, id?: string): Cycle {
  if (id !== undefined) {
    const cycle = programme.cycles.find((c) => c.id === id);
    if (!cycle) throw new PlanError(`no cycle "${id}" in programme ${programme.name}; cycles: ${programme.cycles.map((c) => c.id).join(', ')}`);
    return cycle;
  }
  const confidence = programme.cycles.filter((c) => c.type === 'confidence');
  const running = confidence.find((c) => c.window.start <= at && (cycleLastDay(c) === undefined || at <= cycleLastDay(c)!));
  const next = [...confidence].filter((c) => c.window.start > at).sort((a, b) => compareProgrammeDates(a.window.start, b.window.start))[0];
  const chosen = running ?? next ?? confidence.at(-1);
  if (!chosen) throw new PlanError(`programme ${programme.name} has no confidence cycle: name one with --cycle (${programme.cycles.map((c) => c.id).join(', ')})`);
  return chosen;
}

/** `WNC`, `band=868MHz`, `model=MM2-G868-OPT1,vendor=WNC`: fields, or a substring of the combination's name. */
export function combinationMatches(filter: string, c: PlannedCombination): boolean {
  const fields: Record<string, string> = {
    vendor: c.combination.commsHub.vendor,
    chfirmware: c.combination.commsHub.firmware,
    chrelease: c.devices.commsHub.releaseId ?? '',
    manufacturer: c.combination.meter.manufacturer,
    model: c.combination.meter.model,
    firmware: c.combination.meter.firmware,
    release: c.devices.meter.releaseId ?? '',
    type: c.combination.meter.type,
    band: c.combination.band,
  };
  return filter.split(',').every((part) => {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (v === undefined) return combinationKey(c.combination).toLowerCase().includes(part.trim().toLowerCase());
    const actual = fields[k!.toLowerCase()];
    if (actual === undefined) throw new PlanError(`--combination: unknown field "${k}"; fields: ${Object.keys(fields).join(', ')}`);
    return actual.toLowerCase() === v.toLowerCase();
  });
}

function inList(list: readonly string[] | undefined, value: string): boolean {
  return list === undefined || list.includes(value);
}

export function planCycle(request: PlanRequest): Plan {
  const { programme, at } = request;
  const retestCycle: Cycle | undefined = request.retest && {
    id: `RETEST-${request.retest.release.id}`,
    type: 'retest',
    title: `Retest for ${request.retest.release.id}`,
    window: { start: at },
    scope: {},
  };
  const cycle = retestCycle ?? chooseCycle(programme, at, request.cycle);
  const scope = cycle.scope;
  const pinned = request.retest?.release;
  const pinnedTarget = pinned ? (pinned.target.deviceModel ?? pinned.target.commsHubVendor) : undefined;
  const excluded: Plan['excluded'] = [];
  const releaseFilter = request.releases ?? scope.releases;

  const inScope = (r: FirmwareRelease): boolean => {
    if (releaseFilter && !releaseFilter.includes(r.id)) return false;
    if (pinned && (r.target.deviceModel ?? r.target.commsHubVendor) === pinnedTarget && r.id !== pinned.id) return false;
    const s = releaseScopeAt(r, at);
    if (!s.inScope) excluded.push({ release: r.id, reason: s.reason });
    return s.inScope;
  };

  const hubReleases = programme.firmwareReleases.filter(
    (r) => r.target.commsHubVendor !== undefined && inList(scope.commsHubVendors, r.target.commsHubVendor) && inScope(r),
  );
  const models = programme.deviceModels.filter((m) => inList(scope.manufacturers, m.manufacturer) && inList(scope.models, m.id));
  const meterReleases = programme.firmwareReleases.filter((r) => {
    const model = r.target.deviceModel;
    return model !== undefined && models.some((m) => m.id === model) && inScope(r);
  });
  for (const m of models) {
    if (!programme.firmwareReleases.some((r) => r.target.deviceModel === m.id && meterReleases.includes(r))) {
      excluded.push({ release: `${m.id} (model)`, reason: 'no firmware release of this model is in scope' });
    }
  }

  let combinations: PlannedCombination[] = [];
  for (const hub of hubReleases) {
    const vendor = programme.commsHubVendors.find((v) => v.id === hub.target.commsHubVendor)!;
    const hubBands = releaseBands(programme, hub);
    for (const meter of meterReleases) {
      const model = findDeviceModel(programme, meter.target.deviceModel!)!;
      const bands = releaseBands(programme, meter).filter((b) => model.bands.includes(b) && hubBands.includes(b) && inList(scope.bands, b));
      for (const band of bands) {
        combinations.push({
          combination: {
            commsHub: { vendor: vendor.name, firmware: hub.version },
            meter: { manufacturer: model.manufacturer, model: model.id, firmware: meter.version, type: model.type },
            band: band as Band,
          },
          devices: { commsHub: { vendorId: vendor.id, releaseId: hub.id }, meter: { modelId: model.id, releaseId: meter.id } },
        });
      }
    }
  }
  if (pinned) combinations = combinations.filter((c) => c.devices.commsHub.releaseId === pinned.id || c.devices.meter.releaseId === pinned.id);
  if (request.combination) combinations = combinations.filter((c) => combinationMatches(request.combination!, c));

  const wantedTags = scope.tags;
  const retestCases = request.retest ? new Set(request.retest.testCases) : undefined;
  const cases = request.cases.filter(
    (tc) =>
      (!wantedTags || tc.tags.some((t) => wantedTags.includes(t))) &&
      (!request.tags || tc.tags.some((t) => request.tags!.includes(t))) &&
      (!retestCases || retestCases.has(tc.id)),
  );
  const strategy = request.strategy ?? 'full';
  const items: PlanItem[] = [];
  const unplannable: Plan['unplannable'] = [];
  for (const tc of cases) {
    const fitting = combinations.filter((c) => caseFits(tc, c.combination));
    if (fitting.length === 0) {
      unplannable.push({ testCase: tc.id, reason: `no combination in scope has a ${tc.deviceTypes.join('/')} on ${tc.bands.join('/')}` });
      continue;
    }
    const chosen = strategy === 'pairwise' ? pairwiseCover(fitting) : fitting;
    for (const c of chosen) items.push(makePlanItem(tc, c.combination, c.devices));
  }
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set<string>();
  const dedupExcluded = excluded.filter((e) => (seen.has(e.release) ? false : (seen.add(e.release), true)));
  return {
    programme: programme.name,
    at,
    cycle: { id: cycle.id, type: cycle.type, title: cycle.title, window: cycle.window, timeboxEnd: cycle.timeboxEnd ?? null },
    strategy,
    items,
    combinations,
    testCases: cases.map((c) => c.id),
    excluded: dedupExcluded,
    unplannable,
  };
}

/** Whether a case applies to a combination: its device types and bands. */
export function caseFits(tc: TestCaseMeta, c: Combination): boolean {
  if (!tc.bands.includes(c.band)) return false;
  const meterTypes = new Set(tc.deviceTypes.flatMap((t) => (t === 'ESME' ? ['ESME'] : t === 'GSME' || t === 'GPF' ? ['GSME'] : [])));
  return meterTypes.size === 0 || meterTypes.has(c.meter.type);
}

/**
 * A greedy pairwise cover over three parameters (comms hub release, meter release, band): the
 * combinations are taken, in a stable order, while they add a pair not yet covered.
 */
export function pairwiseCover(combinations: readonly PlannedCombination[]): PlannedCombination[] {
  const params = (c: PlannedCombination): [string, string, string] => [
    `${c.combination.commsHub.vendor} ${c.combination.commsHub.firmware}`,
    `${c.combination.meter.model} ${c.combination.meter.firmware}`,
    c.combination.band,
  ];
  const pairsOf = (c: PlannedCombination): string[] => {
    const [h, m, b] = params(c);
    return [`hm:${h}|${m}`, `hb:${h}|${b}`, `mb:${m}|${b}`];
  };
  const needed = new Set(combinations.flatMap(pairsOf));
  const ordered = [...combinations].sort((a, b) => combinationKey(a.combination).localeCompare(combinationKey(b.combination)));
  const chosen: PlannedCombination[] = [];
  while (needed.size > 0) {
    let best: PlannedCombination | undefined;
    let bestGain = 0;
    for (const c of ordered) {
      const gain = pairsOf(c).filter((p) => needed.has(p)).length;
      if (gain > bestGain) {
        best = c;
        bestGain = gain;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (const p of pairsOf(best)) needed.delete(p);
  }
  return chosen;
}
