// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What is at a ledger path, found out before anything is written to it. A file that is not a
 * dit ledger this code can use is refused with a LedgerError, and is left byte-for-byte as it
 * was: its first bytes are read with node:fs, and only a file that starts like a SQLite
 * database is opened — read-only — by SQLite.
 *
 * (SQLite's read-only open of a database in WAL mode creates the `-wal` and `-shm` side files
 * when they are absent, as any reader of such a database does; the database file itself is not
 * written.)
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { LedgerError } from './ledger-error.ts';
import {
  assertSchemaUsable,
  compareSchema,
  describeForeign,
  LEDGER_APPLICATION_ID,
  LEDGER_FORMAT,
  MIGRATIONS,
  readAppliedMigrations,
  type Migration,
} from './migrations.ts';

export type LedgerFileState =
  /** Nothing at the path. */
  | { readonly kind: 'absent' }
  /** A zero-byte file, or a SQLite database with no tables and no application_id: safe to make a ledger of. */
  | { readonly kind: 'blank' }
  /** A dit ledger this code can open; `pending` migrations are still to apply. */
  | { readonly kind: 'ledger'; readonly version: number; readonly pending: readonly number[] };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');
const HEADER_BYTES = 100;

/** Inspects `file` (an absolute path) without writing to it; throws a LedgerError to refuse it. */
export function inspectLedgerFile(file: string, migrations: readonly Migration[] = MIGRATIONS): LedgerFileState {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) {
      throw new LedgerError('not-a-file', file, 'exists but is not a regular file; expected a dit ledger file (SQLite) or a path where one can be created.');
    }
    size = stat.size;
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return { kind: 'absent' };
    throw e;
  }
  if (size === 0) return { kind: 'blank' };

  const header = readHeader(file);
  if (header.length < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    const start = header.subarray(0, 16).toString('hex').replace(/(..)(?!$)/g, '$1 ');
    throw new LedgerError(
      'not-sqlite',
      file,
      `is not a SQLite database (${size} bytes starting ${start}); expected a dit ledger, a SQLite file starting "SQLite format 3". The file was not changed: pass the path of a dit ledger, or a new path to create one.`,
    );
  }

  const db = openForInspection(file);
  try {
    return inspectDatabase(file, db, migrations);
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    const code = (e as { code?: unknown }).code;
    throw new LedgerError(
      code === 'SQLITE_NOTADB' ? 'not-sqlite' : 'damaged',
      file,
      `SQLite cannot read it (${String(code ?? 'error')}: ${(e as Error).message}); expected a readable dit ledger. The file was not changed.`,
      { cause: e },
    );
  } finally {
    db.close();
  }
}

function inspectDatabase(file: string, db: Database.Database, migrations: readonly Migration[]): LedgerFileState {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const objects = db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all()
    .map((o) => o.name);
  if (applicationId !== LEDGER_APPLICATION_ID) {
    if (applicationId === 0 && objects.length === 0) return { kind: 'blank' };
    throw new LedgerError('not-a-ledger', file, describeForeign(applicationId, objects));
  }
  const missing = ['ledger_meta', 'schema_migrations'].filter((t) => !objects.includes(t));
  if (missing.length > 0) {
    throw new LedgerError(
      'damaged',
      file,
      `carries dit's application_id but has no ${missing.join(' or ')} table; expected a dit ledger made by dit. The file was not changed.`,
    );
  }
  const format = db.prepare<[], { value: string }>(`SELECT value FROM ledger_meta WHERE key = 'format'`).get();
  if (format?.value !== LEDGER_FORMAT) {
    throw new LedgerError(
      'not-a-ledger',
      file,
      `has ledger_meta format ${format === undefined ? '(none)' : `"${format.value}"`}; expected "${LEDGER_FORMAT}". The file was not changed.`,
    );
  }
  const comparison = compareSchema(readAppliedMigrations(db), migrations);
  assertSchemaUsable(file, comparison, migrations);
  return { kind: 'ledger', version: comparison.version, pending: comparison.pending.map((m) => m.id) };
}

function openForInspection(file: string): Database.Database {
  try {
    return new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new LedgerError('damaged', file, `cannot be opened for reading (${(e as Error).message}). The file was not changed.`, { cause: e });
  }
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function isErrno(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}
