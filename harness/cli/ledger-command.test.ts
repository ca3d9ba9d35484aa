// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit ledger merge` carries the control-point assessments across: a union by id (the same
 * record twice is kept once) and a clear refusal, exit 2, when two ledgers hold different
 * records under one id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type AssessmentRecordInput } from '../ledger/ledger.ts';
import { runDit } from './testing/run-dit.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dit-ledger-cli-'));
  process.exitCode = undefined;
});
afterEach(() => {
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const assessment = (id: string, decision: 'pass' | 'fail', inputsHash = 'sha256:abc'): AssessmentRecordInput => ({
  id,
  controlPoint: 'CP-2019-05-03',
  programmeDate: '2019-05-03',
  decision,
  inputsHash,
  atWall: '2025-03-01T10:00:00Z',
  result: { decision },
});

function ledgerWith(name: string, records: AssessmentRecordInput[]): string {
  const file = join(dir, name);
  const ledger = openLedger(file);
  for (const r of records) ledger.recordAssessment(r);
  ledger.close();
  return file;
}

describe('dit ledger merge', () => {
  it('carries the assessments across as a union by id', async () => {
    const target = ledgerWith('target.db', [assessment('AS1', 'fail')]);
    const shard = ledgerWith('shard.db', [assessment('AS1', 'fail'), assessment('AS2', 'pass')]);
    const { code, out } = await runDit(['ledger', 'merge', shard, '--ledger', target]);
    expect(code).toBe(0);
    expect(out).toContain('1 assessment(s) added (1 already present)');
    expect(out).toContain('2 assessment(s), integrity ok');
    const merged = openLedger(target, { readonly: true });
    expect(merged.assessments().map((a) => [a.id, a.decision])).toEqual([
      ['AS1', 'fail'],
      ['AS2', 'pass'],
    ]);
    merged.close();
  });

  it('refuses two different assessments under one id, naming it and the file, and merges nothing', async () => {
    const target = ledgerWith('target.db', [assessment('AS1', 'fail')]);
    const clash = ledgerWith('clash.db', [assessment('AS2', 'pass'), assessment('AS1', 'fail', 'sha256:other')]);
    const { code, err } = await runDit(['ledger', 'merge', clash, '--ledger', target]);
    expect(code).toBe(2);
    expect(err).toContain('assessment AS1 is already recorded');
    expect(err).toContain('different inputs_hash');
    expect(err).toContain(`merging from ${clash}`);
    expect(err).not.toMatch(/internal error|\n\s+at /);
    const kept = openLedger(target, { readonly: true });
    expect(kept.assessments().map((a) => a.id)).toEqual(['AS1']);
    kept.close();
  });
});
