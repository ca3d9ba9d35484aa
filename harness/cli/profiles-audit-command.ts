// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit profiles audit [--json]`: does a fault in a device's firmware make some DIT test case
 * fail? The audit switches faults on in the emulated premises and runs the suites' own cases
 * against them, the way `dit run` does (audit-runner.ts), then reports which cases detect each
 * fault. Undetected faults are the suites' gaps.
 *
 * Design:
 * 1. The catalogue of cases is read from the suites (collect mode); `--test-case` narrows it.
 * 2. Fault-free run (one vitest run): every case on the premises as described (the baseline: no
 *    firmware profile, no fault), and every shipped profile (fixtures/profiles) stripped of its
 *    faults, its timings kept, on the combinations that select it (audit-plan-items.ts). Every
 *    failure here is a `faultFreeFailures`: a fault-free firmware must pass everything. The
 *    traces say which execution exercised which use case × direction × device type
 *    (audit-trace-sites.ts).
 * 3. The entries (audit-catalogue.ts): the generated faults (fault-generation.ts: drop, delay
 *    past the window, corrupt, omit an alert, wrong value, reject on every implemented use case
 *    of emulatedUseCases() and device type where they apply, and on every alert the baseline
 *    saw), `--pairs` seeded random pairs of them, and every fault the shipped profiles declare,
 *    each alone on its profile. `--use-case` and `--primitive` narrow the entries (and the
 *    shipped profiles run fault-free to those declaring a fault in the slice).
 * 4. Faulted run (one vitest run for every entry): each entry against the fault-free executions
 *    that exercised its site and passed, as copies of their plan items (`<item>~<entry>`: same
 *    case, combination and execution seed, so the fault is the only difference), the fault set
 *    given per plan item (DitRunConfig.faultSets; the target factory puts it into the world's
 *    profiles, emulators/firmware/fault-set.ts). An entry is detected when any of its
 *    executions fails; it lists the cases that failed.
 *
 * Exit 0 when every entry is detected and nothing failed fault-free, 1 otherwise, 2 for bad
 * options. The wall time is printed (measured, never asserted).
 */
import { join, resolve } from 'node:path';
import { collectTestCases } from '../cycle/collect-test-cases.ts';
import type { ExecutionRecord } from '../cycle/execution-record.ts';
import type { PlanItem } from '../cycle/plan-item.ts';
import type { DitRunConfig, PlanItemFaultSet } from '../dit/run-config.ts';
import type { TestCaseMeta } from '../dit/test-case-meta.ts';
import { messageCodesForUseCase } from '../protocol/gbcs/message-codes.ts';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { loadProgramme } from '../programme/load-programme.ts';
import { SeededRandom } from '../../emulators/clock/seeded-random.ts';
import { emulatedUseCases } from '../../emulators/dcc/srv-transforms.ts';
import { generateFaults, randomPairs, requestSites, type FaultSite, type GeneratedFault } from '../../emulators/firmware/fault-generation.ts';
import { shippedProfiles } from '../../emulators/firmware/profile-loader.ts';
import { FAULT_PRIMITIVES, type FirmwareProfile } from '../../emulators/firmware/profile-schema.ts';
import { declaredEntry, generatedEntry, pairEntry, siteOfExercised, type AuditEntry, type CleanExecution } from './audit-catalogue.ts';
import { programmeDateOf } from './cycle-plan.ts';
import { baselineItems, faultedItem, shippedProfileItems } from './audit-plan-items.ts';
import { runAuditPlan } from './audit-runner.ts';
import { deviceTypesByEui, exercisedSites, type SiteDeviceType } from './audit-trace-sites.ts';
import { auditSummaryText, type AuditReport, type AuditFinding } from './audit-report.ts';
import { toJson } from './json-output.ts';
import { formatDuration } from './progress-reporter.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { SERVICE_USER_EUI } from './targets.ts';
import { EXIT, UserError } from './user-error.ts';

export interface ProfilesAuditOptions {
  json?: boolean;
  /** Only entries on this use case (id or alias). */
  useCase?: string;
  /** Only entries of this primitive. */
  primitive?: string;
  /** How many random pairs of generated faults (default 20). */
  pairs: number;
  /** Only these test cases (comma-separated ids). */
  testCase?: string;
  seed: string;
  premises: string;
  programme: string;
  /** Programme date the worlds start on. */
  at?: string;
}

export async function profilesAuditCommand(opts: ProfilesAuditOptions): Promise<number> {
  const report = await profilesAudit(opts);
  process.stdout.write(opts.json ? `${toJson(report)}\n` : auditSummaryText(report));
  return report.undetected.length === 0 && report.faultFreeFailures === 0 && report.problems.length === 0 ? EXIT.ok : EXIT.failed;
}

