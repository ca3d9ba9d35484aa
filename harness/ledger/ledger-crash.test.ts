// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Hardening (issue 8), crash safety in small: a process recording executions into the ledger is
 * killed with SIGKILL mid-way; the ledger passes SQLite's integrity check, keeps every execution
 * the process reported as recorded, and recording the whole plan again (what `dit run --resume`
 * does for what has no result) leaves each execution recorded exactly once.
 * scripts/kill-resume.ts does the same to `dit run` itself, at ten kill points (`npm run hardening`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger, type ExecutionInput } from './ledger.ts';

const dir = mkdtempSync(join(tmpdir(), 'dit-ledger-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUN_ID = 'crash-run';
const ITEMS = 3000;

function execution(i: number): ExecutionInput {
  const planItemId = `PI-${String(i).padStart(4, '0')}`;
  return {
    id: `${RUN_ID}:${planItemId}:1`,
    runId: RUN_ID,
    planItemId,
    testCase: 'READ-ESME-IMPORT-REGISTERS',
    combination: { commsHub: { vendor: 'WNC', firmware: '1.9' }, meter: { manufacturer: 'MM1', model: 'MM1-E24', firmware: '2.1.0' }, band: '2.4GHz' },
    attempt: 1,
    outcome: 'passed',
    virtualDurationMs: 4000,
    wallDurationMs: 1,
    failure: null,
    trace: [{ at: 1_555_059_600_000 + i, direction: 'user→dcc', protocol: 'duis', summary: `request ${i}`, body: '<sr:Request/>' }],
    traceHash: `hash-${i}`,
    seed: `seed-${i}`,
  };
}

describe('ledger under SIGKILL (hardening)', () => {
  it('keeps what was recorded, passes the integrity check, and a resume records each execution exactly once', async () => {
    const ledgerFile = join(dir, 'ledger.db');
    const writer = join(dir, 'writer.ts');
    writeFileSync(
      writer,
      [
        `import { openLedger } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'ledger.ts')).href)};`,
        `const make = ${execution.toString()};`,
        `const RUN_ID = ${JSON.stringify(RUN_ID)};`,
        `const ledger = openLedger(${JSON.stringify(ledgerFile)});`,
        `ledger.startRun({ id: RUN_ID, seed: 'crash', programmeDate: '2019-04-12', target: 'emulated', options: {}, startedAtWall: '2019-04-12T09:00:00.000Z' });`,
        `for (let i = 0; i < ${ITEMS}; i++) { ledger.recordExecution(make(i)); process.stdout.write(\`recorded \${i}\\n\`); }`,
        `setInterval(() => {}, 1000);`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', writer], { stdio: ['ignore', 'pipe', 'inherit'] });
    let reported = -1;
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        for (const m of d.toString().matchAll(/recorded (\d+)\n/g)) reported = Math.max(reported, Number(m[1]));
        // kill it part-way through the plan, while it writes
        if (reported >= 40) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', () => done());
      child.on('error', fail);
    });
    expect(reported).toBeGreaterThanOrEqual(40);

    const ledger = openLedger(ledgerFile);
    try {
      expect(ledger.integrityCheck()).toBe('ok');
      const kept = ledger.executionsForRun(RUN_ID);
      expect(kept.length).toBeGreaterThanOrEqual(reported + 1);
      expect(kept.length).toBeLessThan(ITEMS);
      // resume: record the whole plan again; what was recorded stays, the rest is added once
      ledger.recordExecutions(Array.from({ length: ITEMS }, (_, i) => execution(i)));
      const after = ledger.executionsForRun(RUN_ID);
      expect(after).toHaveLength(ITEMS);
      expect(new Set(after.map((e) => e.planItemId)).size).toBe(ITEMS);
      expect(ledger.integrityCheck()).toBe('ok');
    } finally {
      ledger.close();
    }
  }, 30_000);
});
