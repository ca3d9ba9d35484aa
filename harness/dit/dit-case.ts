// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `ditCase(meta, body)`: how a suite declares a DIT test case. The harness expands it into one
 * vitest test per plan item of that case — the plan `dit run` provides, or, with no plan (a
 * plain `vitest run --project dit`), every combination of the premises as described. For each
 * item it derives the execution seed, builds the target through the registered factory, tries
 * the body up to `attempts` times (each attempt recorded), labels the Allure result, and
 * reports plan item, world time and message trace to the main process in the test's `meta`.
 * In collect mode it only registers one placeholder per case carrying its metadata, so the
 * planner can read the catalogue of test cases without running anything.
 */
import { test, type TestContext } from 'vitest';
import * as allure from 'allure-js-commons';
import type { Bench } from '../bench/bench.ts';
import { meterOfType, loadPremisesSpec, type MeterSpec, type PremisesSpec } from '../programme/premises-spec.ts';
import type { Combination } from '../cycle/combination.ts';
import { combinationKey } from '../cycle/combination.ts';
import { executionSeed } from '../cycle/derive.ts';
import type { AttemptReport, ExecutionReport } from '../cycle/execution-report.ts';
import { markFailure } from '../cycle/failure-marker.ts';
import { makePlanItem, type PlanItem } from '../cycle/plan-item.ts';
import { premisesForItem } from '../cycle/premises-for-item.ts';
import type { DuisClient } from './duis-client.ts';
import { targetFactory } from './dit-target.ts';
import { currentRunConfig, type DitRunConfig } from './run-config.ts';
import { validateTestCaseMeta, type Severity, type TestCaseMeta } from './test-case-meta.ts';
import { describeMeasurement, measurementFailure, type MeasuredValue, type MeasurementSpec } from './measurement.ts';
import { runCaseBody } from './run-case-body.ts';

export interface DitContext {
  readonly duis: DuisClient;
  readonly bench: Bench;
  readonly premises: PremisesSpec;
  /** The meter this execution is about (the combination's meter). */
  readonly meter: MeterSpec;
  readonly combination: Combination;
  /** Skips this execution with a reason (e.g. a capability the target lacks). */
  skip(reason: string): never;
  /**
   * Records a measurement with its limits (measurement.ts): kept in the ledger and the report
   * whether it passes or not; one outside its limits fails the execution once the body ends
   * (the body goes on, so every measurement is taken). Returns whether it is within its limits.
   */
  measure(name: string, value: MeasuredValue, spec: MeasurementSpec): boolean;
}

const ALLURE_SEVERITY: Record<Severity, string> = { 1: 'blocker', 2: 'critical', 3: 'minor', 4: 'trivial' };

/** The meters a case applies to: those of its device types (GPF stands for its GSME), on its bands. */
export function metersFor(meta: TestCaseMeta, premises: PremisesSpec): MeterSpec[] {
  const types = new Set<'ESME' | 'GSME'>();
  for (const t of meta.deviceTypes) {
    if (t === 'ESME') types.add('ESME');
    if (t === 'GSME' || t === 'GPF') types.add('GSME');
  }
  const candidates = types.size === 0 ? premises.meters : [...types].flatMap((t) => meterOfType(premises, t) ?? []);
  return candidates.filter((m) => meta.bands.includes(m.band));
}

export function combinationOf(premises: PremisesSpec, meter: MeterSpec): Combination {
  return {
    commsHub: { vendor: premises.commsHub.vendor, firmware: premises.commsHub.firmware },
    meter: { manufacturer: meter.manufacturer, model: meter.model, firmware: meter.firmware, type: meter.type },
    band: meter.band,
  };
}

/** Plan items of a case on the premises as described (no programme plan given). */
export function itemsFromPremises(meta: TestCaseMeta, premises: PremisesSpec): PlanItem[] {
  return metersFor(meta, premises).map((meter) =>
    makePlanItem(meta, combinationOf(premises, meter), {
      commsHub: { vendorId: premises.commsHub.vendorId ?? premises.commsHub.vendor, releaseId: premises.commsHub.releaseId ?? null },
      meter: { modelId: meter.modelId ?? meter.model, releaseId: meter.releaseId ?? null },
    }),
  );
}

