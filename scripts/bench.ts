// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `npm run bench`: performance figures, printed and written to out/bench/latest.json:
 * - codec: decode + verify all RTDS messages (MACs and signatures where checkable), messages/s;
 * - cycle: `dit run` of the programme's formal cycle (MM2-FORMAL-DIT at the first programme date
 *   its whole plan is in scope) in process — wall time, executions/s, and virtual time covered ÷
 *   wall time (the speed-up of the emulated world); the confidence cycle's the same way;
 * - overhead: the same plan driven bare (scripts/bench-overhead.ts: no vitest, ledger or
 *   Allure) against `dit run`: the ratio of their wall times;
 * - edge: the emulated DCC of `dit emulate` over loopback HTTP under 64 concurrent clients
 *   (scripts/bench-edge.ts), XML-signature checking off and on, and with the harness's
 *   DuisClient as the client;
 * - scale: 10,000 emulated premises commissioned and held in one process (scripts/bench-scale.ts);
 * - soak: `dit soak --days 7` — wall seconds of the whole command and of the soak itself.
 * Figures are measurements, never assertions. `--only codec,edge` runs some of them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { rtdsAvailable } from '../harness/protocol/gbcs/rtds.ts';
import { verifyRtds } from '../harness/protocol/gbcs/rtds-conformance.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out', 'bench');
mkdirSync(out, { recursive: true });
const results: Record<string, unknown> = {};
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : null;
const wanted = (figure: string): boolean => only === null || only.has(figure);
const FORMAL_CYCLE = { id: 'MM2-FORMAL-DIT', at: '2019-05-15' };

// codec
if (!wanted('codec')) {
  // not asked for
} else if (rtdsAvailable()) {
  verifyRtds(); // warm-up: module loading, key parsing
  const runs = 5;
  const t0 = performance.now();
  let total = 0;
  for (let i = 0; i < runs; i++) total = verifyRtds().total;
  const seconds = (performance.now() - t0) / 1000 / runs;
  results.codec = { messages: total, seconds: round(seconds, 3), messagesPerSecond: Math.round(total / seconds) };
  console.log(`codec: ${total} RTDS messages decoded + verified in ${round(seconds, 3)} s (${Math.round(total / seconds)} messages/s, mean of ${runs})`);
} else {
  results.codec = { skipped: 'RTDS folder not found (set DIT_RTDS_DIR)' };
  console.log('codec: skipped — RTDS folder not found (set DIT_RTDS_DIR)');
}

// cycle: `dit run` of a cycle in process, figures from its ledger
interface CycleFigure {
  exit: number | null;
  executions: number;
  wallSeconds: number;
  executionsPerSecond: number;
  virtualSeconds: number;
  speedup: number;
  executionWallSeconds: number;
}
function cycleRun(name: string, extra: string[]): CycleFigure {
  const ledger = join(out, `${name}.db`);
  rmSync(ledger, { force: true });
  const t1 = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bin/dit.js'), 'run', '--no-report', '--seed', 'bench', '--ledger', ledger, '--allure-dir', join(out, `allure-${name}`), ...extra], {
    cwd: root,
    encoding: 'utf8',
  });
  const wallSeconds = (performance.now() - t1) / 1000;
  if (!existsSync(ledger)) throw new Error(`dit run ${extra.join(' ')} exited ${run.status} with no ledger:\n${`${run.stdout}${run.stderr}`.slice(-2000)}`);
  const db = new Database(ledger, { readonly: true });
  const row = db.prepare('SELECT COUNT(*) AS n, SUM(virtual_duration_ms) AS virtualMs, SUM(wall_duration_ms) AS wallMs FROM executions').get() as { n: number; virtualMs: number; wallMs: number };
  db.close();
  return {
    exit: run.status,
    executions: row.n,
    wallSeconds: round(wallSeconds, 2),
    executionsPerSecond: round(row.n / wallSeconds, 1),
    virtualSeconds: round(row.virtualMs / 1000, 1),
    speedup: Math.round(row.virtualMs / 1000 / wallSeconds),
    executionWallSeconds: round(row.wallMs / 1000, 2),
  };
}
const describeCycle = (c: CycleFigure): string =>
  `${c.executions} executions in ${c.wallSeconds} s wall (${c.executionsPerSecond}/s); ${round(c.virtualSeconds / 60, 1)} min of virtual time → ${c.speedup}× faster than real time`;
let formal: CycleFigure | null = null;
if (wanted('cycle') || wanted('overhead')) {
  formal = cycleRun('cycle', ['--cycle', FORMAL_CYCLE.id, '--at', FORMAL_CYCLE.at]);
  results.cycle = { cycle: FORMAL_CYCLE.id, at: FORMAL_CYCLE.at, ...formal };
  console.log(`cycle: dit run --cycle ${FORMAL_CYCLE.id} --at ${FORMAL_CYCLE.at}: ${describeCycle(formal)} (target ≤ 60 s, ≥ 1,000×)`);
}
if (wanted('cycle')) {
  const confidence = cycleRun('confidence', []);
  results.confidenceCycle = confidence;
  console.log(`cycle: dit run of the confidence cycle (default): ${describeCycle(confidence)}`);
}

