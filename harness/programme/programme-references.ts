// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The checks that span entries and files of a programme: ids unique across the whole folder,
 * every reference naming something that exists (a release's model or vendor, a delivery's model,
 * a cycle's scope, an assessment's subject), a release's bands within its target's, a release's
 * predecessor being of the same target, versions unique per target, and a release's status
 * agreeing with its history on the programme's today.
 *
 * The lists keep each entry at its index in the file (for the paths in messages); an entry that
 * failed its own schema is a hole, and its id is in `brokenIds` so that references to it are not
 * also called unknown. A whole file that could not be read is undefined and the checks into it
 * are left out. Either way its problems are reported already; guessing would only add noise.
 */
import type { FirmwareRelease } from './firmware-release.ts';
import { releaseTargetId } from './firmware-release.ts';
import { releaseStatusAt } from './programme-date.ts';
import type { ProgrammeIssue } from './programme-error.ts';
import type { ProgrammeInfo } from './programme-info.ts';
import { type EntityOf, type EntityPart, PROGRAMME_FILES } from './programme.ts';

/** What the cross-file checks see: the parts read so far, holes where an entry was broken. */
export type CheckedParts = { info?: ProgrammeInfo | undefined; brokenIds?: ReadonlySet<string> } & {
  [P in EntityPart]?: readonly (EntityOf<P> | undefined)[] | undefined;
};

const FILE = PROGRAMME_FILES;

/** Calls `fn` for each entry that passed its schema, with its index in the file. */
function each<T>(list: readonly (T | undefined)[] | undefined, fn: (entry: T, index: number) => void): void {
  list?.forEach((entry, index) => {
    if (entry !== undefined) fn(entry, index);
  });
}

function tableOf<T extends { id: string }>(list: readonly (T | undefined)[] | undefined): Map<string, T> | undefined {
  if (list === undefined) return undefined;
  const table = new Map<string, T>();
  each(list, (entry) => {
    if (!table.has(entry.id)) table.set(entry.id, entry);
  });
  return table;
}

interface IdSite {
  readonly id: string;
  readonly file: string;
  readonly path: string;
}

/** Every id declared in the folder, in file order. */
function declaredIds(parts: CheckedParts): IdSite[] {
  const sites: IdSite[] = [];
  const add = (file: string, path: string, id: string): void => {
    sites.push({ id, file, path });
  };
  each(parts.manufacturers, (m, i) => add(FILE.manufacturers, `[${i}].id`, m.id));
  each(parts.deviceModels, (m, i) => add(FILE.deviceModels, `[${i}].id`, m.id));
  each(parts.commsHubVendors, (v, i) => {
    add(FILE.commsHubVendors, `[${i}].id`, v.id);
    v.models.forEach((m, j) => add(FILE.commsHubVendors, `[${i}].models[${j}].id`, m.id));
  });
  each(parts.firmwareReleases, (r, i) => add(FILE.firmwareReleases, `[${i}].id`, r.id));
  each(parts.deliveries, (d, i) => add(FILE.deliveries, `[${i}].id`, d.id));
  each(parts.cycles, (c, i) => add(FILE.cycles, `[${i}].id`, c.id));
  each(parts.controlPoints, (cp, i) => {
    add(FILE.controlPoints, `[${i}].id`, cp.id);
    cp.assesses.forEach((a, j) => add(FILE.controlPoints, `[${i}].assesses[${j}].id`, a.id));
    cp.options.forEach((o, j) => add(FILE.controlPoints, `[${i}].options[${j}].id`, o.id));
    cp.criteria.forEach((c, j) => add(FILE.controlPoints, `[${i}].criteria[${j}].id`, c.id));
  });
  return sites;
}

function known(ids: Iterable<string>): string {
  const list = [...ids];
  if (list.length === 0) return 'there are none';
  const shown = list.slice(0, 12).join(', ');
  return `known: ${shown}${list.length > 12 ? `, … (${list.length} in all)` : ''}`;
}

