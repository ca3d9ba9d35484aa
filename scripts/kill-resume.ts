// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Crash safety: kills `dit run` with SIGKILL at random points (wall-clock delays, bounded: a
 * hardening script may use them; each after a random number of newly recorded executions), resumes it with `dit run --resume` until it finishes, and
 * checks that every plan item is recorded exactly once, that SQLite's integrity check passes,
 * and that the outcomes and message-trace hashes equal those of an uninterrupted run.
 *
 *   npx tsx scripts/kill-resume.ts [--kills N] [--seed S]     (default 10 kills)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const kills = Number(arg('--kills', '10'));
const seed = arg('--seed', 'kill');
const work = join(root, 'out', 'hardening', 'kill-resume');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const common = ['run', '--no-report', '--seed', seed, '--allure-dir', join(work, 'allure')];

function recorded(file: string): Map<string, string> {
  // a kill before the run opened its ledger leaves no file: nothing recorded yet
  if (!existsSync(file)) return new Map();
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT plan_item_id AS id, attempt, outcome, trace_hash AS hash FROM executions').all() as Array<{ id: string; attempt: number; outcome: string; hash: string }>;
    return new Map(rows.map((r) => [`${r.id}#${r.attempt}`, `${r.outcome}:${r.hash}`]));
  } finally {
    db.close();
  }
}

// the reference: one uninterrupted run
const reference = join(work, 'reference.db');
spawnSync(process.execPath, [join(root, 'bin/dit.js'), ...common, '--ledger', reference], { cwd: root, stdio: 'ignore' });
const expected = recorded(reference);
console.log(`reference run: ${expected.size} executions`);

// deterministic kill points from the seed (a small LCG): each kill waits until the killed run has
// recorded a random number of new executions — none (a kill during start-up or planning, before
// the run is recorded), else up to a quarter of what is left — then a random 0–300 ms more, so
// kills land between executions and inside them, and ten of them leave work for the resume
let lcg = [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
const nextRandom = (n: number): number => {
  lcg = (lcg * 1664525 + 1013904223) >>> 0;
  return lcg % n;
};

const ledger = join(work, 'killed.db');
let failures = 0;
/** 'none': no run recorded yet; 'unfinished': a run to resume; 'finished'. */
function runState(): 'none' | 'unfinished' | 'finished' {
  try {
    const db = new Database(ledger, { readonly: true });
    try {
      const runs = db.prepare('SELECT COUNT(*) FROM runs').pluck().get() as number;
      const finished = db.prepare("SELECT COUNT(*) FROM run_events WHERE kind = 'finished'").pluck().get() as number;
      return runs === 0 ? 'none' : finished >= runs ? 'finished' : 'unfinished';
    } finally {
      db.close();
    }
  } catch {
    return 'none';
  }
}
for (let k = 1; k <= kills; k++) {
  const state = runState();
  if (state === 'finished') {
    console.log(`kill ${k}: the run has finished; no more kill points`);
    break;
  }
  const resume = state === 'unfinished' ? ['--resume'] : [];
  const child = spawn(process.execPath, [join(root, 'bin/dit.js'), ...common, '--ledger', ledger, ...resume], { cwd: root, stdio: 'ignore', detached: true });
  const before = recorded(ledger).size;
  const remaining = expected.size - before;
  const more = nextRandom(4) === 0 ? 0 : 1 + nextRandom(Math.max(1, Math.floor(remaining / 4)));
  const extraMs = more === 0 ? 500 + nextRandom(2500) : nextRandom(300);
  const startedAt = performance.now();
  const exited = await new Promise<boolean>((done) => {
    let finished = false;
    child.on('exit', () => {
      finished = true;
      done(true);
    });
    const kill = () => {
      if (finished) return;
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the whole group: the CLI and its vitest workers
      } catch {
        /* already gone */
      }
      done(false);
    };
    // poll the ledger (WAL: reading beside the writer is safe); bounded by two minutes
    const poll = setInterval(() => {
      if (finished) return clearInterval(poll);
      if (recorded(ledger).size >= before + more || performance.now() - startedAt > 120_000) {
        clearInterval(poll);
        setTimeout(kill, extraMs);
      }
    }, 50);
  });
  const delay = Math.round(performance.now() - startedAt);
  const n = recorded(ledger).size;
  console.log(`kill ${k}: ${exited ? 'finished before the kill' : `SIGKILL after ${delay} ms (${more === 0 ? 'during start-up' : `after ${more} more execution(s)`})`}; ${n} execution(s) recorded`);
}
// then resume (or start) until the run has finished
for (let i = 0; i < 5 && runState() !== 'finished'; i++) {
  const resume = runState() === 'unfinished' ? ['--resume'] : [];
  spawnSync(process.execPath, [join(root, 'bin/dit.js'), ...common, '--ledger', ledger, ...resume], { cwd: root, stdio: 'ignore' });
}
const got = recorded(ledger);
const db = new Database(ledger, { readonly: true });
const integrity = (db.prepare('PRAGMA integrity_check').pluck().get() as string) ?? 'unknown';
const dupes = (db.prepare('SELECT COUNT(*) FROM (SELECT run_id, plan_item_id, attempt FROM executions GROUP BY 1, 2, 3 HAVING COUNT(*) > 1)').pluck().get() as number) ?? -1;
const runs = db.prepare('SELECT COUNT(*) FROM runs').pluck().get() as number;
db.close();
const differ = [...expected].filter(([k, v]) => got.get(k) !== v).map(([k]) => k);
if (integrity !== 'ok') failures += 1;
if (dupes !== 0) failures += 1;
if (got.size !== expected.size || differ.length > 0) failures += 1;
console.log(`after resuming: ${got.size}/${expected.size} executions in ${runs} run(s), integrity ${integrity}, duplicates ${dupes}, differing from the uninterrupted run: ${differ.length}`);
console.log(failures === 0 ? 'kill-resume: ok' : 'kill-resume: FAILED');
process.exitCode = failures === 0 ? 0 : 1;
