// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit run`: one DIT cycle in one vitest run. The main process owns the run: it plans the
 * cycle (programme, cycle, programme date, filters, shard), records the run and its plan in the
 * ledger, starts the emulated DCC for a loopback target, then starts vitest on the `dit`
 * project with the plan, the Allure reporter and the execution reporter (which writes every
 * attempt to the ledger as it arrives). `--resume` picks up a run that did not finish and runs
 * only the plan items with no recorded result. Then it closes the run, prints the summary and
 * renders the HTML report.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AllureVitestReporter from 'allure-vitest/reporter';
import { ExecutionReporter } from '../cycle/execution-reporter.ts';
import type { PlanItem } from '../cycle/plan-item.ts';
import { parseDccEdgeFault } from '../transport/dcc-edge-fault.ts';
import { loadDccEdgeSchedule, mergeSchedules, scheduleOfEdgeFault, type DccEdgeSchedule } from '../transport/dcc-edge-schedule.ts';
import type { DitRunConfig, LabConfig, TargetKind } from '../dit/run-config.ts';
import { labConfigOf } from './lab-options.ts';
import { newId } from '../ledger/ids.ts';
import { openLedger, type Ledger } from '../ledger/ledger.ts';
import type { LedgerRun } from '../ledger/records.ts';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { DIT_CATEGORIES, defectLinks, environmentInfo } from '../../reports/allure-config.ts';
import type { KnownDefect } from '../cycle/failure-marker.ts';
import { datedExecutions } from '../defects/dated-execution.ts';
import { defectReleasesOf } from '../defects/programme-releases.ts';
import { projectDefects } from '../defects/project-defects.ts';
import { loadProgramme } from '../programme/load-programme.ts';
import type { ProgrammeDate } from '../programme/programme-date.ts';
import { renderAllureReport } from './allure-report.ts';
import { cyclePlan, shardOf, type CyclePlanOptions } from './cycle-plan.ts';
import { runDitWorkers } from './dit-workers.ts';
import { createLogger } from './logger.ts';
import { startLoopbackDcc } from './loopback-dcc.ts';
import { shippedProfiles } from '../../emulators/firmware/profile-loader.ts';
import { formatDuration, ProgressDisplay } from './progress-reporter.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { EXIT, UserError } from './user-error.ts';

export { PROJECT_ROOT };

export interface RunOptions extends CyclePlanOptions {
  target: TargetKind;
  url?: string;
  seed: string;
  ledger: string;
  allureDir: string;
  reportDir: string;
  report: boolean;
  shard?: string;
  attempts: number;
  /** true: the latest unfinished run; a string: that run. */
  resume?: boolean | string;
  /** Allure history file (JSON lines), kept across runs outside the report folder. */
  history: string;
  /** STATUS/N: every N-th DUIS request answered by the DCC edge with HTTP STATUS. */
  injectDccError?: string;
  /** A DCC edge fault schedule (JSON, harness/transport/dcc-edge-schedule.ts) the run lives through. */
  dccFaults?: string;
  /** --target lab: keystore folder (RTDS layout), Service User EUI, receiver host:port[=advertised URL]. */
  keystore?: string;
  user?: string;
  receiver?: string;
}

/** What a run records about itself so that `--resume` can continue it exactly. */
interface RecordedRunPlan {
  readonly programme: string;
  readonly cycle: string;
  readonly premisesFile: string;
  readonly attempts: number;
  readonly url?: string;
  readonly shard?: string;
  /** The DCC edge fault schedule as loaded (kept whole: a resume does not re-read the file). */
  readonly dccFaults?: DccEdgeSchedule;
  readonly dccFaultsFile?: string;
  /** A lab target's keystore, user and receiver (no secrets: paths and addresses). */
  readonly lab?: LabConfig;
  readonly plan: readonly PlanItem[];
}