/** All cross-entry problems of a programme's parts. */
export function checkReferences(parts: CheckedParts): ProgrammeIssue[] {
  const issues: ProgrammeIssue[] = [];
  const issue = (file: string, path: string, message: string): void => {
    issues.push({ file, path, message });
  };
  const broken = parts.brokenIds ?? new Set<string>();

  // ids: one namespace for the whole folder
  const first = new Map<string, IdSite>();
  for (const site of declaredIds(parts)) {
    const earlier = first.get(site.id);
    if (earlier === undefined) first.set(site.id, site);
    else {
      const where = earlier.file === site.file ? earlier.path : `${earlier.file} ${earlier.path}`;
      issue(site.file, site.path, `duplicate id "${site.id}": already used at ${where} (ids are unique across the programme)`);
    }
  }

  const manufacturers = tableOf(parts.manufacturers);
  const models = tableOf(parts.deviceModels);
  const vendors = tableOf(parts.commsHubVendors);
  const releases = tableOf(parts.firmwareReleases);
  const cycles = tableOf(parts.cycles);
  const controlPoints = tableOf(parts.controlPoints);

  /** Whether `id` names nothing in `table` (and no broken entry either). */
  const unknown = (table: ReadonlyMap<string, unknown>, id: string): boolean => !table.has(id) && !broken.has(id);

  const refs = (
    file: string,
    path: string,
    values: readonly string[] | undefined,
    table: ReadonlyMap<string, unknown> | undefined,
    what: string,
  ): void => {
    if (values === undefined || table === undefined) return;
    values.forEach((value, k) => {
      if (unknown(table, value)) issue(file, `${path}[${k}]`, `unknown ${what} "${value}" (${known(table.keys())})`);
    });
  };
  /** One reference held by a single field: the issue is at the field's own path (no index). */
  const ref = (file: string, path: string, value: string | undefined, table: ReadonlyMap<string, unknown> | undefined, what: string): void => {
    if (value === undefined || table === undefined) return;
    if (unknown(table, value)) issue(file, path, `unknown ${what} "${value}" (${known(table.keys())})`);
  };

  // device models → manufacturers
  each(parts.deviceModels, (m, i) => {
    if (manufacturers && unknown(manufacturers, m.manufacturer)) {
      issue(FILE.deviceModels, `[${i}].manufacturer`, `unknown manufacturer "${m.manufacturer}" (${known(manufacturers.keys())})`);
    }
  });

  // firmware releases → targets and bands; releases whose target cannot be resolved are left out of
  // the checks that compare targets, so one wrong target is one problem
  const resolved = new Set<string>();
  each(parts.firmwareReleases, (r, i) => {
    const at = `[${i}]`;
    const { deviceModel, commsHubVendor, commsHubModel } = r.target;
    let targetBands: readonly string[] | undefined;
    if (deviceModel !== undefined && models) {
      const model = models.get(deviceModel);
      if (model !== undefined) targetBands = model.bands;
      else if (!broken.has(deviceModel)) {
        issue(FILE.firmwareReleases, `${at}.target.deviceModel`, `unknown device model "${deviceModel}" (${known(models.keys())})`);
      }
    }
    if (commsHubVendor !== undefined && vendors) {
      const vendor = vendors.get(commsHubVendor);
      if (vendor === undefined) {
        if (!broken.has(commsHubVendor)) {
          issue(FILE.firmwareReleases, `${at}.target.commsHubVendor`, `unknown comms hub vendor "${commsHubVendor}" (${known(vendors.keys())})`);
        }
      } else if (commsHubModel !== undefined) {
        const model = vendor.models.find((m) => m.id === commsHubModel);
        if (model !== undefined) targetBands = model.bands;
        else {
          issue(FILE.firmwareReleases, `${at}.target.commsHubModel`, `"${commsHubModel}" is not a comms hub model of ${vendor.id} (${known(vendor.models.map((m) => m.id))})`);
        }
      } else targetBands = [...new Set(vendor.models.flatMap((m) => m.bands))];
    }
    if (targetBands === undefined) return;
    resolved.add(r.id);
    r.bands?.forEach((band, k) => {
      if (!targetBands.includes(band)) {
        issue(FILE.firmwareReleases, `${at}.bands[${k}]`, `${band} is not a band of ${releaseTargetId(r)} (${targetBands.join(', ')})`);
      }
    });
  });

  // firmware releases → predecessors, versions per target, status history on today
  const versions = new Map<string, number>();
  each(parts.firmwareReleases, (r, i) => {
    const at = `[${i}]`;
    if (r.supersedes !== undefined && releases) checkPredecessor(r, at, releases, resolved, broken, issue);
    if (resolved.has(r.id)) {
      const key = `${r.target.commsHubVendor ?? ''}\u0000${releaseTargetId(r)}\u0000${r.version}`;
      const earlier = versions.get(key);
      if (earlier === undefined) versions.set(key, i);
      else issue(FILE.firmwareReleases, `${at}.version`, `${releaseTargetId(r)} ${r.version} is already release [${earlier}] (a version appears once per target)`);
    }
    if (r.history !== undefined && parts.info) {
      const asOfToday = releaseStatusAt(r, parts.info.today);
      if (asOfToday !== undefined && asOfToday !== r.status) {
        issue(FILE.firmwareReleases, `${at}.status`, `is "${r.status}" but its history says "${asOfToday}" as of the programme's today ${parts.info.today}`);
      }
    }
  });

  // deliveries → models, firmware of that model
  each(parts.deliveries, (d, i) => {
    if (models && unknown(models, d.model)) {
      issue(FILE.deliveries, `[${i}].model`, `unknown device model "${d.model}" (${known(models.keys())})`);
    }
    if (d.firmware === undefined || !releases) return;
    const release = releases.get(d.firmware);
    if (release === undefined) {
      if (!broken.has(d.firmware)) issue(FILE.deliveries, `[${i}].firmware`, `unknown firmware release "${d.firmware}"`);
    } else if (resolved.has(release.id) && models?.has(d.model) && release.target.deviceModel !== d.model) {
      issue(FILE.deliveries, `[${i}].firmware`, `${d.firmware} is firmware for ${releaseTargetId(release)}, not for ${d.model}`);
    }
  });

  // cycles → scope, gate
  each(parts.cycles, (c, i) => {
    const at = `[${i}]`;
    refs(FILE.cycles, `${at}.scope.manufacturers`, c.scope.manufacturers, manufacturers, 'manufacturer');
    refs(FILE.cycles, `${at}.scope.models`, c.scope.models, models, 'device model');
    refs(FILE.cycles, `${at}.scope.commsHubVendors`, c.scope.commsHubVendors, vendors, 'comms hub vendor');
    refs(FILE.cycles, `${at}.scope.releases`, c.scope.releases, releases, 'firmware release');
    const scopeMakers = c.scope.manufacturers;
    if (scopeMakers !== undefined && models) {
      c.scope.models?.forEach((id, k) => {
        const model = models.get(id);
        if (model !== undefined && !scopeMakers.includes(model.manufacturer)) {
          issue(FILE.cycles, `${at}.scope.models[${k}]`, `${id} is made by ${model.manufacturer}, which is not among the scope's manufacturers (${scopeMakers.join(', ')})`);
        }
      });
    }
    if (c.gatedBy !== undefined && controlPoints) {
      const gate = controlPoints.get(c.gatedBy);
      if (gate === undefined) {
        if (!broken.has(c.gatedBy)) issue(FILE.cycles, `${at}.gatedBy`, `unknown control point "${c.gatedBy}" (${known(controlPoints.keys())})`);
      } else if (gate.date > c.window.start) {
        issue(FILE.cycles, `${at}.gatedBy`, `${gate.id} is on ${gate.date}, after the cycle starts (${c.window.start}): a gate comes first`);
      }
    }
  });

  // control points → subjects
  each(parts.controlPoints, (cp, i) => {
    cp.assesses.forEach((a, j) => {
      const at = `[${i}].assesses[${j}].subject`;
      refs(FILE.controlPoints, `${at}.manufacturers`, a.subject?.manufacturers, manufacturers, 'manufacturer');
      refs(FILE.controlPoints, `${at}.models`, a.subject?.models, models, 'device model');
      refs(FILE.controlPoints, `${at}.cycles`, a.subject?.cycles, cycles, 'cycle');
    });
    // criteria → assessment items, cycles, models, manufacturers
    const items = new Map(cp.assesses.map((a) => [a.id, a]));
    cp.criteria.forEach((c, j) => {
      const at = `[${i}].criteria[${j}]`;
      if (c.assesses !== undefined && !items.has(c.assesses)) issue(FILE.controlPoints, `${at}.assesses`, `unknown assessment item "${c.assesses}" (${known(items.keys())})`);
      if ('cycles' in c) refs(FILE.controlPoints, `${at}.cycles`, c.cycles, cycles, 'cycle');
      if (c.kind === 'test-evidence' && c.test === 'eoc-regression') ref(FILE.controlPoints, `${at}.cycle`, c.cycle, cycles, 'cycle');
      if ('models' in c) refs(FILE.controlPoints, `${at}.models`, c.models, models, 'device model');
      if (c.kind === 'capability') ref(FILE.controlPoints, `${at}.party`, c.party, manufacturers, 'manufacturer');
      if (c.kind === 'availability') {
        c.needs.forEach((n, k) => {
          refs(FILE.controlPoints, `${at}.needs[${k}].models`, n.models, models, 'device model');
          ref(FILE.controlPoints, `${at}.needs[${k}].manufacturer`, n.manufacturer, manufacturers, 'manufacturer');
        });
      }
    });
  });

  return issues;
}

