// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The defect list as a pure projection of the record: executions (with their runs' programme
 * dates), the programme's firmware releases, and the options (programme date, quarantine list,
 * annotations, test case device types). Nothing is stored; projecting the same record at the
 * same date gives the same list, and projecting a merged ledger gives the union's defects.
 *
 * At a programme date `at`: runs dated after it and releases dated after it are left out, and
 * the quarantine list is read as of that day. Executions are read in the order of
 * dated-execution.ts (programme date, run start, run id, plan item, attempt).
 *
 * Only failed executions of category `product` raise defects, one per distinct signature;
 * environment and harness failures are `environmentIncidents` (environment-incident.ts).
 * The list is ordered by when each defect was first seen (two first seen in one execution: in
 * the order of their failed expectations).
 */
import type { DeviceType } from '../dit/test-case-meta.ts';
import type { LedgerDefectAnnotation } from '../ledger/ledger.ts';
import { attributeComponent } from './component-attribution.ts';
import { combinationName, compareDatedExecutions, type DatedExecution } from './dated-execution.ts';
import type { Defect } from './defect.ts';
import { annotationsByDefect, applyAnnotations, NO_ANNOTATIONS } from './defect-annotation.ts';
import { assignDefectIds } from './defect-id.ts';
import { replayLifecycle } from './defect-lifecycle.ts';
import { verdictOf } from './execution-verdict.ts';
import { quarantineOf, type QuarantineList } from './quarantine.ts';
import { createReleaseCatalogue, type DefectRelease, type ReleaseRef } from './release-catalogue.ts';
import { DEFAULT_SEVERITY, mostSevere, severityOf, type Severity } from './severity.ts';

/** What the projection needs to know of a test case beyond what its executions record. */
export interface TestCaseFacts {
  readonly deviceTypes?: readonly DeviceType[];
}

export interface ProjectDefectsOptions {
  /** The programme date to project at, YYYY-MM-DD. */
  readonly at: string;
  readonly quarantine?: QuarantineList;
  /** The ledger's defect annotations (`ledger.defectAnnotations()`), any order. */
  readonly annotations?: readonly LedgerDefectAnnotation[];
  /** Test case metadata by id (device types, for attributing CHF/GPF-only cases to the comms hub). */
  readonly testCases?: ReadonlyMap<string, TestCaseFacts>;
  /** Severity of a failure whose record carries none. Default 2. */
  readonly defaultSeverity?: Severity;
}

interface Collected {
  readonly signature: string;
  readonly line: string;
  readonly failures: DatedExecution[];
  readonly testCases: string[];
}

const DEVICE_TYPES: ReadonlySet<string> = new Set(['ESME', 'GSME', 'CHF', 'GPF']);

/** Device types recorded with an execution (a `deviceTypes` field), if any. */
function recordedDeviceTypes(d: DatedExecution): readonly DeviceType[] | undefined {
  const value = d.execution['deviceTypes'];
  return Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && DEVICE_TYPES.has(t)) ? (value as DeviceType[]) : undefined;
}

/** Does a release's claim cite this defect? */
function claims(release: DefectRelease, defect: { readonly signature: string; readonly id: string; readonly ticket: string | null }): boolean {
  return release.claimsToFix.some((c) =>
    'defectSignature' in c ? c.defectSignature === defect.signature || c.defectSignature === defect.id : defect.ticket !== null && c.ticket === defect.ticket,
  );
}

