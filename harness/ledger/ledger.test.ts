// SPDX-License-Identifier: GPL-3.0-or-later
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdGenerator, idTime, isId, seededRandom } from './ids.ts';
import { openLedger, LedgerError, type ExecutionInput, type Ledger, type RunStart } from './ledger.ts';
import { applyMigrations, LEDGER_APPLICATION_ID, latestVersion, migrationChecksum, MIGRATIONS } from './migrations.ts';

let dir: string;
const opened: Ledger[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dit-ledger-'));
});
afterEach(() => {
  for (const ledger of opened.splice(0)) ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(name = 'ledger.db', options?: Parameters<typeof openLedger>[1]): Ledger {
  const ledger = openLedger(join(dir, name), options);
  opened.push(ledger);
  return ledger;
}

function refusal(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerError) return e;
    throw e;
  }
  throw new Error('expected a LedgerError');
}

function raw(file: string, readonly = true): Database.Database {
  return new Database(file, { readonly, fileMustExist: true });
}

const run = (id: string, startedAtWall = '2025-03-01T09:00:00.000Z', extra: Partial<RunStart> = {}): RunStart => ({
  id,
  seed: `seed-${id}`,
  programmeDate: '2025-03-01',
  target: 'emulated',
  options: { shard: null },
  startedAtWall,
  ...extra,
});

const execution = (runId: string, planItemId: string, extra: Partial<ExecutionInput> & Record<string, unknown> = {}): ExecutionInput => ({
  id: `${runId}:${planItemId}:${String(extra.attempt ?? 1)}`,
  runId,
  planItemId,
  testCase: 'READ-ESME-ECS17b',
  combination: { commsHub: { vendor: 'TOSH', firmware: '12.26' }, meter: { manufacturer: 'MM1', model: 'E470', firmware: '1.4' }, band: '2.4GHz' },
  attempt: 1,
  outcome: 'passed',
  virtualDurationMs: 4000,
  wallDurationMs: 3.25,
  failure: null,
  trace: [
    { at: 1_740_819_600_000, direction: 'user→dcc', protocol: 'duis', summary: 'ECS17b request', body: '<sr:Request/>' },
    { at: 1_740_819_601_000, direction: 'dcc→device', protocol: 'gbcs', summary: 'ECS17b command', body: 'DD0000000000' },
  ],
  traceHash: `hash-${planItemId}`,
  seed: `seed-${planItemId}`,
  ...extra,
});

const failed = { outcome: 'failed' as const, failure: { message: 'no response within 30 s', signature: 'sig-timeout', category: 'product' } };

describe('openLedger: creating and reopening', () => {
  it('creates the parent folders and a new ledger: WAL, synchronous FULL, foreign keys on, stamped', () => {
    const file = join(dir, 'a', 'b', 'ledger.db');
    const ledger = openLedger(file);
    opened.push(ledger);
    expect(ledger.file).toBe(file);
    expect(ledger.schemaVersion).toBe(latestVersion());
    expect(ledger.settings()).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: true });
    expect(ledger.counts()).toEqual({ runs: 0, executions: 0, duplicates: 0 });
    expect(ledger.integrityCheck()).toBe('ok');
    const db = raw(file);
    expect(db.pragma('application_id', { simple: true })).toBe(LEDGER_APPLICATION_ID);
    expect(db.prepare(`SELECT value FROM ledger_meta WHERE key = 'format'`).pluck().get()).toBe('dit-ledger');
    db.close();
  });

  it('keeps its records across reopening and applies each migration once', () => {
    const first = open();
    first.startRun(run('R1'));
    first.recordExecution(execution('R1', 'PI-1'));
    first.close();
    const again = open();
    expect(again.counts()).toEqual({ runs: 1, executions: 1, duplicates: 0 });
    again.close();
    open().close();
    const db = raw(join(dir, 'ledger.db'));
    expect(db.prepare('SELECT id, checksum FROM schema_migrations').all()).toEqual(MIGRATIONS.map((m) => ({ id: m.id, checksum: migrationChecksum(m) })));
    db.close();
  });

  it('turns a zero-byte file into a ledger', () => {
    const file = join(dir, 'empty.db');
    writeFileSync(file, '');
    const ledger = openLedger(file);
    opened.push(ledger);
    expect(ledger.integrityCheck()).toBe('ok');
  });
});