function checkOptions(opts: ProfilesAuditOptions): void {
  if (opts.primitive !== undefined && !(FAULT_PRIMITIVES as readonly string[]).includes(opts.primitive)) {
    throw new UserError(`--primitive "${opts.primitive}": not a fault primitive; primitives are ${FAULT_PRIMITIVES.join(', ')}`);
  }
  if (opts.useCase !== undefined && messageCodesForUseCase(opts.useCase).length === 0) {
    throw new UserError(`--use-case "${opts.useCase}": not a GBCS use case id or alias (harness/protocol/gbcs/message-codes.json)`);
  }
  if (!Number.isInteger(opts.pairs) || opts.pairs < 0) throw new UserError(`--pairs must be a whole number ≥ 0, got "${opts.pairs}"`);
}

/** The same use case, whatever label (id or alias) each side uses. */
function sameUseCase(label: string, useCase: string | null): boolean {
  if (useCase === null) return false;
  const codes = new Set(messageCodesForUseCase(label).map((i) => i.code));
  return messageCodesForUseCase(useCase).some((i) => codes.has(i.code));
}

export async function profilesAudit(opts: ProfilesAuditOptions): Promise<AuditReport> {
  checkOptions(opts);
  const wallStart = performance.now();
  const programme = loadProgramme(opts.programme);
  const premisesFile = resolve(opts.premises);
  const base = loadPremisesSpec(premisesFile);
  const catalogue = shippedProfiles();
  const config: DitRunConfig = {
    runId: 'profiles-audit',
    runSeed: opts.seed,
    target: 'emulated',
    programmeDate: programmeDateOf(programme, opts.at),
    premisesFile,
  };
  let cases = await collectTestCases(PROJECT_ROOT, join(PROJECT_ROOT, 'vitest.config.ts'), config);
  if (opts.testCase) {
    const wanted = opts.testCase.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = wanted.filter((id) => !cases.some((c) => c.id === id));
    if (unknown.length > 0) throw new UserError(`--test-case: no such test case ${unknown.join(', ')} (dit plan lists them)`);
    cases = cases.filter((c) => wanted.includes(c.id));
  }
  const inSlice = (e: { useCase: string | null; primitive: string }): boolean =>
    (opts.useCase === undefined || (e.useCase !== null && sameUseCase(opts.useCase, e.useCase))) &&
    (opts.primitive === undefined || e.primitive === opts.primitive);
  const sliced = opts.useCase !== undefined || opts.primitive !== undefined;

  // 2. the fault-free run: the baseline and every shipped profile stripped of its faults
  const baseline = baselineItems(cases, base);
  const profiles = catalogue.profiles.filter((p) => !sliced || p.faults.some((f) => inSlice({ useCase: 'useCase' in f ? f.useCase : null, primitive: f.primitive })));
  const profileItems = new Map<string, PlanItem[]>();
  const faultFreeSets: Record<string, PlanItemFaultSet> = {};
  for (const profile of profiles) {
    const items = shippedProfileItems(profile, cases, base, programme).map((i) => faultedItem(i, `${profile.id}~no-faults`));
    const role = profile.kind === 'comms-hub' ? 'commsHub' : meterTypeOf(profile, programme) === 'GSME' ? 'gsme' : 'esme';
    for (const item of items) faultFreeSets[item.id] = { [role]: [] };
    profileItems.set(profile.id, items);
  }
  const faultFreePlan = [...baseline, ...[...profileItems.values()].flat()];
  progress(`fault-free run: ${faultFreePlan.length} execution(s) of ${cases.length} test case(s) (baseline + ${profiles.length} shipped profile(s) without their faults)`);
  const faultFree = await runAuditPlan({ ...config, runId: 'profiles-audit-fault-free' }, faultFreePlan, faultFreeSets);
  const devices = deviceTypesByEui(base);
  const clean = (items: readonly PlanItem[]): CleanExecution[] =>
    items.flatMap((item) => {
      const record = faultFree.executions.get(item.id);
      return record?.outcome === 'passed' ? [{ item, sites: exercisedSites(record.trace, devices, SERVICE_USER_EUI) }] : [];
    });
  const cleanBaseline = clean(baseline);

  // 3. the entries
  const rows = emulatedUseCases().flatMap((r) =>
    r.targetType === 'ESME' || r.targetType === 'GSME' || r.targetType === 'CHF' || r.targetType === 'GPF'
      ? [{ useCase: r.useCase, targetType: r.targetType, originator: r.originator }]
      : [],
  );
  const alertSites = new Map<string, FaultSite>();
  for (const e of cleanBaseline) for (const [key, s] of e.sites) if (s.direction === 'alert') alertSites.set(key, siteOfExercised(s));
  const generated: GeneratedFault[] = generateFaults([...requestSites(rows), ...[...alertSites.values()].sort((a, b) => (a.useCase + a.alertCode < b.useCase + b.alertCode ? -1 : 1))]).filter((g) =>
    inSlice({ useCase: g.site.useCase, primitive: g.primitive }),
  );
  const entries: AuditEntry[] = generated.map((g) => generatedEntry(g, cleanBaseline));
  const pairRandom = new SeededRandom(`${opts.seed}/profiles-audit/pairs`);
  for (const [a, b] of randomPairs(generated, opts.pairs, pairRandom)) entries.push(pairEntry(a, b, cleanBaseline));
  for (const profile of profiles) {
    const meterType = meterTypeOf(profile, programme);
    for (const fault of profile.faults) {
      if (!inSlice({ useCase: 'useCase' in fault ? fault.useCase : null, primitive: fault.primitive })) continue;
      entries.push(declaredEntry(fault, profile, meterType, clean(profileItems.get(profile.id) ?? [])));
    }
  }

  // 4. the faulted run: every entry's executions in one vitest run
  const faultSets: Record<string, PlanItemFaultSet> = {};
  for (const entry of entries) for (const item of entry.items) faultSets[item.id] = entry.faultSet;
  const faultedPlan = entries.flatMap((e) => e.items);
  progress(`faulted run: ${faultedPlan.length} execution(s) for ${entries.length} fault(s) (${formatDuration(performance.now() - wallStart)} so far)`);
  const faulted = await runAuditPlan({ ...config, runId: 'profiles-audit-faulted' }, faultedPlan, faultSets);

  const findings: AuditFinding[] = entries.map((entry) => {
    const failed = entry.items.flatMap((item) => {
      const record = faulted.executions.get(item.id);
      return record?.outcome === 'failed' ? [record] : [];
    });
    const detectedBy = [...new Set(failed.map((r) => r.testCase))].sort();
    const { faultSet: _faultSet, items: _items, unexercised: _unexercised, ...fault } = entry;
    return {
      ...fault,
      executions: entry.items.length,
      detected: detectedBy.length > 0,
      detectedBy,
      ...(detectedBy.length === 0
        ? { reason: entry.unexercised ?? `every case exercising it passed: ${[...new Set(entry.items.map((i) => i.testCase))].sort().join(', ')}` }
        : { failure: firstLine(failed[0]) }),
    };
  });
  const faultFreeFailed = faultFreePlan.flatMap((item) => {
    const record = faultFree.executions.get(item.id);
    return record && record.outcome === 'failed' ? [failureOf(item, record)] : [];
  });
  const wallMs = Math.round(performance.now() - wallStart);
  return {
    faults: findings.length,
    detected: findings.filter((f) => f.detected).length,
    undetected: findings.filter((f) => !f.detected).map((f) => f.id),
    faultFreeFailures: faultFreeFailed.length,
    faultFree: {
      executions: faultFreePlan.length,
      failed: faultFreeFailed,
      skipped: [...faultFree.executions.values()].filter((r) => r.outcome === 'skipped').length,
      profiles: profiles.map((p) => p.id),
    },
    faultedExecutions: faultedPlan.length,
    testCases: cases.length,
    seed: opts.seed,
    slice: { ...(opts.useCase ? { useCase: opts.useCase } : {}), ...(opts.primitive ? { primitive: opts.primitive } : {}), ...(opts.testCase ? { testCase: opts.testCase } : {}), pairs: opts.pairs },
    findings,
    problems: [...faultFree.problems, ...faulted.problems],
    wallMs,
  };
}

