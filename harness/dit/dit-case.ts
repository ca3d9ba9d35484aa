// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `ditCase(meta, body)`: how a suite declares a DIT test case. The harness expands it into one
 * vitest test per plan item (a combination of the premises the case applies to), derives each
 * execution's seed, builds the target through the registered factory, labels the Allure result,
 * and reports the plan item, world time and message trace to the main process in `meta`.
 */
import { test, type TestContext } from 'vitest';
import * as allure from 'allure-js-commons';
import type { Bench } from '../bench/bench.ts';
import { meterOfType, loadPremisesSpec, type MeterSpec, type PremisesSpec } from '../programme/premises-spec.ts';
import type { Combination } from '../cycle/combination.ts';
import { combinationKey } from '../cycle/combination.ts';
import { executionSeed, planItemId } from '../cycle/derive.ts';
import type { ExecutionReport } from '../cycle/execution-report.ts';
import type { DuisClient } from './duis-client.ts';
import { targetFactory } from './dit-target.ts';
import { currentRunConfig } from './run-config.ts';
import { validateTestCaseMeta, type Severity, type TestCaseMeta } from './test-case-meta.ts';

export interface DitContext {
  readonly duis: DuisClient;
  readonly bench: Bench;
  readonly premises: PremisesSpec;
  /** The meter this execution is about (the combination's meter). */
  readonly meter: MeterSpec;
  readonly combination: Combination;
  /** Skips this execution with a reason (e.g. a capability the target lacks). */
  skip(reason: string): never;
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

let premisesCache: { file: string; spec: PremisesSpec } | undefined;
function premisesOfRun(file: string): PremisesSpec {
  if (premisesCache?.file !== file) premisesCache = { file, spec: loadPremisesSpec(file) };
  return premisesCache.spec;
}

export function ditCase(metaIn: TestCaseMeta, body: (ctx: DitContext) => Promise<void>): void {
  const meta = validateTestCaseMeta(metaIn);
  const config = currentRunConfig();
  const premises = premisesOfRun(config.premisesFile);
  const meters = metersFor(meta, premises);
  if (meters.length === 0) {
    test.skip(`${meta.id} ${meta.title} — the premises has no ${meta.deviceTypes.join('/')} on ${meta.bands.join('/')}`, () => {});
    return;
  }
  for (const meter of meters) {
    const combination = combinationOf(premises, meter);
    const name = `${meta.id} ${meta.title} [${meter.type} ${meter.manufacturer} ${meter.model} ${meter.firmware} @ ${meter.band}]`;
    test(name, { tags: [...meta.tags] }, async (context: TestContext) => {
      const seed = executionSeed(config.runSeed, combination, meta.id);
      const report: ExecutionReport = {
        planItemId: planItemId(combination, meta.id),
        testCase: meta,
        combination,
        seed,
        target: config.target,
        virtualDurationMs: 0,
        trace: [],
        traceHash: '',
      };
      context.task.meta.dit = report;
      await labelForAllure(meta, combination, report.planItemId, seed);
      const target = await targetFactory()({ config, premises, seed });
      const lacking = target.bench.lacking(...(meta.needs ?? []));
      if (lacking) {
        await target.close();
        context.skip(lacking);
        return;
      }
      const startedAt = target.bench.now();
      try {
        await body({
          duis: target.duis,
          bench: target.bench,
          premises,
          meter,
          combination,
          skip: (reason: string): never => {
            context.skip(reason);
            throw new Error('unreachable: skip');
          },
        });
      } finally {
        report.virtualDurationMs = target.bench.now() - startedAt;
        report.trace = [...target.duis.trace.all];
        report.traceHash = target.duis.trace.hash();
        await allure.attachment('message trace', JSON.stringify(report.trace, null, 2), 'application/json');
        await target.close();
      }
    });
  }
}

async function labelForAllure(meta: TestCaseMeta, c: Combination, planItem: string, seed: string): Promise<void> {
  await allure.epic(c.band);
  await allure.feature(meta.useCase);
  await allure.story(`SRV ${meta.srv}`);
  await allure.severity(ALLURE_SEVERITY[meta.severity]);
  await allure.label('testCaseId', meta.id);
  await allure.label('band', c.band);
  await allure.label('useCase', meta.useCase);
  await allure.label('srv', meta.srv);
  await allure.label('deviceModel', `${c.meter.manufacturer} ${c.meter.model}`);
  await allure.label('firmware', c.meter.firmware);
  for (const tag of meta.tags) await allure.tag(tag);
  await allure.parameter('comms hub', `${c.commsHub.vendor} ${c.commsHub.firmware}`);
  await allure.parameter('meter', `${c.meter.manufacturer} ${c.meter.model} ${c.meter.firmware}`);
  await allure.parameter('band', c.band);
  await allure.parameter('plan item', planItem, { excluded: true });
  await allure.parameter('seed', seed, { excluded: true });
  await allure.description(`${meta.title}\n\nCombination: ${combinationKey(c)}`);
}