let premisesCache: { file: string; spec: PremisesSpec } | undefined;
function premisesOfRun(file: string): PremisesSpec {
  if (premisesCache?.file !== file) premisesCache = { file, spec: loadPremisesSpec(file) };
  return premisesCache.spec;
}

/** A DIT case's body. */
export type DitCaseBody = (ctx: DitContext) => Promise<void>;

let bareSink: ((meta: TestCaseMeta, body: DitCaseBody) => void) | null = null;

/**
 * Hands every case declared from now on to `sink` instead of vitest: for a driver that runs the
 * bodies bare (scripts/bench-overhead.ts: no runner, ledger or Allure), never for a suite.
 */
export function takeDitCasesBare(sink: (meta: TestCaseMeta, body: DitCaseBody) => void): void {
  bareSink = sink;
}

export function ditCase(metaIn: TestCaseMeta, body: (ctx: DitContext) => Promise<void>): void {
  const meta = validateTestCaseMeta(metaIn);
  if (bareSink) return bareSink(meta, body);
  const config = currentRunConfig();
  if (config.mode === 'collect') {
    test(`${meta.id} ${meta.title}`, { tags: [...meta.tags], meta: { ditCase: meta } }, () => {});
    return;
  }
  const base = premisesOfRun(config.premisesFile);
  const items = config.plan ? config.plan.filter((i) => i.testCase === meta.id) : itemsFromPremises(meta, base);
  if (!config.plan && items.length === 0) {
    test.skip(`${meta.id} ${meta.title} — the premises has no ${meta.deviceTypes.join('/')} on ${meta.bands.join('/')}`, () => {});
    return;
  }
  for (const item of items) defineExecution(meta, item, base, config, body);
}

function defineExecution(meta: TestCaseMeta, item: PlanItem, base: PremisesSpec, config: DitRunConfig, body: (ctx: DitContext) => Promise<void>): void {
  const c = item.combination;
  const name = `${meta.id} ${meta.title} [${c.commsHub.vendor} ${c.commsHub.firmware} × ${c.meter.type} ${c.meter.manufacturer} ${c.meter.model} ${c.meter.firmware} @ ${c.band}]`;
  test(name, { tags: [...meta.tags], meta: { ditCase: meta } }, async (context: TestContext) => {
    const premises = config.plan ? premisesForItem(base, item) : base;
    const meter = premises.meters.find((m) => m.type === c.meter.type);
    if (!meter) throw new Error(`plan item ${item.id}: the premises has no ${c.meter.type}`);
    const seed = executionSeed(config.runSeed, c, meta.id);
    const report: ExecutionReport = {
      planItemId: item.id,
      testCase: meta,
      combination: c,
      devices: item.devices,
      seed,
      target: config.target,
      virtualDurationMs: 0,
      trace: [],
      traceHash: '',
      attempts: [],
    };
    context.task.meta.dit = report;
    await labelForAllure(meta, c, item.id, seed);
    const maxAttempts = Math.max(1, config.attempts ?? 1);
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const outcome = await runAttempt(meta, item, premises, meter, seed, config, body, attempt, context);
      report.attempts.push(outcome.report);
      report.virtualDurationMs = outcome.report.virtualDurationMs;
      report.trace = outcome.report.trace;
      report.traceHash = outcome.report.traceHash;
      if (outcome.skipped !== null) {
        context.skip(outcome.skipped);
        return;
      }
      if (outcome.error === null) return;
      if (attempt === maxAttempts) {
        await markForReports(meta, outcome.error, config);
        throw outcome.error;
      }
    }
  });
}

/**
 * What failed an attempt: the error its body threw, else the failures expect.soft recorded
 * during it (one error listing them all), else nothing.
 */
export function attemptFailure(thrown: unknown | null, softErrors: ReadonlyArray<{ readonly message?: string }>): unknown | null {
  if (thrown !== null || softErrors.length === 0) return thrown;
  const messages = softErrors.map((e) => e.message ?? 'soft assertion failed');
  return new Error(messages.length === 1 ? (messages[0] as string) : messages.map((m, i) => `(${i + 1}) ${m}`).join('\n'));
}

interface AttemptOutcome {
  readonly report: AttemptReport;
  readonly error: unknown | null;
  readonly skipped: string | null;
}