/** A line on stderr (stdout carries the report, JSON with --json). */
function progress(line: string): void {
  process.stderr.write(`dit profiles audit: ${line}\n`);
}

function meterTypeOf(profile: FirmwareProfile, programme: ReturnType<typeof loadProgramme>): SiteDeviceType | null {
  if (profile.kind !== 'meter') return null;
  return programme.deviceModels.find((m) => m.id === profile.model)?.type ?? null;
}

function firstLine(record: ExecutionRecord | undefined): string {
  const message = record?.failure?.message ?? '';
  return `${record?.testCase ?? ''}: ${message.split('\n')[0] ?? ''}`.slice(0, 300);
}

function failureOf(item: PlanItem, record: ExecutionRecord): AuditReport['faultFree']['failed'][number] {
  const suffix = item.id.includes('~') ? item.id.split('~')[1] : undefined;
  return {
    testCase: record.testCase,
    planItem: item.id,
    profile: suffix ?? null,
    combination: `${item.combination.commsHub.vendor} ${item.combination.commsHub.firmware} × ${item.combination.meter.model} ${item.combination.meter.firmware} @ ${item.combination.band}`,
    failure: (record.failure?.message ?? '').split('\n')[0]?.slice(0, 300) ?? '',
  };
}

export type { TestCaseMeta };
