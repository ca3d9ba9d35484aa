// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit run`: one DIT cycle in one vitest run. The main process owns the run: it opens the
 * ledger, starts the emulated DCC for a loopback target, starts vitest on the `dit` project
 * with the Allure reporter and the execution reporter (which writes each execution to the
 * ledger as it arrives), then closes the run, prints the summary and renders the HTML report.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AllureVitestReporter from 'allure-vitest/reporter';
import { startVitest } from 'vitest/node';
import { ExecutionReporter } from '../cycle/execution-reporter.ts';
import type { DitRunConfig, TargetKind } from '../dit/run-config.ts';
import { openLedger, type Ledger } from '../ledger/ledger.ts';
import { newId } from '../ledger/ids.ts';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { renderAllureReport } from './allure-report.ts';
import { createLogger } from './logger.ts';
import { formatDuration, ProgressDisplay } from './progress-reporter.ts';
import { startLoopbackDcc } from './loopback-dcc.ts';
import { EXIT, UserError } from './user-error.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunOptions {
  target: TargetKind;
  url?: string;
  seed: string;
  ledger: string;
  allureDir: string;
  reportDir: string;
  report: boolean;
  premises: string;
  at: string;
}

function checkDate(at: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(at);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== at) throw new UserError(`--at "${at}" is not a calendar date (YYYY-MM-DD)`);
  return at;
}

export async function runCommand(opts: RunOptions): Promise<number> {
  const programmeDate = checkDate(opts.at);
  if (opts.url && opts.target !== 'loopback') throw new UserError('--url needs --target loopback');
  if (opts.url && !/^https?:\/\/[^/]+/.test(opts.url)) throw new UserError(`--url "${opts.url}" is not an http(s) URL`);
  const premisesFile = resolve(opts.premises);
  loadPremisesSpec(premisesFile); // refuse a broken premises description before anything runs
  const ledgerFile = resolve(opts.ledger);
  const allureDir = resolve(opts.allureDir);
  const outDir = join(PROJECT_ROOT, 'out');
  const log = createLogger(outDir);

  const ledger: Ledger = openLedger(ledgerFile);
  let loopback: { url: string; close(): Promise<void> } | undefined;
  const wallStart = performance.now();
  try {
    if (opts.target === 'loopback' && !opts.url) loopback = await startLoopbackDcc();
    const runId = newId(Date.now(), randomBytes);
    const config: DitRunConfig = {
      runId,
      runSeed: opts.seed,
      target: opts.target,
      programmeDate,
      premisesFile,
      ...(opts.url || loopback ? { url: opts.url ?? loopback?.url } : {}),
    };
    ledger.startRun({
      id: runId,
      seed: opts.seed,
      programmeDate,
      target: opts.target,
      options: { ...opts, premises: premisesFile },
      startedAtWall: new Date().toISOString(),
    });
    log.info({ runId, target: opts.target, seed: opts.seed, ledgerFile }, 'run started');

    rmSync(allureDir, { recursive: true, force: true });
    mkdirSync(allureDir, { recursive: true });
    const progress = new ProgressDisplay();
    const executions = new ExecutionReporter(
      runId,
      (record) => ledger.recordExecution(record),
      (record) => progress.executionRecorded(record),
    );
    process.stdout.write(`dit run ${runId}: target ${opts.target}${config.url ? ` (${config.url})` : ''}, seed "${opts.seed}", programme date ${programmeDate}\n`);
    const vitest = await startVitest(
      'test',
      [],
      {
        root: PROJECT_ROOT,
        config: join(PROJECT_ROOT, 'vitest.config.ts'),
        project: ['dit'],
        watch: false,
        run: true,
        reporters: [new AllureVitestReporter({ resultsDir: allureDir, reportMatchers: false }), executions],
        provide: { ditRun: config },
      },
      {},
      { stdout: process.stdout, stderr: process.stderr },
    );
    await vitest.close();
    progress.finish();

    const t = executions.tally;
    const failedRun = t.failed > 0 || t.undeclared.length > 0 || t.passed + t.failed === 0;
    const wallMs = Math.round(performance.now() - wallStart);
    ledger.finishRun(runId, {
      status: failedRun ? 'failed' : 'passed',
      summary: { ...t, wallMs },
      finishedAtWall: new Date().toISOString(),
    });
    log.info({ runId, ...t, wallMs }, 'run finished');

    let reportLine = 'HTML report: not generated (--no-report)';
    if (opts.report) {
      const rendered = await renderAllureReport(allureDir, resolve(opts.reportDir), `dit run ${runId}`);
      reportLine = rendered.ok ? `HTML report: ${rendered.index}` : `HTML report: not generated (${rendered.reason})`;
    }
    process.stdout.write(
      [
        '',
        `run ${runId} ${failedRun ? 'FAILED' : 'passed'}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped in ${formatDuration(wallMs)}`,
        ...(t.undeclared.length > 0 ? [`tests not declared with ditCase (harness error): ${t.undeclared.join(', ')}`] : []),
        ...(t.passed + t.failed === 0 ? ['nothing was executed: a run that executes nothing is a failed run'] : []),
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
    if (!existsSync(allureDir)) mkdirSync(allureDir, { recursive: true });
  }
}