async function runAttempt(
  meta: TestCaseMeta,
  item: PlanItem,
  premises: PremisesSpec,
  meter: MeterSpec,
  seed: string,
  config: DitRunConfig,
  body: (ctx: DitContext) => Promise<void>,
  attempt: number,
  context: TestContext,
): Promise<AttemptOutcome> {
  // every attempt starts from a fresh world with the same seed: a retry repeats, it does not continue
  const wallStart = performance.now();
  const target = await targetFactory()({ config, premises, seed, planItemId: item.id });
  const startedAt = target.bench.now();
  // expect.soft records its failures on the task instead of throwing: they fail the attempt too
  const softErrorsBefore = context.task.result?.errors?.length ?? 0;
  const ran = await runCaseBody(body, { target, premises, meter, combination: item.combination, ...(meta.needs ? { needs: meta.needs } : {}) });
  const skipped = ran.skipped;
  const measurements = ran.measurements;
  let error: unknown | null =
    skipped === null
      ? attemptFailure(ran.thrown, [...(context.task.result?.errors ?? []).slice(softErrorsBefore), ...ran.outOfLimits.map((m) => ({ message: measurementFailure(m) }))])
      : null;
  // a failure during which the run's DCC edge fault schedule struck (a dropped alert looks to the
  // suite like a device that never sent it) says so: categoriseFailure reads it as environment
  const injected = error !== null ? target.edgeFaults?.explanation() : null;
  if (injected) error = withExplanation(error, injected);
  const trace = [...target.duis.trace.all];
  const report: AttemptReport = {
    attempt,
    outcome: skipped !== null ? 'skipped' : error === null ? 'passed' : 'failed',
    failureMessages: error === null ? [] : [errorMessage(error)],
    virtualDurationMs: target.bench.now() - startedAt,
    wallDurationMs: Math.round(performance.now() - wallStart),
    trace,
    traceHash: target.duis.trace.hash(),
    measurements: [...measurements],
  };
  for (const m of measurements) await allure.logStep(`measure: ${describeMeasurement(m)}`, m.outcome === 'pass' ? allure.Status.PASSED : allure.Status.FAILED);
  await allure.attachment(`message trace (attempt ${attempt})`, JSON.stringify(trace, null, 2), 'application/json');
  await target.close();
  return { report, error, skipped };
}

/**
 * Puts the failure's category marker in front of its message (a known defect gets its id and
 * an Allure issue link) so reports can tell new product defects from the rest.
 */
async function markForReports(meta: TestCaseMeta, error: unknown, config: DitRunConfig): Promise<void> {
  const marked = markFailure(meta.id, errorMessage(error), config.knownDefects ?? []);
  if (marked.defect) {
    await allure.issue(marked.defect.id, marked.defect.id);
    await allure.label('defect', marked.defect.id);
  }
  if (marked.prefix && error instanceof Error) error.message = `${marked.prefix}${error.message}`;
}

/** The error with one more line of explanation (its first line, hence its signature, unchanged). */
function withExplanation(e: unknown, line: string): unknown {
  if (e instanceof Error) {
    e.message = `${e.message}\n${line}`;
    return e;
  }
  return new Error(`${String(e)}\n${line}`);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function labelForAllure(meta: TestCaseMeta, c: Combination, planItem: string, seed: string): Promise<void> {
  await allure.epic(c.band);
  await allure.feature(meta.useCase);
  await allure.story(`SRV ${meta.srv}`);
  await allure.severity(ALLURE_SEVERITY[meta.severity]);
  await allure.label('ditTestCase', meta.id);
  await allure.label('band', c.band);
  await allure.label('useCase', meta.useCase);
  await allure.label('srv', meta.srv);
  await allure.label('deviceModel', `${c.meter.manufacturer} ${c.meter.model}`);
  await allure.label('firmware', c.meter.firmware);
  await allure.label('commsHub', `${c.commsHub.vendor} ${c.commsHub.firmware}`);
  for (const tag of meta.tags) await allure.tag(tag);
  await allure.parameter('comms hub', `${c.commsHub.vendor} ${c.commsHub.firmware}`);
  await allure.parameter('meter', `${c.meter.manufacturer} ${c.meter.model} ${c.meter.firmware}`);
  await allure.parameter('band', c.band);
  await allure.parameter('plan item', planItem, { excluded: true });
  await allure.parameter('seed', seed, { excluded: true });
  await allure.description(`${meta.title}\n\nCombination: ${combinationKey(c)}\nPlan item: ${planItem}`);
}