describe('openLedger: refusing what is not a usable ledger, leaving it untouched', () => {
  it('refuses a file of random bytes', () => {
    const file = join(dir, 'random.db');
    const bytes = seededRandom('not a database')(4096);
    writeFileSync(file, bytes);
    const error = refusal(() => openLedger(file));
    expect(error.code).toBe('not-sqlite');
    expect(error.message).toContain(file);
    expect(error.message).toContain('is not a SQLite database');
    expect(error.message).toContain('expected a dit ledger');
    expect(new Uint8Array(readFileSync(file))).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['random.db']);
  });

  it('refuses a SQLite database that is not a dit ledger', () => {
    const file = join(dir, 'shop.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT); INSERT INTO orders (item) VALUES ('meter')`);
    db.close();
    const before = readFileSync(file);
    const error = refusal(() => openLedger(file));
    expect(error.code).toBe('not-a-ledger');
    expect(error.message).toMatch(/a SQLite database but not a dit ledger \(it has application_id 0x00000000 and tables orders\)/);
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['shop.db']);
  });

  it('refuses a WAL-mode SQLite database with another application_id, without writing to it', () => {
    const file = join(dir, 'other.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('application_id = 42');
    db.close();
    const before = readFileSync(file);
    expect(refusal(() => openLedger(file)).message).toContain('application_id 0x0000002A');
    expect(readFileSync(file)).toEqual(before);
  });

  it('refuses a ledger whose schema is newer than this code', () => {
    const file = join(dir, 'future.db');
    openLedger(file).close();
    const db = raw(file, false);
    db.exec('CREATE TABLE from_the_future (x INTEGER)');
    const future = latestVersion() + 1;
    db.prepare('INSERT INTO schema_migrations (id, description, checksum) VALUES (?, ?, ?)').run(future, 'a future migration', 'f'.repeat(64));
    db.pragma(`user_version = ${future}`);
    db.close();
    const before = readFileSync(file);
    const error = refusal(() => openLedger(file));
    expect(error.code).toBe('newer-schema');
    expect(error.message).toContain(`${file}: dit ledger schema version ${future} is newer than this dit knows (it knows up to ${latestVersion()}`);
    expect(readFileSync(file)).toEqual(before);
    expect(refusal(() => openLedger(file, { readonly: true })).code).toBe('newer-schema');
  });

  it('refuses a ledger whose recorded migration differs from this code', () => {
    const file = join(dir, 'altered.db');
    openLedger(file).close();
    const db = raw(file, false);
    db.exec(`DROP TABLE schema_migrations; CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, description TEXT NOT NULL, checksum TEXT NOT NULL) STRICT`);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run('edited', migrationChecksum({ id: 1, description: 'x', sql: 'other SQL' }));
    db.close();
    expect(refusal(() => openLedger(file)).code).toBe('damaged');
  });

  it('refuses to open a missing file read-only, and creates nothing', () => {
    const file = join(dir, 'missing', 'ledger.db');
    expect(refusal(() => openLedger(file, { readonly: true })).code).toBe('missing');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});

describe('runs', () => {
  it('round trip, with the wall time normalised to UTC', () => {
    const ledger = open();
    expect(ledger.startRun(run('R1', '2025-03-01T10:00:00+01:00', { programme: 'DBCH-2025', cycle: 'C7', options: { shard: '1/2', b: [1, 2] } }))).toBe('R1');
    expect(ledger.getRun('R1')).toEqual({
      id: 'R1',
      seed: 'seed-R1',
      programmeDate: '2025-03-01',
      target: 'emulated',
      programme: 'DBCH-2025',
      cycle: 'C7',
      options: { b: [1, 2], shard: '1/2' },
      startedAtWall: '2025-03-01T09:00:00.000Z',
      finish: null,
      finishes: [],
    });
    expect(ledger.getRun('nope')).toBeUndefined();
  });

  it('get sortable ids timed by their start when none is given: reproducible under a seeded random source', () => {
    const ids = (name: string) => {
      const ledger = open(name, { random: seededRandom('run-seed') });
      const a = ledger.startRun({ ...run('x', '2025-03-01T09:00:00.000Z'), id: undefined });
      const b = ledger.startRun({ ...run('x', '2025-03-01T09:00:00.000Z'), id: undefined });
      const f = ledger.finishRun(a, { status: 'passed', summary: {}, finishedAtWall: '2025-03-01T09:30:00.000Z' });
      return [a, b, f];
    };
    const [a, b, f] = ids('one.db');
    expect([a, b, f].every((id) => id !== undefined && isId(id))).toBe(true);
    expect(idTime(a ?? '')).toBe(Date.parse('2025-03-01T09:00:00.000Z'));
    expect((b ?? '') > (a ?? '')).toBe(true);
    expect(idTime(f ?? '')).toBe(Date.parse('2025-03-01T09:30:00.000Z'));
    expect(ids('two.db')).toEqual([a, b, f]);
  });

  it('take ids from an injected generator', () => {
    let t = 1_000;
    const ledger = open('ledger.db', { newId: createIdGenerator({ clock: () => t++, random: seededRandom('g') }) });
    const id = ledger.startRun({ ...run('x'), id: undefined });
    expect(idTime(id)).toBe(1_000);
  });

  it('starting the same run again is a no-op; a different run under the same id is refused', () => {
    const ledger = open();
    ledger.startRun(run('R1'));
    expect(ledger.startRun(run('R1'))).toBe('R1');
    const error = refusal(() => ledger.startRun(run('R1', '2025-03-02T09:00:00.000Z')));
    expect(error.code).toBe('conflict');
    expect(ledger.counts().runs).toBe(1);
  });

  it('finish as an event: the run row is never updated, and a run finishes once', () => {
    const ledger = open();
    ledger.startRun(run('R1'));
    const reader = raw(ledger.file);
    const before = reader.prepare('SELECT * FROM runs').all();
    reader.close();
    const eventId = ledger.finishRun('R1', { id: 'EV1', status: 'failed', summary: { passed: 3, failed: 1 }, finishedAtWall: '2025-03-01T09:45:00Z' });
    expect(eventId).toBe('EV1');
    const after = raw(ledger.file);
    expect(after.prepare('SELECT * FROM runs').all()).toEqual(before);
    expect(after.prepare('SELECT id, run_id, kind FROM run_events').all()).toEqual([{ id: 'EV1', run_id: 'R1', kind: 'finished' }]);
    after.close();
    const finish = { id: 'EV1', runId: 'R1', status: 'failed', summary: { failed: 1, passed: 3 }, finishedAtWall: '2025-03-01T09:45:00.000Z' };
    expect(ledger.getRun('R1')).toMatchObject({ finish, finishes: [finish] });
    const again = refusal(() => ledger.finishRun('R1', { status: 'passed', summary: null, finishedAtWall: '2025-03-01T10:00:00Z' }));
    expect(again.code).toBe('run-finished');
    expect(again.message).toContain('run R1 already finished at 2025-03-01T09:45:00.000Z (event EV1)');
    expect(refusal(() => ledger.finishRun('R9', { status: 'passed', summary: null, finishedAtWall: '2025-03-01T10:00:00Z' })).code).toBe('unknown-run');
  });

  it('are listed oldest first; the latest unfinished run is the one to resume', () => {
    const ledger = open();
    expect(ledger.latestUnfinishedRun()).toBeUndefined();
    ledger.startRun(run('R-b', '2025-03-02T09:00:00Z'));
    ledger.startRun(run('R-a', '2025-03-01T09:00:00Z'));
    ledger.startRun(run('R-c', '2025-03-03T09:00:00Z'));
    expect(ledger.listRuns().map((r) => r.id)).toEqual(['R-a', 'R-b', 'R-c']);
    expect(ledger.latestUnfinishedRun()?.id).toBe('R-c');
    ledger.finishRun('R-c', { status: 'passed', summary: {}, finishedAtWall: '2025-03-03T10:00:00Z' });
    expect(ledger.latestUnfinishedRun()?.id).toBe('R-b');
    ledger.finishRun('R-b', { status: 'aborted', summary: {}, finishedAtWall: '2025-03-02T10:00:00Z' });
    ledger.finishRun('R-a', { status: 'error', summary: {}, finishedAtWall: '2025-03-01T10:00:00Z' });
    expect(ledger.latestUnfinishedRun()).toBeUndefined();
    expect(ledger.listRuns().map((r) => r.finish?.status)).toEqual(['error', 'aborted', 'passed']);
  });
});

describe('executions', () => {
  it('round trip with their trace, failure and extra fields', () => {
    const ledger = open();
    ledger.startRun(run('R1'));
    const input = execution('R1', 'PI-2', { ...failed, title: 'Read instantaneous import', severity: 2, srv: '4.1.1', skipReason: null });
    expect(ledger.recordExecution(input)).toEqual({ id: 'R1:PI-2:1', duplicate: false });
    ledger.recordExecution(execution('R1', 'PI-1'));
    const [first, second] = ledger.executionsForRun('R1');
    expect(first).toEqual(execution('R1', 'PI-1'));
    expect(second).toEqual(input);
    expect(ledger.executionsForRun('R2')).toEqual([]);
  });

  it('get a sortable id when none is given', () => {
    const ledger = open('ledger.db', { random: seededRandom('e') });
    ledger.startRun(run('R1', '2025-03-01T09:00:00Z'));
    const a = ledger.recordExecution({ ...execution('R1', 'PI-1'), id: undefined });
    const b = ledger.recordExecution({ ...execution('R1', 'PI-2'), id: undefined });
    expect(isId(a.id) && isId(b.id) && b.id > a.id).toBe(true);
    expect(idTime(a.id)).toBe(Date.parse('2025-03-01T09:00:00Z'));
  });

  it('are recorded exactly once: the same execution again is a no-op returning the recorded id', () => {
    const ledger = open();
    ledger.startRun(run('R1'));
    const first = ledger.recordExecution(execution('R1', 'PI-1'));
    expect(ledger.recordExecution(execution('R1', 'PI-1'))).toEqual({ id: first.id, duplicate: true });
    // re-delivered under another id, after a re-run that took different wall time
    expect(ledger.recordExecution(execution('R1', 'PI-1', { id: 'other', wallDurationMs: 99 }))).toEqual({ id: first.id, duplicate: true });
    expect(ledger.counts()).toEqual({ runs: 1, executions: 1, duplicates: 0 });
  });

  it('refuse a different result for an attempt already recorded, naming what differs', () => {
    const ledger = open();
    ledger.startRun(run('R1'));
    ledger.recordExecution(execution('R1', 'PI-1'));
    const error = refusal(() => ledger.recordExecution(execution('R1', 'PI-1', { ...failed, id: 'E-new', traceHash: 'other' })));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('run R1, plan item PI-1, attempt 1 is already recorded as execution R1:PI-1:1 with different outcome, failure, trace_hash');
    const sameId = refusal(() => ledger.recordExecution(execution('R1', 'PI-1', { ...failed })));
    expect(sameId.message).toContain('execution id R1:PI-1:1 is already recorded');
    // a re-run is the next attempt
    expect(ledger.recordExecution(execution('R1', 'PI-1', { ...failed, attempt: 2 })).duplicate).toBe(false);
    expect(ledger.counts().executions).toBe(2);
  });

  it('need a started, unfinished run', () => {
    const ledger = open();
    expect(refusal(() => ledger.recordExecution(execution('R9', 'PI-1'))).code).toBe('unknown-run');
    ledger.startRun(run('R1'));
    ledger.finishRun('R1', { status: 'passed', summary: {}, finishedAtWall: '2025-03-01T10:00:00Z' });
    const error = refusal(() => ledger.recordExecution(execution('R1', 'PI-1')));
    expect(error.code).toBe('run-finished');
    expect(ledger.counts().executions).toBe(0);
  });

  it('that are malformed are refused whole', () => {
    const ledger = open();
    ledger.startRun(run('R1'));
    const error = refusal(() => ledger.recordExecution({ ...execution('R1', 'PI-1'), virtualDurationMs: -1 }));
    expect(error.code).toBe('invalid-record');
    expect(error.message).toContain('virtualDurationMs: Too small');
    expect(ledger.counts().executions).toBe(0);
  });

  it('tell which plan items of a run are done, and how far', () => {
    const ledger = open();
    ledger.startRun(run('R1'));
    ledger.startRun(run('R2'));
    ledger.recordExecutions([
      execution('R1', 'PI-1', failed),
      execution('R1', 'PI-1', { attempt: 2 }),
      execution('R1', 'PI-2', { ...failed, outcome: 'error' }),
      execution('R2', 'PI-3'),
    ]);
    const done = ledger.completedPlanItems('R1');
    expect([...done.keys()]).toEqual(['PI-1', 'PI-2']);
    expect(done.get('PI-1')).toEqual({ planItemId: 'PI-1', attempts: 2, lastAttempt: 2, lastOutcome: 'passed', lastExecutionId: 'R1:PI-1:2' });
    expect(done.get('PI-2')?.lastOutcome).toBe('error');
    expect(done.has('PI-3')).toBe(false);
  });
});

describe('transactions', () => {
  it('a failing batch leaves nothing half-written', () => {
    const ledger = open();
    ledger.startRun(run('R1'));
    const batch = [execution('R1', 'PI-1'), execution('R1', 'PI-2'), execution('R-unknown', 'PI-3')];
    expect(refusal(() => ledger.recordExecutions(batch)).code).toBe('unknown-run');
    expect(ledger.counts()).toEqual({ runs: 1, executions: 0, duplicates: 0 });
  });

  it('everything inside transaction() commits together or not at all', () => {
    const ledger = open();
    expect(() =>
      ledger.transaction(() => {
        ledger.startRun(run('R1'));
        ledger.recordExecution(execution('R1', 'PI-1'));
        ledger.finishRun('R1', { status: 'passed', summary: {}, finishedAtWall: '2025-03-01T10:00:00Z' });
        throw new Error('the process is told to stop');
      }),
    ).toThrow('the process is told to stop');
    expect(ledger.counts()).toEqual({ runs: 0, executions: 0, duplicates: 0 });
    expect(ledger.listRuns()).toEqual([]);
    ledger.transaction(() => {
      ledger.startRun(run('R1'));
      ledger.recordExecution(execution('R1', 'PI-1'));
    });
    expect(ledger.counts()).toEqual({ runs: 1, executions: 1, duplicates: 0 });
  });

  it('refuses an async transaction function and rolls back', () => {
    const ledger = open();
    const error = refusal(() =>
      ledger.transaction(() => {
        ledger.startRun(run('R1'));
        return Promise.resolve();
      }),
    );
    expect(error.message).toContain('must be synchronous');
    expect(ledger.counts().runs).toBe(0);
  });
});

describe('read-only and closed ledgers', () => {
  it('answer queries read-only and refuse writes, leaving the file as it was', () => {
    const file = join(dir, 'ledger.db');
    const writer = openLedger(file);
    writer.startRun(run('R1'));
    writer.close();
    const before = readFileSync(file);
    const reader = open('ledger.db', { readonly: true });
    expect(reader.readonly).toBe(true);
    expect(reader.listRuns().map((r) => r.id)).toEqual(['R1']);
    expect(reader.integrityCheck()).toBe('ok');
    expect(refusal(() => reader.startRun(run('R2'))).code).toBe('readonly');
    expect(refusal(() => reader.recordExecution(execution('R1', 'PI-1'))).code).toBe('readonly');
    expect(refusal(() => reader.mergeFrom(file)).code).toBe('readonly');
    reader.close();
    expect(readFileSync(file)).toEqual(before);
  });

  it('refuse every call once closed', () => {
    const ledger = open();
    ledger.close();
    ledger.close();
    expect(refusal(() => ledger.listRuns()).code).toBe('closed');
    expect(refusal(() => ledger.startRun(run('R1'))).code).toBe('closed');
  });
});

describe('mergeFrom', () => {
  function shard(name: string, planItems: string[], finishedAtWall: string): string {
    const ledger = openLedger(join(dir, name));
    ledger.startRun(run('R1'));
    for (const pi of planItems) ledger.recordExecution(execution('R1', pi));
    ledger.finishRun('R1', { id: `EV-${name}`, status: 'passed', summary: { shard: name }, finishedAtWall });
    ledger.close();
    return join(dir, name);
  }

  it('unions two shards of a run: every execution once, each shard’s finish kept', () => {
    const a = shard('a.db', ['PI-1', 'PI-2'], '2025-03-01T10:00:00Z');
    const b = shard('b.db', ['PI-3'], '2025-03-01T10:05:00Z');
    const other = openLedger(b);
    other.startRun(run('R2', '2025-03-02T09:00:00Z'));
    other.recordExecution(execution('R2', 'PI-1'));
    other.close();

    const merged = openLedger(a);
    opened.push(merged);
    expect(merged.mergeFrom(b)).toEqual({
      runs: { added: 1, skipped: 1 },
      runEvents: { added: 1, skipped: 0 },
      executions: { added: 2, skipped: 0 },
      defectAnnotations: { added: 0, skipped: 0 },
      assessments: { added: 0, skipped: 0 },
    });
    expect(merged.counts()).toEqual({ runs: 2, executions: 4, duplicates: 0 });
    expect(merged.executionsForRun('R1').map((e) => e.planItemId)).toEqual(['PI-1', 'PI-2', 'PI-3']);
    const r1 = merged.getRun('R1');
    expect(r1?.finishes.map((f) => f.id)).toEqual(['EV-a.db', 'EV-b.db']);
    expect(r1?.finish?.id).toBe('EV-b.db');
    expect(merged.latestUnfinishedRun()?.id).toBe('R2');
    expect(merged.integrityCheck()).toBe('ok');

    // merging again adds nothing
    expect(merged.mergeFrom(b)).toEqual({
      runs: { added: 0, skipped: 2 },
      runEvents: { added: 0, skipped: 1 },
      executions: { added: 0, skipped: 2 },
      defectAnnotations: { added: 0, skipped: 0 },
      assessments: { added: 0, skipped: 0 },
    });
    expect(merged.counts().executions).toBe(4);
  });

  it('gives the same records whichever way round the merge goes', () => {
    const a = shard('a.db', ['PI-1'], '2025-03-01T10:00:00Z');
    const b = shard('b.db', ['PI-2'], '2025-03-01T10:05:00Z');
    const copyA = join(dir, 'a2.db');
    const copyB = join(dir, 'b2.db');
    writeFileSync(copyA, readFileSync(a));
    writeFileSync(copyB, readFileSync(b));
    const ab = openLedger(copyA);
    const ba = openLedger(copyB);
    opened.push(ab, ba);
    ab.mergeFrom(b);
    ba.mergeFrom(a);
    expect(ab.listRuns()).toEqual(ba.listRuns());
    expect(ab.executionsForRun('R1')).toEqual(ba.executionsForRun('R1'));
  });

  it('skips the same execution recorded under another id, and refuses a conflicting one whole', () => {
    const target = open('target.db');
    target.startRun(run('R1'));
    target.recordExecution(execution('R1', 'PI-1'));

    const same = openLedger(join(dir, 'same.db'));
    same.startRun(run('R1'));
    same.recordExecution(execution('R1', 'PI-1', { id: 'another-id' }));
    same.close();
    expect(target.mergeFrom(join(dir, 'same.db')).executions).toEqual({ added: 0, skipped: 1 });

    const clash = openLedger(join(dir, 'clash.db'));
    clash.startRun(run('R1'));
    clash.startRun(run('R3'));
    clash.recordExecution(execution('R3', 'PI-9'));
    clash.recordExecution(execution('R1', 'PI-1', { ...failed, id: 'clashing' }));
    clash.close();
    const error = refusal(() => target.mergeFrom(join(dir, 'clash.db')));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`merging from ${join(dir, 'clash.db')}`);
    expect(target.counts()).toEqual({ runs: 1, executions: 1, duplicates: 0 });
  });

  it('refuses a source that is not a ledger, is missing, or is the ledger itself', () => {
    const target = open('target.db');
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'x'.repeat(200));
    expect(refusal(() => target.mergeFrom(junk)).code).toBe('not-sqlite');
    expect(refusal(() => target.mergeFrom(join(dir, 'none.db'))).code).toBe('missing');
    expect(refusal(() => target.mergeFrom(target.file)).code).toBe('conflict');
  });
});