function checkPredecessor(
  release: FirmwareRelease,
  at: string,
  releases: ReadonlyMap<string, FirmwareRelease>,
  resolved: ReadonlySet<string>,
  broken: ReadonlySet<string>,
  issue: (file: string, path: string, message: string) => void,
): void {
  const path = `${at}.supersedes`;
  const predecessor = releases.get(release.supersedes ?? '');
  if (predecessor === undefined) {
    if (!broken.has(release.supersedes ?? '')) issue(FILE.firmwareReleases, path, `unknown firmware release "${release.supersedes}"`);
    return;
  }
  if (predecessor.id === release.id) {
    issue(FILE.firmwareReleases, path, 'a release cannot supersede itself');
    return;
  }
  if (!resolved.has(release.id) || !resolved.has(predecessor.id)) return;
  const sameTarget =
    releaseTargetId(predecessor) === releaseTargetId(release) &&
    predecessor.target.commsHubVendor === release.target.commsHubVendor;
  if (!sameTarget) {
    issue(FILE.firmwareReleases, path, `${predecessor.id} is firmware for ${releaseTargetId(predecessor)}, not for ${releaseTargetId(release)}`);
  } else if (predecessor.date !== undefined && release.date !== undefined && predecessor.date > release.date) {
    issue(FILE.firmwareReleases, path, `${predecessor.id} is dated ${predecessor.date}, after this release's ${release.date}`);
  }
}