export function projectDefects(executions: readonly DatedExecution[], releases: readonly DefectRelease[], options: ProjectDefectsOptions): Defect[] {
  const { at } = options;
  const catalogue = createReleaseCatalogue(releases);
  const inScope = [...executions].filter((d) => d.programmeDate <= at).sort(compareDatedExecutions);

  const bySignature = new Map<string, Collected>();
  const passesByTestCase = new Map<string, DatedExecution[]>();
  for (const dated of inScope) {
    const verdict = verdictOf(dated.execution);
    if (verdict.kind === 'passed') {
      const list = passesByTestCase.get(dated.execution.testCase) ?? [];
      list.push(dated);
      passesByTestCase.set(dated.execution.testCase, list);
    }
    if (verdict.kind !== 'product') continue;
    for (const fault of verdict.faults) {
      const entry = bySignature.get(fault.signature) ?? { signature: fault.signature, line: fault.line, failures: [], testCases: [] };
      entry.failures.push(dated);
      if (!entry.testCases.includes(dated.execution.testCase)) entry.testCases.push(dated.execution.testCase);
      bySignature.set(fault.signature, entry);
    }
  }

  const ids = assignDefectIds(bySignature.keys());
  const annotations = annotationsByDefect(options.annotations ?? []);
  const claimable = releases.filter((r) => r.status !== 'withdrawn' && r.date !== undefined && r.date <= at);
  const fallbackSeverity = options.defaultSeverity ?? DEFAULT_SEVERITY;

  const defects: Defect[] = [];
  for (const collected of bySignature.values()) {
    const id = ids.get(collected.signature) as string;
    const annotated = annotations.has(id) ? applyAnnotations(annotations.get(id) ?? []) : NO_ANNOTATIONS;
    const passes = collected.testCases.flatMap((t) => passesByTestCase.get(t) ?? []).sort(compareDatedExecutions);

    const deviceTypes = collected.testCases.map((t) => options.testCases?.get(t)?.deviceTypes).find((d) => d !== undefined) ?? collected.failures.map(recordedDeviceTypes).find((d) => d !== undefined);
    const attribution = attributeComponent(
      collected.failures.map((d) => d.execution.combination),
      passes.map((d) => d.execution.combination),
      deviceTypes,
    );

    const claimRefs: ReleaseRef[] = claimable.filter((r) => claims(r, { signature: collected.signature, id, ticket: annotated.ticket })).map((r) => catalogue.ref(r));
    const lifecycle = replayLifecycle({ failures: collected.failures, passes, claims: claimRefs, component: attribution.component, catalogue });

    const combinations: string[] = [];
    const seenOn: string[] = [];
    const failingKeys = new Set<string>();
    for (const d of collected.failures) {
      const c = d.execution.combination;
      const name = combinationName(c);
      if (!combinations.includes(name)) combinations.push(name);
      const both = catalogue.of(c);
      for (const r of [both.commsHub.id, both.meter.id]) if (!seenOn.includes(r)) seenOn.push(r);
      failingKeys.add(`${d.execution.testCase}\n${name}`);
    }
    const intermittentOn = combinations.filter((name) =>
      passes.some((p) => combinationName(p.execution.combination) === name && failingKeys.has(`${p.execution.testCase}\n${name}`)),
    );

    const testCaseSeverity = mostSevere(
      collected.failures.map((d) => severityOf(d.execution)).filter((s): s is Severity => s !== undefined),
      fallbackSeverity,
    );
    const severity = annotated.severityOverride ?? testCaseSeverity;
    const quarantine = quarantineOf(options.quarantine, { id, signature: collected.signature, testCases: collected.testCases }, at);
    const quarantined = quarantine?.active ?? false;

    defects.push({
      id,
      signature: collected.signature,
      testCase: collected.testCases[0] as string,
      testCases: collected.testCases,
      title: collected.line,
      severity,
      testCaseSeverity,
      state: lifecycle.state,
      intermittent: intermittentOn.length > 0,
      intermittentOn,
      quarantine,
      quarantined,
      blocking: !quarantined && lifecycle.state !== 'verified',
      component: attribution.component,
      attribution,
      foundIn: lifecycle.foundIn,
      seenAgainIn: lifecycle.seenAgainIn,
      claimedFixedIn: lifecycle.claimedFixedIn,
      verifiedIn: lifecycle.verifiedIn,
      reopenedIn: lifecycle.reopenedIn,
      seenOn,
      combinations,
      occurrences: collected.failures.length,
      firstSeen: lifecycle.firstSeen,
      lastSeen: lifecycle.lastSeen,
      ticket: annotated.ticket,
      notes: annotated.notes,
      annotationWarnings: annotated.warnings,
      history: lifecycle.history,
    });
  }
  // bySignature was filled in projection order, so defects are already in first-seen order
  return defects;
}