describe('defect annotations', () => {
  const note = (id: string | undefined, atWall: string, data: Record<string, unknown>, defectId = 'DEF-0a1b2c3d') => ({
    ...(id === undefined ? {} : { id }),
    defectId,
    atWall,
    author: 'ana.tester',
    data,
  });

  it('records annotations append-only and returns them in wall-time order, all or one defect’s', () => {
    const ledger = open();
    expect(ledger.annotateDefect(note('A2', '2025-03-02T10:00:00+01:00', { notes: 'second' }))).toBe('A2');
    expect(ledger.annotateDefect(note('A1', '2025-03-01T10:00:00Z', { ticket: 'DIT-42' }))).toBe('A1');
    expect(ledger.annotateDefect(note('A3', '2025-03-01T11:00:00Z', { severity: 1 }, 'DEF-ffff0000'))).toBe('A3');
    const generated = ledger.annotateDefect(note(undefined, '2025-03-03T00:00:00Z', { notes: 'third' }));
    expect(isId(generated)).toBe(true);
    expect(ledger.defectAnnotations().map((a) => a.id)).toEqual(['A1', 'A3', 'A2', generated]);
    expect(ledger.defectAnnotations('DEF-0a1b2c3d')).toEqual([
      { id: 'A1', defectId: 'DEF-0a1b2c3d', atWall: '2025-03-01T10:00:00.000Z', author: 'ana.tester', data: { ticket: 'DIT-42' } },
      { id: 'A2', defectId: 'DEF-0a1b2c3d', atWall: '2025-03-02T09:00:00.000Z', author: 'ana.tester', data: { notes: 'second' } },
      { id: generated, defectId: 'DEF-0a1b2c3d', atWall: '2025-03-03T00:00:00.000Z', author: 'ana.tester', data: { notes: 'third' } },
    ]);
    expect(ledger.defectAnnotations('DEF-none')).toEqual([]);
  });

  it('treats the same annotation again as a no-op and refuses a different one under a taken id', () => {
    const ledger = open();
    ledger.annotateDefect(note('A1', '2025-03-01T10:00:00Z', { ticket: 'DIT-42' }));
    expect(ledger.annotateDefect(note('A1', '2025-03-01T10:00:00Z', { ticket: 'DIT-42' }))).toBe('A1');
    const error = refusal(() => ledger.annotateDefect(note('A1', '2025-03-01T10:00:00Z', { ticket: 'DIT-43' })));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('append-only');
    expect(ledger.defectAnnotations()).toHaveLength(1);
  });

  it('refuses a malformed annotation, naming the fields, and writes nothing', () => {
    const ledger = open();
    const error = refusal(() => ledger.annotateDefect({ defectId: '', atWall: 'yesterday', author: 'ana', data: [] as unknown as Record<string, unknown> }));
    expect(error.code).toBe('invalid-record');
    expect(error.message).toMatch(/defectId: .*; atWall: .*; data: /);
    expect(refusal(() => ledger.annotateDefect(note('A9', '2025-03-01T10:00:00Z', { at: new Date(0) }))).message).toContain('data.at');
    expect(ledger.defectAnnotations()).toEqual([]);
  });

  it('refuses to annotate through a read-only ledger, but reads annotations', () => {
    open().annotateDefect(note('A1', '2025-03-01T10:00:00Z', { ticket: 'DIT-42' }));
    const reader = open('ledger.db', { readonly: true });
    expect(refusal(() => reader.annotateDefect(note('A2', '2025-03-01T10:00:00Z', {}))).code).toBe('readonly');
    expect(reader.defectAnnotations().map((a) => a.id)).toEqual(['A1']);
  });

  it('merges annotations as a union', () => {
    const a = open('a.db');
    a.annotateDefect(note('A1', '2025-03-01T10:00:00Z', { ticket: 'DIT-42' }));
    const b = openLedger(join(dir, 'b.db'));
    b.annotateDefect(note('A1', '2025-03-01T10:00:00Z', { ticket: 'DIT-42' }));
    b.annotateDefect(note('B1', '2025-03-01T09:00:00Z', { notes: 'from the lab' }));
    b.close();
    expect(a.mergeFrom(join(dir, 'b.db')).defectAnnotations).toEqual({ added: 1, skipped: 1 });
    expect(a.defectAnnotations().map((x) => x.id)).toEqual(['B1', 'A1']);
  });

  it('migration 2 upgrades an existing version-1 ledger file in place, keeping its records', () => {
    const file = join(dir, 'v1.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, MIGRATIONS.slice(0, 1));
    db.prepare(`INSERT INTO runs (id, seed, programme_date, target, programme, cycle, options, started_at_wall)
                VALUES ('R1', 's', '2025-03-01', 'emulated', NULL, NULL, '{}', '2025-03-01T09:00:00.000Z')`).run();
    db.close();
    expect(refusal(() => openLedger(file, { readonly: true })).code).toBe('older-schema');

    const ledger = open('v1.db');
    expect(ledger.schemaVersion).toBe(latestVersion());
    expect(ledger.listRuns().map((r) => r.id)).toEqual(['R1']);
    ledger.annotateDefect(note('A1', '2025-03-01T10:00:00Z', { ticket: 'DIT-42' }));
    expect(ledger.defectAnnotations().map((x) => x.id)).toEqual(['A1']);
    expect(ledger.integrityCheck()).toBe('ok');
    const check = raw(file);
    expect(check.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual(MIGRATIONS.map((m) => m.id));
    expect(check.pragma('user_version', { simple: true })).toBe(latestVersion());
    check.close();
  });
});

describe('assessment records', () => {
  const assessment = (id: string, atWall: string, decision: 'pass' | 'fail' = 'fail') => ({
    id,
    controlPoint: 'CP-2019-05-03',
    programmeDate: '2019-05-03',
    decision,
    inputsHash: 'sha256:abc',
    atWall,
    result: { decision, criteria: [{ id: 'C1', result: decision }] },
  });

  it('records them append-only; the same record again is a no-op, a different one under its id is refused', () => {
    const ledger = open();
    expect(ledger.recordAssessment(assessment('AS1', '2025-03-01T10:00:00Z'))).toBe('AS1');
    expect(ledger.recordAssessment(assessment('AS1', '2025-03-01T10:00:00Z'))).toBe('AS1');
    const error = refusal(() => ledger.recordAssessment(assessment('AS1', '2025-03-01T10:00:00Z', 'pass')));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('different decision, result');
    expect(ledger.assessments().map((a) => [a.id, a.decision])).toEqual([['AS1', 'fail']]);
  });

  it('merges them as a union by id, and refuses a conflicting record under a taken id, merging nothing', () => {
    const a = open('a.db');
    a.recordAssessment(assessment('AS1', '2025-03-01T10:00:00Z'));
    const b = openLedger(join(dir, 'b.db'));
    b.recordAssessment(assessment('AS1', '2025-03-01T10:00:00Z'));
    b.recordAssessment(assessment('AS2', '2025-03-01T09:00:00Z', 'pass'));
    b.close();
    expect(a.mergeFrom(join(dir, 'b.db')).assessments).toEqual({ added: 1, skipped: 1 });
    expect(a.assessments().map((x) => x.id)).toEqual(['AS2', 'AS1']);
    expect(a.mergeFrom(join(dir, 'b.db')).assessments).toEqual({ added: 0, skipped: 2 });

    const clash = openLedger(join(dir, 'clash.db'));
    clash.startRun(run('R9'));
    clash.recordAssessment(assessment('AS3', '2025-03-02T09:00:00Z'));
    clash.recordAssessment({ ...assessment('AS1', '2025-03-01T10:00:00Z'), inputsHash: 'sha256:other' });
    clash.close();
    const error = refusal(() => a.mergeFrom(join(dir, 'clash.db')));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('assessment AS1 is already recorded (control point CP-2019-05-03 as of 2019-05-03');
    expect(error.message).toContain('different inputs_hash');
    expect(error.message).toContain(`merging from ${join(dir, 'clash.db')}`);
    expect(a.assessments().map((x) => x.id)).toEqual(['AS2', 'AS1']);
    expect(a.counts().runs).toBe(0);
  });
});

describe('integrityCheck', () => {
  it('reports a damaged file', () => {
    const file = join(dir, 'ledger.db');
    const ledger = openLedger(file);
    ledger.startRun(run('R1'));
    for (let i = 0; i < 20; i++) ledger.recordExecution(execution('R1', `PI-${i}`));
    ledger.close();
    const db = raw(file);
    const page = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_executions_2'`).pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize - 8, 0x41), 0, pageSize - 8, (page - 1) * pageSize + 8);
    closeSync(fd);

    const damaged = open('ledger.db');
    const report = damaged.integrityCheck();
    expect(report).not.toBe('ok');
    expect(report).toMatch(/malformed|corrupt|btreeInitPage|Tree|page/i);
  });
});