interface PreparedRun {
  readonly runId: string;
  readonly programme: string;
  readonly cycle: string;
  readonly resumed: boolean;
  readonly config: DitRunConfig;
  readonly toRun: readonly PlanItem[];
  readonly planned: number;
  readonly description: string;
}

export async function runCommand(opts: RunOptions): Promise<number> {
  if (opts.url && opts.target === 'emulated') throw new UserError('--url needs --target loopback or --target lab');
  if (opts.target === 'lab' && !opts.url) throw new UserError('--target lab needs --url: the DUIS base URL of the lab DCC (e.g. DCC Boxed)');
  if (opts.target !== 'lab' && (opts.keystore || opts.user || opts.receiver)) throw new UserError('--keystore, --user and --receiver apply to --target lab only');
  if (opts.target === 'lab' && (opts.dccFaults || opts.injectDccError)) throw new UserError('--dcc-faults and --inject-dcc-error apply to emulated and loopback targets, not to a lab');
  if (opts.url && !/^https?:\/\/[^/]+/.test(opts.url)) throw new UserError(`--url "${opts.url}" is not an http(s) URL`);
  const ledgerFile = resolve(opts.ledger);
  const allureDir = resolve(opts.allureDir);
  const log = createLogger(join(PROJECT_ROOT, 'out'));
  const ledger: Ledger = openLedger(ledgerFile);
  let loopback: { url: string; close(): Promise<void> } | undefined;
  try {
    // the emulated worlds' firmware profiles: a broken one is refused (file, path, reason) before anything runs
    shippedProfiles();
    const prepared = opts.resume ? prepareResume(ledger, opts) : await prepareNewRun(ledger, opts);
    if (!prepared) {
      process.stdout.write(`nothing to resume: every run in ${ledgerFile} has finished\n`);
      return EXIT.ok;
    }
    let config = prepared.config;
    if (config.target === 'loopback' && !config.url) {
      loopback = await startLoopbackDcc();
      config = { ...config, url: loopback.url };
    }
    log.info({ runId: prepared.runId, target: config.target, seed: config.runSeed, ledgerFile, items: prepared.toRun.length }, prepared.resumed ? 'run resumed' : 'run started');
    process.stdout.write(`${prepared.description}\n`);
    if (!prepared.resumed) {
      rmSync(allureDir, { recursive: true, force: true });
    }
    mkdirSync(allureDir, { recursive: true });

    const wallStart = performance.now();
    const progress = new ProgressDisplay(prepared.toRun.length);
    const executions = new ExecutionReporter(
      prepared.runId,
      (record) => ledger.recordExecution(record),
      (record) => progress.executionRecorded(record),
    );
    if (prepared.toRun.length > 0) {
      await runDitWorkers(
        { ...config, plan: prepared.toRun, knownDefects: knownDefects(ledger, prepared.programme, config.programmeDate) },
        {
          reporters: [
            new AllureVitestReporter({
              resultsDir: allureDir,
              reportMatchers: false,
              categories: DIT_CATEGORIES,
              links: defectLinks(),
              environmentInfo: environmentInfo({
                runId: prepared.runId,
                programme: prepared.programme,
                cycle: prepared.cycle,
                programmeDate: config.programmeDate,
                target: config.target,
                seed: config.runSeed,
                ...(opts.shard ? { shard: opts.shard } : {}),
              }),
            }),
            executions,
          ],
        },
      );
    }
    progress.finish();

    const t = executions.tally;
    const executed = t.passed + t.failed;
    const recorded = ledger.completedPlanItems(prepared.runId);
    const missing = prepared.toRun.filter((i) => !recorded.has(i.id)).map((i) => i.id);
    const nothingRan = prepared.planned > 0 && executed === 0 && !prepared.resumed;
    const failedRun = t.failed > 0 || t.undeclared.length > 0 || missing.length > 0 || nothingRan || prepared.planned === 0;
    const wallMs = Math.round(performance.now() - wallStart);
    ledger.finishRun(prepared.runId, {
      status: failedRun ? 'failed' : 'passed',
      summary: { ...t, wallMs, missing },
      finishedAtWall: new Date().toISOString(),
    });
    log.info({ runId: prepared.runId, ...t, wallMs }, 'run finished');

    let reportLine = 'HTML report: not generated (--no-report)';
    if (opts.report) {
      const rendered = await renderAllureReport(allureDir, resolve(opts.reportDir), `dit run ${prepared.runId}`, resolve(opts.history));
      reportLine = rendered.ok ? `HTML report: ${rendered.index}` : `HTML report: not generated (${rendered.reason})`;
    }
    process.stdout.write(
      [
        '',
        `run ${prepared.runId} ${failedRun ? 'FAILED' : 'passed'}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped${t.flaky > 0 ? ` (${t.flaky} passed only on a later attempt)` : ''} in ${formatDuration(wallMs)}`,
        ...(t.undeclared.length > 0 ? [`tests not declared with ditCase (harness error): ${t.undeclared.join(', ')}`] : []),
        ...(t.unrecorded.length > 0 ? [`results the ledger refused (harness error): ${t.unrecorded.join('; ')}`] : []),
        ...(missing.length > 0 ? [`plan items with no recorded result: ${missing.join(', ')}`] : []),
        ...(prepared.planned === 0 ? ['the plan is empty: a run that executes nothing is a failed run (check --cycle, --tags, --combination, --at)'] : []),
        ...(nothingRan ? ['nothing was executed: a run that executes nothing is a failed run'] : []),
        `ledger: ${ledgerFile}`,
        `allure results: ${allureDir}`,
        reportLine,
        '',
      ].join('\n'),
    );
    return failedRun ? EXIT.failed : EXIT.ok;
  } finally {
    await loopback?.close();
    ledger.close();
  }
}

