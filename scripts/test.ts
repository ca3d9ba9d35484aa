// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `npm test`: type checking, the layer-boundary check, the unit tests and the DIT suites, then
 * one plain closing line `dit: N passed, N failed, N skipped` (CI reads it). The two checks
 * count as one test each. Exit code 0 only when nothing failed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { checkLayers } from './layer-rules.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;
let skipped = 0;

function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? `\n${detail}` : ''}`);
}

const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
// the type check runs beside the vitest run (one core each while vitest starts; reported after it)
const tscStarted = performance.now();
const tscRun = new Promise<{ status: number | null; output: string; took: string }>((resolveTsc) => {
  const child = spawn(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], { cwd: root });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  child.on('close', (status) => resolveTsc({ status, output, took: seconds(tscStarted) }));
});

const violations = checkLayers(root);
check(
  'layer boundaries (DESIGN.md)',
  violations.length === 0,
  violations.map((v) => `  ${v.file}:${v.line} imports ${v.specifier} (${v.target}); ${v.rule}`).join('\n'),
);

const outDir = join(root, 'out', 'test');
mkdirSync(outDir, { recursive: true });
const jsonFile = join(outDir, 'vitest.json');
rmSync(jsonFile, { force: true });
const e2eWanted = !process.argv.includes('--no-e2e');
const e2e = join(outDir, 'e2e');
if (e2eWanted) rmSync(e2e, { recursive: true, force: true });
// the longest end-to-end job (the defect lifecycle: three dit runs and five defect commands in a
// row, waiting on each other) runs beside vitest, filling the cores vitest leaves idle
const lifecycleStarted = performance.now();
const lifecycleRun = e2eWanted ? defectLifecycle(e2e).then((states) => ({ states, took: seconds(lifecycleStarted) })) : null;
const vitestStarted = performance.now();
const vitest = await spawnAsync(
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--project',
    'unit',
    '--project',
    'dit',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
    ...process.argv.slice(2).filter((a) => a !== '--no-e2e'),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, DIT_ALLURE_DIR: join(outDir, 'allure-results') } },
);

/** A child process to its end, this process's event loop running meanwhile (the jobs beside it go on). */
function spawnAsync(command: string, args: string[], options: { cwd: string; stdio: 'inherit'; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolveChild) => {
    const child = spawn(command, args, options);
    child.on('close', (status, signal) => resolveChild({ status, signal }));
  });
}

interface VitestJson {
  testResults?: Array<{ name: string; assertionResults: Array<{ status: string; fullName: string }> }>;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}
try {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  skipped += report.numPendingTests + report.numTodoTests;
  // skipped tests carry their reason in their name (e.g. the RTDS folder is absent): list them
  const skippedTests = (report.testResults ?? []).flatMap((f) =>
    f.assertionResults.filter((a) => a.status === 'pending' || a.status === 'skipped' || a.status === 'todo').map((a) => `${f.name.replace(`${root}/`, '')}: ${a.fullName}`),
  );
  if (skippedTests.length > 0) console.log(`skipped (${skippedTests.length}):\n${skippedTests.map((t) => `  ○ ${t}`).join('\n')}`);
} catch {
  failed += 1;
  console.log(`✗ vitest produced no report (exit ${vitest.status ?? vitest.signal})`);
}
if (vitest.status !== 0 && failed === 0) failed += 1;
console.log(`vitest (unit + dit): ${seconds(vitestStarted)}`);
const tsc = await tscRun;
check(`type check (tsc --noEmit, strict; ${tsc.took}, beside vitest)`, tsc.status === 0, tsc.status === 0 ? '' : tsc.output);

// End to end, as an engineer runs it: the programme's confidence cycle in process, twice with
// one seed (same seed → same outcomes and the same message-trace hashes), and over a real
// loopback socket (same outcomes); the defect lifecycle; injected DCC edge failures. The shipped
// profiles make some executions fail: a run that records its failures exits 1, which is a
// correct run here. Independent jobs run two at a time (the machine has two cores).
interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
function dit(args: string[]): Promise<Ran> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [join(root, 'bin/dit.js'), ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
  });
}
async function pool<T>(jobs: ReadonlyArray<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
}
function recordedRun(name: string, r: Ran): { ok: boolean; detail: string } {
  const ok = (r.status === 0 || r.status === 1) && /^run \S+ (passed|FAILED): \d+ passed/m.test(r.stdout);
  return { ok, detail: ok ? '' : `  ${name} exited ${r.status}:\n${`${r.stdout}${r.stderr}`.trim()}` };
}
function outcomes(ledgerFile: string, withTrace: boolean): Map<string, string> {
  const db = new Database(ledgerFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT plan_item_id AS id, outcome, trace_hash AS hash FROM executions').all() as Array<{ id: string; outcome: string; hash: string }>;
    return new Map(rows.map((r) => [r.id, withTrace ? `${r.outcome}:${r.hash}` : r.outcome]));
  } finally {
    db.close();
  }
}
function differing(a: Map<string, string>, b: Map<string, string>): string[] | null {
  return a.size === b.size ? differingIn(b, a) : null;
}
/** The plan items of `part` (a run of a subset of `whole`'s plan) whose outcome or trace differ in `whole`; null when `part` is empty. */
function differingIn(whole: Map<string, string>, part: Map<string, string>): string[] | null {
  if (part.size === 0) return null;
  return [...part].filter(([id, v]) => whole.get(id) !== v).map(([id]) => id);
}
const e2eStarted = performance.now();
if (e2eWanted) {
  const cycleRun = (name: string, extra: string[]) => () =>
    dit(['run', '--no-report', '--seed', 'ci', '--combination', 'vendor=WNC', '--ledger', join(e2e, `${name}.db`), '--allure-dir', join(e2e, `allure-${name}`), ...extra]);

  const injectedLedger = join(e2e, 'injected.db');
  const scheduledLedger = join(e2e, 'dcc-faults.db');
  const jobs = [
    cycleRun('a', []),
    // an execution's seed derives from the run seed, its combination and its test case, not from
    // the rest of the plan: the smoke subset run again must repeat the full run's executions
    cycleRun('b', ['--tags', 'smoke']),
    cycleRun('loopback', ['--target', 'loopback']),
    // an injected DCC edge 5xx (msw in front of the emulated DCC) is an environment failure, never a defect
    () => dit(['run', '--no-report', '--allure-dir', join(e2e, 'allure-inj'), '--ledger', injectedLedger, '--inject-dcc-error', '503/1', '--tags', 'smoke', '--combination', 'vendor=WNC']),
    // the programme's incidents as a --dcc-faults schedule
    () =>
      dit([
        'run', '--no-report', '--allure-dir', join(e2e, 'allure-dcc-faults'), '--ledger', scheduledLedger,
        '--dcc-faults', join(root, 'fixtures/dcc-faults/programme-2019-04-incidents.json'), '--cycle', 'MM1-FORMAL-DIT', '--combination', 'vendor=WNC',
      ]),
    // a slice of the fault audit (the whole audit takes minutes: run it by hand)
    () => dit(['profiles', 'audit', '--json', '--test-case', 'FW-READ-ESME', '--use-case', 'ECS52', '--pairs', '1']),
  ];
  const names = ['run a', 'run b', 'loopback', 'injected 503', 'dcc-faults', 'audit slice'];
  const took: string[] = [];
  const timed = jobs.map((job, i) => async () => {
    const t0 = performance.now();
    const result = await job();
    took.push(`${names[i] ?? i} ${seconds(t0)}`);
    return result;
  });
  const ran = await pool<unknown>(timed, 2);
  const lifecycleDone = await lifecycleRun!;
  const lifecycleStates = lifecycleDone.states;
  console.log(`end-to-end jobs: the defect lifecycle ${lifecycleDone.took} (from the start, beside vitest); then two at a time: ${took.join(', ')}`);
  const [aRun, bRun, loopRun, injRun, schRun, auditRun] = ran as Ran[];

  const a = recordedRun('dit run (first)', aRun!);
  const b = recordedRun('dit run (second)', bRun!);
  const sameSeed = a.ok && b.ok ? differingIn(outcomes(join(e2e, 'a.db'), true), outcomes(join(e2e, 'b.db'), true)) : null;
  check(
    'same seed → same outcomes and message traces (a full run and its smoke subset run again)',
    sameSeed !== null && sameSeed.length === 0,
    `${a.detail}${b.detail}${sameSeed?.length ? `  differing plan items: ${sameSeed.join(', ')}` : ''}`,
  );
  const loop = recordedRun('dit run --target loopback', loopRun!);
  const sameOverLoopback = loop.ok && a.ok ? differing(outcomes(join(e2e, 'a.db'), true), outcomes(join(e2e, 'loopback.db'), true)) : null;
  check(
    'dit run --target loopback: the same suites over a real socket, the same outcomes and message traces',
    sameOverLoopback !== null && sameOverLoopback.length === 0,
    `${loop.detail}${sameOverLoopback?.length ? `  outcomes or traces differ from in process: ${sameOverLoopback.join(', ')}` : ''}`,
  );

  const states = lifecycleStates as string[];
  const expected = ['claimed: claimed-fixed', 'retested: verified', 'regressed: reopened'];
  check('defect lifecycle: found, claimed fixed, verified by retest, reopened by regression', expected.every((e) => states.includes(e)), `  ${states.join('; ')}`);

  const injectedDefects = (await dit(['defects', 'list', '--json', '--ledger', injectedLedger])).stdout.trim();
  const ok = injRun!.status === 1 && /HTTP 503/.test(injRun!.stdout) && injectedDefects === '[]';
  check('an injected DCC edge HTTP 503 fails the run as an environment failure and raises no defect', ok, `  exit ${injRun!.status}; defects: ${injectedDefects}`);

  // HTTP 500s and lost AD1 alerts fail executions, every failure is an environment failure, and
  // no device defect is raised
  const scheduledDefects = (await dit(['defects', 'list', '--json', '--ledger', scheduledLedger])).stdout.trim();
  let categories: string[] = [];
  if (schRun!.status === 1) {
    const db = new Database(scheduledLedger, { readonly: true });
    try {
      const rows = db.prepare("SELECT failure FROM executions WHERE outcome = 'failed'").all() as Array<{ failure: string }>;
      categories = rows.map((r) => {
        const f = JSON.parse(r.failure) as { category: string; message: string };
        return `${f.category}:${/HTTP 500/.test(f.message) ? 'http-500' : /AD1 dropped/.test(f.message) ? 'lost-ad1' : 'other'}`;
      });
    } finally {
      db.close();
    }
  }
  const schOk =
    schRun!.status === 1 &&
    categories.includes('environment:http-500') &&
    categories.includes('environment:lost-ad1') &&
    categories.every((c) => c.startsWith('environment:')) &&
    scheduledDefects === '[]';
  check('--dcc-faults with the programme incidents: HTTP 500s and lost AD1 alerts are environment failures, no defect', schOk, `  exit ${schRun!.status}; failures: ${[...new Set(categories)].join(', ')}; defects: ${scheduledDefects}`);

  // the audit slice: FW-READ-ESME finds the ECS52 faults on the ESME (and MM1 2.0.4's declared
  // wrong version), nothing fails fault-free, and the CHF's ECS52 faults are reported unexercised
  let audit: { faultFreeFailures?: number; findings?: Array<{ id: string; detected: boolean; reason?: string }> } = {};
  try {
    audit = JSON.parse(auditRun!.stdout) as typeof audit;
  } catch {
    audit = {};
  }
  const finding = (id: string) => audit.findings?.find((f) => f.id === id);
  const auditOk =
    auditRun!.status === 1 &&
    audit.faultFreeFailures === 0 &&
    ['GEN-ECS52-response-ESME-drop', 'GEN-ECS52-response-ESME-wrong-value', 'GEN-ECS52-command-ESME-reject', 'MM1-2.0.4-ECS52-VERSION'].every((id) => finding(id)?.detected === true) &&
    /no test case exercises ECS52\/response\/CHF/.test(finding('GEN-ECS52-response-CHF-drop')?.reason ?? '');
  check('dit profiles audit (a slice): generated and declared ECS52 faults detected, unexercised ones reported, none fault-free', auditOk, auditOk ? '' : `  exit ${auditRun!.status}\n${auditRun!.stdout.slice(0, 2000)}${auditRun!.stderr.slice(-2000)}`);
}

if (!process.argv.includes('--no-e2e')) console.log(`end-to-end checks: ${seconds(e2eStarted)}`);
console.log(`whole test run: ${seconds(started)}`);
console.log(`dit: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed === 0 ? 0 : 1;

