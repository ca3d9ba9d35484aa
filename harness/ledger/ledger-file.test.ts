// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from './ledger-error.ts';
import { inspectLedgerFile } from './ledger-file.ts';
import { applyMigrations, latestVersion, LEDGER_APPLICATION_ID, MIGRATIONS, type Migration } from './migrations.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dit-ledger-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function refusal(file: string, migrations?: readonly Migration[]): LedgerError {
  try {
    inspectLedgerFile(file, migrations);
  } catch (e) {
    if (e instanceof LedgerError) return e;
    throw e;
  }
  throw new Error(`expected ${file} to be refused`);
}

function sqliteFile(name: string, setup: (db: Database.Database) => void): string {
  const file = join(dir, name);
  const db = new Database(file);
  setup(db);
  db.close();
  return file;
}

describe('inspectLedgerFile', () => {
  it('reports an absent path', () => {
    expect(inspectLedgerFile(join(dir, 'nope.db'))).toEqual({ kind: 'absent' });
  });

  it('treats a zero-byte file and a SQLite database without tables as blank', () => {
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    expect(inspectLedgerFile(empty)).toEqual({ kind: 'blank' });
    expect(inspectLedgerFile(sqliteFile('bare.db', (db) => db.pragma('user_version = 0')))).toEqual({ kind: 'blank' });
  });

  it('reports a ledger, its version and what is pending', () => {
    const file = sqliteFile('ledger.db', (db) => applyMigrations(db));
    const version = latestVersion();
    expect(inspectLedgerFile(file)).toEqual({ kind: 'ledger', version, pending: [] });
    const next: Migration = { id: version + 1, description: 'next', sql: 'CREATE TABLE next (x INTEGER) STRICT;' };
    expect(inspectLedgerFile(file, [...MIGRATIONS, next])).toEqual({ kind: 'ledger', version, pending: [version + 1] });
  });

  it('refuses a file that is not SQLite, short or long, showing its first bytes', () => {
    const short = join(dir, 'short.db');
    writeFileSync(short, 'hello');
    expect(refusal(short).code).toBe('not-sqlite');
    const text = join(dir, 'text.db');
    writeFileSync(text, 'x'.repeat(4096));
    const error = refusal(text);
    expect(error.code).toBe('not-sqlite');
    expect(error.file).toBe(text);
    expect(error.message).toContain(`${text}: is not a SQLite database (4096 bytes starting 78 78 78`);
    expect(error.message).toContain('expected a dit ledger');
  });

  it('refuses a directory', () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    expect(refusal(sub).code).toBe('not-a-file');
  });

  it('refuses a foreign database, naming its tables', () => {
    const file = sqliteFile('shop.db', (db) => db.exec('CREATE TABLE orders (id INTEGER); CREATE TABLE customers (id INTEGER)'));
    const error = refusal(file);
    expect(error.code).toBe('not-a-ledger');
    expect(error.message).toContain('tables customers, orders');
  });

  it('refuses a database that borrows the dit application_id without being a ledger', () => {
    const file = sqliteFile('fake.db', (db) => {
      db.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
      db.exec('CREATE TABLE something (x)');
    });
    const error = refusal(file);
    expect(error.code).toBe('damaged');
    expect(error.message).toMatch(/has no ledger_meta or schema_migrations table/);
  });

  it('refuses a SQLite header followed by garbage, without changing it', () => {
    const file = join(dir, 'garbage.db');
    const bytes = Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), Buffer.alloc(8192, 0xa5)]);
    writeFileSync(file, bytes);
    const error = refusal(file);
    expect(['not-sqlite', 'damaged']).toContain(error.code);
    expect(readFileSync(file)).toEqual(bytes);
  });
});
