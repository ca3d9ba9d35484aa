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

const extra: Migration = { id: 2, description: 'a second table', sql: 'CREATE TABLE second (x INTEGER) STRICT;' };
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
    expect(applyMigrations(db)).toEqual({ applied: [1], version: 1 });
    expect(tables(db)).toEqual(['executions', 'ledger_meta', 'run_events', 'runs', 'schema_migrations']);
    expect(db.pragma('application_id', { simple: true })).toBe(LEDGER_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT key, value FROM ledger_meta').all()).toEqual([{ key: 'format', value: LEDGER_FORMAT }]);
    expect(readAppliedMigrations(db)).toEqual([
      { id: 1, description: MIGRATIONS[0]?.description, checksum: migrationChecksum(MIGRATIONS[0] as Migration) },
    ]);
  });

  it('applies each migration once', () => {
    const db = memoryDb();
    applyMigrations(db);
    expect(applyMigrations(db)).toEqual({ applied: [], version: 1 });
    expect(applyMigrations(db, [...MIGRATIONS, extra])).toEqual({ applied: [2], version: 2 });
    expect(applyMigrations(db, [...MIGRATIONS, extra])).toEqual({ applied: [], version: 2 });
    expect(readAppliedMigrations(db).map((m) => m.id)).toEqual([1, 2]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });

  it('applies all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = memoryDb();
    const broken: Migration = { id: 2, description: 'broken', sql: 'CREATE TABLE fine (x); THIS IS NOT SQL;' };
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
    expect(error.message).toMatch(/schema version 2 is newer than this dit knows \(it knows up to 1; unknown migrations: 2 \(a second table\)\)/);
  });

  it('refuses a ledger whose recorded migration SQL differs from this code', () => {
    const db = memoryDb();
    applyMigrations(db, [...MIGRATIONS, extra]);
    const error = errorOf(() => applyMigrations(db, [...MIGRATIONS, { ...extra, sql: `${extra.sql} -- edited` }]));
    expect(error.code).toBe('damaged');
    expect(error.message).toMatch(/migration 2 was recorded with different SQL/);
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
  });

  it('refuses a migration list that is not numbered 1..n', () => {
    expect(() => applyMigrations(memoryDb(), [{ ...extra, id: 3 }])).toThrow(/numbered 1, 2, 3/);
  });
});

describe('compareSchema', () => {
  it('reports version, pending, unknown and altered migrations', () => {
    const m1 = MIGRATIONS[0] as Migration;
    const applied = [{ id: 1, description: m1.description, checksum: migrationChecksum(m1) }];
    expect(compareSchema([], [m1, extra])).toMatchObject({ version: 0, pending: [m1, extra], unknown: [], altered: [] });
    expect(compareSchema(applied, [m1, extra])).toMatchObject({ version: 1, pending: [extra] });
    expect(compareSchema([...applied, { id: 2, description: 'x', checksum: 'y' }], [m1])).toMatchObject({ version: 2, unknown: [{ id: 2 }] });
  });
});