// the defect lifecycle on the shipped programme and profiles: found → claimed fixed (ticket on
// the fix release) → verified by the retest → reopened by the regression release
async function defectLifecycle(e2e: string): Promise<string[]> {
  const ledger = ['--ledger', join(e2e, 'lifecycle.db')];
  const states: string[] = [];
  const defectList = async (at: string): Promise<Array<{ id: string; state: string }>> =>
    JSON.parse((await dit(['defects', 'list', '--json', '--at', at, ...ledger])).stdout || '[]') as Array<{ id: string; state: string }>;
  await dit(['run', '--no-report', '--allure-dir', join(e2e, 'allure-l1'), '--combination', 'model=MM2-G24-OPT2', ...ledger]);
  const found = await defectList('2019-04-12');
  const id = found.find((d) => d.state === 'open')?.id;
  states.push(`found: ${found.map((d) => `${d.id} ${d.state}`).join(', ') || 'none'}`);
  if (id) {
    await dit(['defects', 'update', id, '--ticket', 'MM2-T-0042', '--author', 'ci', ...ledger]);
    states.push(`claimed: ${(await defectList('2019-04-24')).find((d) => d.id === id)?.state}`);
    await dit(['run', '--no-report', '--allure-dir', join(e2e, 'allure-l2'), '--retest-for', 'MM2-G24-OPT2-1.1.1', '--at', '2019-04-24', ...ledger]);
    states.push(`retested: ${(await defectList('2019-04-24')).find((d) => d.id === id)?.state}`);
    await dit(['run', '--no-report', '--allure-dir', join(e2e, 'allure-l3'), '--cycle', 'MM2-CONFIDENCE', '--at', '2019-05-08', '--combination', 'model=MM2-G24-OPT2', ...ledger]);
    states.push(`regressed: ${(await defectList('2019-05-08')).find((d) => d.id === id)?.state}`);
  }
  return states;
}