// overhead: the same plan driven bare, in a child process as `dit run` is
if (wanted('overhead') && formal) {
  const t3 = performance.now();
  const bare = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench-overhead.ts'), FORMAL_CYCLE.id, FORMAL_CYCLE.at, 'bench'], { cwd: root, encoding: 'utf8' });
  const bareProcessSeconds = (performance.now() - t3) / 1000;
  const line = bare.stdout.trim().split('\n').at(-1) ?? '';
  if (bare.status !== 0 || !line.startsWith('{')) {
    results.overhead = { failed: `bench-overhead exited ${bare.status}: ${bare.stderr.slice(-500)}` };
    console.log(`overhead: the bare driver failed (exit ${bare.status})\n${bare.stderr.slice(-2000)}`);
  } else {
    const b = JSON.parse(line) as { executions: number; passed: number; failed: number; skipped: number; wallSeconds: number };
    const ratio = round(formal.wallSeconds / bareProcessSeconds, 2);
    results.overhead = {
      ratio,
      ditRunWallSeconds: formal.wallSeconds,
      bareProcessSeconds: round(bareProcessSeconds, 2),
      bareLoopSeconds: round(b.wallSeconds, 2),
      loopRatio: round(formal.wallSeconds / b.wallSeconds, 2),
      bare: { executions: b.executions, passed: b.passed, failed: b.failed, skipped: b.skipped },
    };
    console.log(
      `overhead: dit run ${formal.wallSeconds} s vs the same ${b.executions} plan items bare ${round(bareProcessSeconds, 2)} s (process; ${round(b.wallSeconds, 2)} s in the loop) → ${ratio}× (target ≤ 3×); ` +
        `bare outcomes ${b.passed} passed, ${b.failed} failed, ${b.skipped} skipped`,
    );
  }
}

// edge: dit emulate under 64 concurrent clients — the raw client with signature checking off,
// then on, then the harness's own DuisClient (checking off)
if (wanted('edge')) {
  const edge: Record<string, unknown> = {};
  for (const [name, client, signatures] of [['off', 'raw', 'off'], ['on', 'raw', 'on'], ['duisClient', 'duis', 'off']] as const) {
    const ran = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench-edge.ts'), '--clients', '64', '--seconds', '10', '--signatures', signatures, '--client', client], { cwd: root, encoding: 'utf8' });
    const line = ran.stdout.trim().split('\n').at(-1) ?? '';
    if (ran.status !== 0 || !line.startsWith('{')) {
      edge[name] = { failed: `bench-edge exited ${ran.status}: ${ran.stderr.slice(-500)}` };
      console.log(`edge (${client} client, signatures ${signatures}): failed (exit ${ran.status})\n${ran.stderr.slice(-2000)}`);
      continue;
    }
    const e = JSON.parse(line) as { completed: number; seconds: number; rps: number; p50ms: number; p99ms: number; errors: number };
    edge[name] = e;
    console.log(
      `edge: 64 ${client === 'raw' ? 'raw' : 'DuisClient'} clients, XML signatures ${signatures}: ${e.rps} service requests/s (ack + response) — ${e.completed} in ${e.seconds} s, p50 ${e.p50ms} ms, p99 ${e.p99ms} ms, ${e.errors} errors` +
        (name === 'off' ? ' (target ≥ 2,000/s, p99 ≤ 100 ms)' : ' (reported)'),
    );
  }
  const off = edge.off as { rps?: number; p50ms?: number; p99ms?: number } | undefined;
  results.edge = { rps: off?.rps ?? null, p50ms: off?.p50ms ?? null, p99ms: off?.p99ms ?? null, clients: 64, signaturesOff: edge.off, signaturesOn: edge.on, duisClientSignaturesOff: edge.duisClient };
}

// scale: 10,000 premises in one process, in a child with --expose-gc
if (wanted('scale')) {
  const ran = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'scripts/bench-scale.ts'), '--premises', '10000'], { cwd: root, encoding: 'utf8' });
  const line = ran.stdout.trim().split('\n').at(-1) ?? '';
  if (ran.status !== 0 || !line.startsWith('{')) {
    results.scale = { failed: `bench-scale exited ${ran.status}: ${ran.stderr.slice(-500)}` };
    console.log(`scale: failed (exit ${ran.status})\n${ran.stderr.slice(-2000)}`);
  } else {
    const s = JSON.parse(line) as { premises: number; commissionSeconds: number; bytesPerPremises: number; heapUsedMB: number };
    results.scale = s;
    console.log(
      `scale: ${s.premises} premises (CH + ESME + GSME) commissioned in ${s.commissionSeconds} s (target ≤ 60 s), ${round(s.bytesPerPremises / 1024, 1)} KB each (target ≤ 100 KB), heap ${s.heapUsedMB} MB`,
    );
  }
}

// soak: `dit soak` of 7 virtual days (reads every 30 min, a channel change, an 868 MHz firmware update, a supply outage)
if (wanted('soak')) {
  const soakTrace = join(out, 'soak-trace.jsonl');
  const t2 = performance.now();
  const soak = spawnSync(process.execPath, [join(root, 'bin/dit.js'), 'soak', '--days', '7', '--seed', 'bench', '--trace', soakTrace, '--json'], { cwd: root, encoding: 'utf8' });
  const soakWallSeconds = (performance.now() - t2) / 1000;
  const soakReport = soak.status === 0 || soak.status === 1 ? (JSON.parse(soak.stdout) as { passed: boolean; wallSeconds: number; requests: { total: number } }) : null;
  results.soak = {
    exit: soak.status,
    days: 7,
    wallSeconds: round(soakWallSeconds, 2),
    soakSeconds: soakReport?.wallSeconds ?? null,
    requests: soakReport?.requests.total ?? null,
    passed: soakReport?.passed ?? false,
  };
  console.log(`soak: 7 virtual days in ${round(soakWallSeconds, 2)} s wall (${soakReport?.wallSeconds ?? '?'} s in the soak itself, the rest starting the CLI); ${soakReport?.requests.total ?? '?'} DUIS requests, ${soakReport?.passed ? 'passed' : `exit ${soak.status}`}`);
}
writeFileSync(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${join(out, 'latest.json')}`);

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
