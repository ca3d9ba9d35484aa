// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureFrom } from '../cycle/failure.ts';
import { openLedger } from '../ledger/ledger.ts';
import { applyMigrations, latestVersion, MIGRATIONS } from '../ledger/migrations.ts';
import { combinationName, datedExecutions, datedExecutionsOf } from './dated-execution.ts';
import { projectDefects } from './project-defects.ts';
import { combo, SyntheticLedger } from './testing/synthetic-ledger.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dit-dated-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('dated executions', () => {
  it('orders by the run’s programme date, then its start, then run id, plan item and attempt', () => {
    const l = new SyntheticLedger();
    try {
      const late = l.run('2019-04-10'); // started first on the wall clock, but later on the programme calendar
      const early = l.run('2019-04-01');
      const c = combo('TOSH 12.26', 'MM1 E470 1.4');
      l.pass(late, 'B', c);
      l.fail(early, 'B', c, ['x']);
      l.pass(early, 'B', c);
      l.pass(early, 'A', c);
      expect(l.history().map((d) => [d.programmeDate, d.execution.testCase, d.execution.attempt])).toEqual([
        ['2019-04-01', 'A', 1],
        ['2019-04-01', 'B', 1],
        ['2019-04-01', 'B', 2],
        ['2019-04-10', 'B', 1],
      ]);
    } finally {
      l.close();
    }
  });

  it('can be built from runs and any source of executions', () => {
    expect(datedExecutionsOf([{ id: 'R', programmeDate: '2019-04-01', startedAtWall: 'w' }], () => [])).toEqual([]);
    expect(combinationName(combo('TOSH 12.26', 'MM1 E470 1.4', '868MHz'))).toBe('TOSH 12.26 × MM1 E470 1.4 @ 868MHz');
  });

  it('reads a version-1 ledger file once migration 2 has been applied to it, annotations included', () => {
    const file = join(dir, 'v1.db');
    const failure = failureFrom('READ-ESME-ECS17b', ['register expected 5003 to be 5004']);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, MIGRATIONS.slice(0, 1));
    db.prepare(`INSERT INTO runs VALUES ('R1', 's', '2019-04-01', 'emulated', NULL, NULL, '{}', '2025-01-01T00:00:00.000Z')`).run();
    db.prepare(
      `INSERT INTO executions (id, run_id, plan_item_id, test_case, combination, attempt, outcome, virtual_duration_ms, wall_duration_ms, failure, trace, trace_hash, seed, details)
       VALUES ('E1', 'R1', 'PI-1', 'READ-ESME-ECS17b', ?, 1, 'failed', 1, 1, ?, '[]', 'h', 's', '{"severity":3}')`,
    ).run(JSON.stringify(combo('TOSH 12.26', 'MM1 E470 1.4')), JSON.stringify({ message: failure.message, signature: failure.signature, category: 'product' }));
    db.close();

    const ledger = openLedger(file);
    try {
      expect(ledger.schemaVersion).toBe(latestVersion(MIGRATIONS));
      const [defect] = projectDefects(datedExecutions(ledger), [], { at: '2019-04-01' });
      expect(defect).toMatchObject({ signature: failure.signature, severity: 3, state: 'open', foundIn: 'MM1 E470 1.4', ticket: null });
      ledger.annotateDefect({ defectId: defect?.id ?? '', atWall: '2025-01-02T00:00:00Z', author: 'ana', data: { ticket: 'DIT-9', severity: 1 } });
      const [annotated] = projectDefects(datedExecutions(ledger), [], { at: '2019-04-01', annotations: ledger.defectAnnotations() });
      expect(annotated).toMatchObject({ ticket: 'DIT-9', severity: 1, testCaseSeverity: 3 });
    } finally {
      ledger.close();
    }
  });
});