async function prepareNewRun(ledger: Ledger, opts: RunOptions): Promise<PreparedRun> {
  const dccFaults = dccFaultsOf(opts); // refuse a broken fault schedule before anything runs
  const premisesFile = resolve(opts.premises);
  loadPremisesSpec(premisesFile); // refuse a broken premises description before anything runs
  const lab = opts.target === 'lab' ? labConfigOf(opts) : undefined;
  const { at, plan } = await cyclePlan(opts);
  const items: PlanItem[] = shardOf(plan.items, opts.shard);
  const runId = newId(Date.now(), randomBytes);
  const recorded: RecordedRunPlan = {
    programme: plan.programme,
    cycle: plan.cycle.id,
    premisesFile,
    attempts: opts.attempts,
    ...(opts.url ? { url: opts.url } : {}),
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(dccFaults ? { dccFaults } : {}),
    ...(opts.dccFaults ? { dccFaultsFile: resolve(opts.dccFaults) } : {}),
    ...(lab ? { lab } : {}),
    plan: items,
  };
  ledger.startRun({
    id: runId,
    seed: opts.seed,
    programmeDate: at,
    target: opts.target,
    programme: plan.programme,
    cycle: plan.cycle.id,
    options: { ...recorded, tags: opts.tags ?? null, combination: opts.combination ?? null, strategy: plan.strategy, excluded: plan.excluded },
    startedAtWall: new Date().toISOString(),
  });
  const config: DitRunConfig = {
    runId,
    runSeed: opts.seed,
    target: opts.target,
    programmeDate: at,
    premisesFile,
    attempts: opts.attempts,
    ...(opts.url ? { url: opts.url } : {}),
    ...(dccFaults ? { dccFaults } : {}),
    ...(lab ? { lab } : {}),
  };
  const description = [
    `dit run ${runId}: ${plan.programme} cycle ${plan.cycle.id} (${plan.cycle.type}) at ${at}, target ${opts.target}${opts.url ? ` (${opts.url})` : ''}, seed "${opts.seed}"`,
    ...(dccFaults ? [`  DCC edge faults switched on: ${dccFaults.incidents.map((i) => `${i.id} (${i.kind}${i.illustrative ? ', illustrative' : ''})`).join(', ')}`] : []),
    `  ${items.length} plan item(s)${opts.shard ? ` in shard ${opts.shard} of ${plan.items.length}` : ''}: ${plan.testCases.length} test case(s) × ${plan.combinations.length} combination(s) (${plan.strategy})`,
    ...plan.excluded.map((e) => `  not in scope: ${e.release} — ${e.reason}`),
    ...plan.unplannable.map((u) => `  not planned: ${u.testCase} — ${u.reason}`),
  ].join('\n');
  return { runId, programme: plan.programme, cycle: plan.cycle.id, resumed: false, config, toRun: items, planned: items.length, description };
}

