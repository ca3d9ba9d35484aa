// SPDX-License-Identifier: GPL-3.0-or-later
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerError } from './ledger-error.ts';
import {
  applyMigrations,
  compareSchema,
  latestVersion,
  LEDGER_APPLICATION_ID,
  LEDGER_FORMAT,
  migrationChecksum,
  MIGRATIONS,
  readAppliedMigrations,
  type Migration,
} from './migrations.ts';

const open: Database.Database[] = [];
function memoryDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const LATEST = MIGRATIONS.length;
const NEXT = LATEST + 1;
/** A migration after this code's last one. */
const extra: Migration = { id: NEXT, description: 'a later table', sql: 'CREATE TABLE later (x INTEGER) STRICT;' };
const ALL_IDS = MIGRATIONS.map((m) => m.id);
const tables = (db: Database.Database): string[] =>
  db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
    .all()
    .map((r) => r.name);

function errorOf(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerError) return e;
    throw e;
  }
  throw new Error('expected a LedgerError');
}

describe('MIGRATIONS', () => {
  it('are numbered 1..n and the latest version is the last id', () => {
    MIGRATIONS.forEach((m, i) => expect(m.id).toBe(i + 1));
    expect(latestVersion()).toBe(MIGRATIONS.length);
  });
});

describe('applyMigrations', () => {
  it('creates the schema, records each migration and stamps the file', () => {
    const db = memoryDb();
    expect(applyMigrations(db)).toEqual({ applied: ALL_IDS, version: LATEST });
    expect(tables(db)).toEqual(['assessments', 'defect_annotations', 'executions', 'ledger_meta', 'run_events', 'runs', 'schema_migrations']);
    expect(db.pragma('application_id', { simple: true })).toBe(LEDGER_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare('SELECT key, value FROM ledger_meta').all()).toEqual([{ key: 'format', value: LEDGER_FORMAT }]);
    expect(readAppliedMigrations(db)).toEqual(MIGRATIONS.map((m) => ({ id: m.id, description: m.description, checksum: migrationChecksum(m) })));
  });

  it('applies each migration once', () => {
    const db = memoryDb();
    applyMigrations(db);
    expect(applyMigrations(db)).toEqual({ applied: [], version: LATEST });
    expect(applyMigrations(db, [...MIGRATIONS, extra])).toEqual({ applied: [NEXT], version: NEXT });
    expect(applyMigrations(db, [...MIGRATIONS, extra])).toEqual({ applied: [], version: NEXT });
    expect(readAppliedMigrations(db).map((m) => m.id)).toEqual([...ALL_IDS, NEXT]);
    expect(db.pragma('user_version', { simple: true })).toBe(NEXT);
  });

  it('applies all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = memoryDb();
    const broken: Migration = { id: NEXT, description: 'broken', sql: 'CREATE TABLE fine (x); THIS IS NOT SQL;' };
    expect(() => applyMigrations(db, [...MIGRATIONS, broken])).toThrow(/syntax error/);
    expect(tables(db)).toEqual([]);
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });

  it('refuses a ledger that has a migration this code does not know', () => {
    const db = memoryDb();
    applyMigrations(db, [...MIGRATIONS, extra]);
    const error = errorOf(() => applyMigrations(db));
    expect(error.code).toBe('newer-schema');
    expect(error.message).toContain(`schema version ${NEXT} is newer than this dit knows (it knows up to ${LATEST}; unknown migrations: ${NEXT} (a later table))`);
  });

  it('refuses a ledger whose recorded migration SQL differs from this code', () => {
    const db = memoryDb();
    applyMigrations(db, [...MIGRATIONS, extra]);
    const error = errorOf(() => applyMigrations(db, [...MIGRATIONS, { ...extra, sql: `${extra.sql} -- edited` }]));
    expect(error.code).toBe('damaged');
    expect(error.message).toContain(`migration ${NEXT} was recorded with different SQL`);
  });

  it('refuses a foreign database: tables of its own, or another application_id', () => {
    const withTables = memoryDb();
    withTables.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    const e1 = errorOf(() => applyMigrations(withTables));
    expect(e1.code).toBe('not-a-ledger');
    expect(e1.message).toMatch(/application_id 0x00000000 and tables customers\); expected application_id 0x4449544C/);
    expect(tables(withTables)).toEqual(['customers']);

    const otherApp = memoryDb();
    otherApp.pragma('application_id = 1234');
    expect(errorOf(() => applyMigrations(otherApp)).message).toMatch(/application_id 0x000004D2 and no tables/);
  });

  it('makes the record tables append-only', () => {
    const db = memoryDb();
    applyMigrations(db);
    db.prepare(`INSERT INTO runs VALUES ('r1', 's', '2025-01-01', 'emulated', NULL, NULL, '{}', '2025-01-01T00:00:00.000Z')`).run();
    expect(() => db.exec(`UPDATE runs SET seed = 'x'`)).toThrow(/append-only: runs rows cannot be updated/);
    expect(() => db.exec('DELETE FROM runs')).toThrow(/append-only: runs rows cannot be deleted/);
    expect(() => db.exec(`UPDATE ledger_meta SET value = 'x'`)).toThrow(/append-only/);
    db.prepare(`INSERT INTO defect_annotations VALUES ('a1', 'DEF-0000abcd', '2025-01-01T00:00:00.000Z', 'ana', '{"ticket":"T-1"}')`).run();
    expect(() => db.exec(`UPDATE defect_annotations SET author = 'x'`)).toThrow(/append-only: defect_annotations rows cannot be updated/);
    expect(() => db.exec('DELETE FROM defect_annotations')).toThrow(/append-only: defect_annotations rows cannot be deleted/);
    expect(() => db.exec(`INSERT INTO defect_annotations VALUES ('a2', 'DEF-0000abcd', '2025-01-01T00:00:00.000Z', 'ana', '[1]')`)).toThrow(/CHECK constraint/);
  });

  it('migration 2 adds defect_annotations to a version-1 ledger, keeping its records', () => {
    const db = memoryDb();
    expect(applyMigrations(db, MIGRATIONS.slice(0, 1))).toEqual({ applied: [1], version: 1 });
    db.prepare(`INSERT INTO runs VALUES ('r1', 's', '2025-01-01', 'emulated', NULL, NULL, '{}', '2025-01-01T00:00:00.000Z')`).run();
    expect(applyMigrations(db).applied).toEqual(ALL_IDS.slice(1));
    expect(ALL_IDS.slice(1)[0]).toBe(2);
    expect(tables(db)).toContain('defect_annotations');
    expect(db.prepare('SELECT id FROM runs').pluck().all()).toEqual(['r1']);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
  });

  it('refuses a migration list that is not numbered 1..n', () => {
    expect(() => applyMigrations(memoryDb(), [{ ...extra, id: 3 }])).toThrow(/numbered 1, 2, 3/);
    expect(() => applyMigrations(memoryDb(), [...MIGRATIONS, { ...extra, id: LATEST }])).toThrow(/numbered 1, 2, 3/);
  });
});

describe('compareSchema', () => {
  it('reports version, pending, unknown and altered migrations', () => {
    const m1 = MIGRATIONS[0] as Migration;
    const applied = [{ id: 1, description: m1.description, checksum: migrationChecksum(m1) }];
    const m2: Migration = { ...extra, id: 2 };
    expect(compareSchema([], [m1, m2])).toMatchObject({ version: 0, pending: [m1, m2], unknown: [], altered: [] });
    expect(compareSchema(applied, [m1, m2])).toMatchObject({ version: 1, pending: [m2] });
    expect(compareSchema([...applied, { id: 2, description: 'x', checksum: 'y' }], [m1])).toMatchObject({ version: 2, unknown: [{ id: 2 }] });
  });
});
