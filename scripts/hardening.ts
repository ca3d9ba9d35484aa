// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `npm run hardening` (issue 8): every hardening check at full count, one after another, then a
 * closing line `hardening: N passed, N failed`:
 *
 * 1. crash safety — scripts/kill-resume.ts: `dit run` killed with SIGKILL at 10 points, resumed,
 *    every execution recorded exactly once, integrity check, same outcomes and traces;
 * 2. fuzzing — the codec (every RTDS frame truncated at every length, 100,000 mutated frames:
 *    harness/protocol/gbcs/secure-frame.fuzz.test.ts) and the emulated DCC over loopback HTTP
 *    (10,000 mutated DUIS requests: emulators/dcc/world-server.fuzz.test.ts);
 * 3. the HTTP edge — over-limit bodies, an entity-expansion bomb, slow and truncated requests
 *    (emulators/dcc/world-server.edge.test.ts), the logger's redaction (harness/cli/logger.test.ts),
 *    a non-loopback bind refused and no private key in any log (scripts/hardening-logs.ts);
 * 4. inputs — every command with missing, malformed and contradictory arguments and fixtures
 *    (harness/cli/bad-inputs.test.ts, the whole table), and the ledger under SIGKILL
 *    (harness/ledger/ledger-crash.test.ts).
 *
 * The vitest files run with DIT_HARDENING_FULL=1; the default `npm test` runs them at small counts.
 * `--only fuzz,edge` runs some parts (crash, fuzz, edge, inputs).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : null;
const env = { ...process.env, DIT_HARDENING_FULL: '1', NO_COLOR: '1' };
let passed = 0;
let failed = 0;

function part(name: string, command: string[], timeoutMs: number): void {
  const t0 = performance.now();
  console.log(`\n── ${name}: ${command.join(' ')}`);
  const ran = spawnSync(process.execPath, command, { cwd: root, env, stdio: 'inherit', timeout: timeoutMs });
  const ok = ran.status === 0;
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${name} (${Math.round((performance.now() - t0) / 100) / 10} s${ok ? '' : `, exit ${ran.status ?? ran.signal}`})`);
}

const vitest = (...files: string[]): string[] => [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit', ...files];
const tsx = (script: string, ...args: string[]): string[] => ['--import', 'tsx', join(root, script), ...args];
const PARTS: Record<string, () => void> = {
  crash: () => part('crash safety: SIGKILL at 10 points, resume, exactly once', tsx('scripts/kill-resume.ts', '--kills', '10'), 900_000),
  fuzz: () => {
    part('fuzzing: RTDS frames truncated at every length, 100,000 mutated frames', vitest('harness/protocol/gbcs/secure-frame.fuzz.test.ts'), 900_000);
    part('fuzzing: 10,000 mutated DUIS requests into the emulated DCC over loopback HTTP', vitest('emulators/dcc/world-server.fuzz.test.ts'), 900_000);
  },
  edge: () => {
    part('HTTP edge: over-limit bodies, billion laughs, slowloris, truncated requests; log redaction', vitest('emulators/dcc/world-server.edge.test.ts', 'harness/cli/logger.test.ts'), 300_000);
    part('HTTP edge: non-loopback bind refused; no private key in the logs of dit emulate and dit run', tsx('scripts/hardening-logs.ts'), 600_000);
  },
  inputs: () => part('inputs: every command with bad arguments and fixtures exits 2, named, no stack; the ledger under SIGKILL', vitest('harness/cli/bad-inputs.test.ts', 'harness/ledger/ledger-crash.test.ts'), 600_000),
};
for (const [name, run] of Object.entries(PARTS)) if (only === null || only.has(name)) run();
console.log(`\nhardening: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
