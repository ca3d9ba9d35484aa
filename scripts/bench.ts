// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `npm run bench`: performance figures, printed and written to out/bench/latest.json.
 * Measured so far (issue 8 adds the rest):
 * - codec: decode + verify all RTDS messages (MACs and signatures where checkable), messages/s;
 * - cycle: `dit run` of the programme's confidence cycle in process — wall time, executions/s,
 *   and virtual time covered ÷ wall time (the speed-up of the emulated world);
 * - soak: `dit soak --days 7` — wall seconds of the whole command and of the soak itself.
 * Figures are measurements, never assertions.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { rtdsAvailable } from '../harness/protocol/gbcs/rtds.ts';
import { verifyRtds } from '../harness/protocol/gbcs/rtds-conformance.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out', 'bench');
mkdirSync(out, { recursive: true });
const results: Record<string, unknown> = {};

// codec
if (rtdsAvailable()) {
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

// cycle
const ledger = join(out, 'cycle.db');
rmSync(ledger, { force: true });
const t1 = performance.now();
const run = spawnSync(process.execPath, [join(root, 'bin/dit.js'), 'run', '--no-report', '--seed', 'bench', '--ledger', ledger, '--allure-dir', join(out, 'allure')], {
  cwd: root,
  encoding: 'utf8',
});
const wallSeconds = (performance.now() - t1) / 1000;
const db = new Database(ledger, { readonly: true });
const row = db.prepare('SELECT COUNT(*) AS n, SUM(virtual_duration_ms) AS virtualMs, SUM(wall_duration_ms) AS wallMs FROM executions').get() as { n: number; virtualMs: number; wallMs: number };
db.close();
results.cycle = {
  exit: run.status,
  executions: row.n,
  wallSeconds: round(wallSeconds, 2),
  executionsPerSecond: round(row.n / wallSeconds, 1),
  virtualSeconds: round(row.virtualMs / 1000, 1),
  speedup: Math.round(row.virtualMs / 1000 / wallSeconds),
  executionWallSeconds: round(row.wallMs / 1000, 2),
};
console.log(
  `cycle: dit run of the confidence cycle: ${row.n} executions in ${round(wallSeconds, 2)} s wall (${round(row.n / wallSeconds, 1)}/s); ` +
    `${round(row.virtualMs / 1000 / 60, 1)} min of virtual time → ${Math.round(row.virtualMs / 1000 / wallSeconds)}× faster than real time`,
);
// soak: `dit soak` of 7 virtual days (reads every 30 min, a channel change, an 868 MHz firmware update, a supply outage)
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
for (const figure of ['overhead', 'edge', 'scale']) {
  results[figure] = { notMeasured: 'arrives with the benchmarks issue (issue 8)' };
  console.log(`${figure}: not measured yet (issue 8)`);
}
writeFileSync(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${join(out, 'latest.json')}`);

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