function prepareResume(ledger: Ledger, opts: RunOptions): PreparedRun | undefined {
  let run: LedgerRun | undefined;
  if (typeof opts.resume === 'string') {
    run = ledger.getRun(opts.resume);
    if (!run) throw new UserError(`--resume ${opts.resume}: no such run in ${ledger.file}`);
    if (run.finish) throw new UserError(`--resume ${opts.resume}: that run finished (${run.finish.status}) at ${run.finish.finishedAtWall}`);
  } else {
    run = ledger.latestUnfinishedRun();
    if (!run) return undefined;
  }
  const recorded = run.options as unknown as RecordedRunPlan;
  if (!recorded || !Array.isArray(recorded.plan)) throw new UserError(`run ${run.id} has no recorded plan: it cannot be resumed`);
  const done = ledger.completedPlanItems(run.id);
  const toRun = recorded.plan.filter((i) => !done.has(i.id));
  const config: DitRunConfig = {
    runId: run.id,
    runSeed: run.seed,
    target: run.target as TargetKind,
    programmeDate: run.programmeDate,
    premisesFile: recorded.premisesFile,
    attempts: recorded.attempts,
    ...(recorded.url ? { url: recorded.url } : {}),
    ...(recorded.dccFaults ? { dccFaults: recorded.dccFaults } : {}),
    ...(recorded.lab ? { lab: recorded.lab } : {}),
  };
  const description = `dit run ${run.id} resumed: ${run.programme ?? ''} cycle ${run.cycle ?? ''} at ${run.programmeDate}, target ${run.target}, seed "${run.seed}": ${toRun.length} of ${recorded.plan.length} plan item(s) have no recorded result`;
  return { runId: run.id, programme: recorded.programme, cycle: recorded.cycle, resumed: true, config, toRun, planned: recorded.plan.length, description };
}

/** `--dcc-faults FILE` and `--inject-dcc-error STATUS/N` (a one-incident shorthand) as one schedule. */
function dccFaultsOf(opts: RunOptions): DccEdgeSchedule | undefined {
  if (!opts.dccFaults && !opts.injectDccError) return undefined;
  const fromFile = opts.dccFaults ? loadDccEdgeSchedule(resolve(opts.dccFaults)) : undefined;
  let shorthand: DccEdgeSchedule | undefined;
  if (opts.injectDccError) {
    try {
      shorthand = scheduleOfEdgeFault(parseDccEdgeFault(opts.injectDccError));
    } catch (e) {
      throw new UserError((e as Error).message);
    }
  }
  if (fromFile && shorthand) return mergeSchedules(fromFile, shorthand);
  return fromFile ?? shorthand;
}

/** The defects the ledger knows as of the run's programme date, for the workers to recognise. */
function knownDefects(ledger: Ledger, programme: string, at: string): KnownDefect[] {
  const defects = projectDefects(datedExecutions(ledger), defectReleasesOf(loadProgramme(programme), at as ProgrammeDate), {
    at,
    annotations: ledger.defectAnnotations(),
  });
  return defects.map((d) => ({ id: d.id, signature: d.signature, state: d.state, intermittent: d.intermittent }));
}
