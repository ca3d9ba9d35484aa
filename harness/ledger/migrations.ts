// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The ledger's schema as an ordered list of migrations. A ledger's schema version is the
 * highest migration id recorded in its `schema_migrations` table; every pending migration is
 * applied in one IMMEDIATE transaction (all or nothing), each recorded with a checksum of its
 * SQL so that a file made by a build with different SQL under the same id is recognised.
 *
 * The same transaction stamps the file as a dit ledger: `PRAGMA application_id` = "DITL" and
 * `PRAGMA user_version` = the schema version (both live in the SQLite header, so `file(1)` and
 * the sqlite3 shell can see them), plus a `ledger_meta` row `format = dit-ledger`.
 *
 * Rules for adding a migration: append, never edit or reorder a released one; the id is the
 * next integer. Old code refuses a ledger with a migration it does not know (`newer-schema`).
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { LedgerError } from './ledger-error.ts';

type Database = BetterSqlite3.Database;

export interface Migration {
  /** 1, 2, 3 ... in order; the schema version after applying it. */
  readonly id: number;
  readonly description: string;
  readonly sql: string;
}

/** "DITL" as a big-endian 32-bit integer: the SQLite header's application_id of a dit ledger. */
export const LEDGER_APPLICATION_ID = 0x4449544c;

/** The `ledger_meta` value of key `format` in every dit ledger. */
export const LEDGER_FORMAT = 'dit-ledger';

const appendOnly = (table: string): string => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, 'the dit ledger is append-only: ${table} rows cannot be updated'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, 'the dit ledger is append-only: ${table} rows cannot be deleted'); END;
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    description: 'ledger_meta, runs, run_events, executions; append-only triggers',
    sql: `
CREATE TABLE ledger_meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO ledger_meta (key, value) VALUES ('format', '${LEDGER_FORMAT}');

CREATE TABLE runs (
  id              TEXT PRIMARY KEY NOT NULL,
  seed            TEXT NOT NULL,
  programme_date  TEXT NOT NULL,
  target          TEXT NOT NULL,
  programme       TEXT,
  cycle           TEXT,
  options         TEXT NOT NULL CHECK (json_valid(options)),
  started_at_wall TEXT NOT NULL
) STRICT;

-- State changes of a run are events, never updates. kind 'finished': data = {status, summary}.
CREATE TABLE run_events (
  id      TEXT PRIMARY KEY NOT NULL,
  run_id  TEXT NOT NULL REFERENCES runs (id),
  kind    TEXT NOT NULL,
  at_wall TEXT NOT NULL,
  data    TEXT NOT NULL CHECK (json_valid(data))
) STRICT;
CREATE INDEX run_events_by_run ON run_events (run_id, kind);

CREATE TABLE executions (
  id                  TEXT PRIMARY KEY NOT NULL,
  run_id              TEXT NOT NULL REFERENCES runs (id),
  plan_item_id        TEXT NOT NULL,
  test_case           TEXT NOT NULL,
  combination         TEXT NOT NULL CHECK (json_valid(combination)),
  attempt             INTEGER NOT NULL CHECK (attempt >= 1),
  outcome             TEXT NOT NULL CHECK (outcome IN ('passed', 'failed', 'skipped', 'error')),
  virtual_duration_ms REAL NOT NULL CHECK (virtual_duration_ms >= 0),
  wall_duration_ms    REAL NOT NULL CHECK (wall_duration_ms >= 0),
  failure             TEXT CHECK (failure IS NULL OR json_valid(failure)),
  trace               TEXT NOT NULL CHECK (json_valid(trace) AND json_type(trace) = 'array'),
  trace_hash          TEXT NOT NULL,
  seed                TEXT NOT NULL,
  -- every other field the caller recorded (test case title, SRV, severity, skip reason ...)
  details             TEXT NOT NULL CHECK (json_valid(details) AND json_type(details) = 'object'),
  failure_signature   TEXT GENERATED ALWAYS AS (json_extract(failure, '$.signature')) VIRTUAL,
  UNIQUE (run_id, plan_item_id, attempt),
  CHECK (outcome NOT IN ('failed', 'error') OR failure IS NOT NULL),
  CHECK (outcome <> 'passed' OR failure IS NULL)
) STRICT;
CREATE INDEX executions_by_failure_signature ON executions (failure_signature) WHERE failure_signature IS NOT NULL;
${appendOnly('ledger_meta')}${appendOnly('runs')}${appendOnly('run_events')}${appendOnly('executions')}`,
  },
  {
    id: 2,
    description: 'defect_annotations (append-only human annotations of projected defects)',
    sql: `
-- A person's note on a defect (harness/defects projects defects from executions; their id is
-- derived from the failure signature, so no foreign key). data: {ticket?, notes?, severity?}.
CREATE TABLE defect_annotations (
  id        TEXT PRIMARY KEY NOT NULL,
  defect_id TEXT NOT NULL,
  at_wall   TEXT NOT NULL,
  author    TEXT NOT NULL,
  data      TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object')
) STRICT;
CREATE INDEX defect_annotations_by_defect ON defect_annotations (defect_id, at_wall, id);
${appendOnly('defect_annotations')}`,
  },
  {
    id: 3,
    description: 'assessments (append-only audit records of control-point assessments)',
    sql: `
-- One control-point assessment (harness/control-point): its decision, the hash of its inputs
-- (programme, test case catalogue, ledger as of the programme date) and its result as JSON.
-- An audit record: never read back as an input of a later assessment.
CREATE TABLE assessments (
  id              TEXT PRIMARY KEY NOT NULL,
  control_point   TEXT NOT NULL,
  programme_date  TEXT NOT NULL,
  decision        TEXT NOT NULL CHECK (decision IN ('pass', 'pass-with-waivers', 'fail')),
  inputs_hash     TEXT NOT NULL,
  at_wall         TEXT NOT NULL,
  result          TEXT NOT NULL CHECK (json_valid(result) AND json_type(result) = 'object')
) STRICT;
CREATE INDEX assessments_by_control_point ON assessments (control_point, programme_date, at_wall, id);
${appendOnly('assessments')}`,
  },
];

/** The schema version this code writes: the highest migration id. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.id ?? 0;
}

/** SHA-256 of the migration's SQL, hex. */
export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

export interface AppliedMigration {
  readonly id: number;
  readonly description: string;
  readonly checksum: string;
}

/** The rows of `schema_migrations`, by id; empty when the table does not exist. */
export function readAppliedMigrations(db: Database): AppliedMigration[] {
  const table = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (table === undefined) return [];
  return db.prepare<[], AppliedMigration>('SELECT id, description, checksum FROM schema_migrations ORDER BY id').all();
}

export interface SchemaComparison {
  /** Highest applied migration id (0 for none). */
  readonly version: number;
  /** Known migrations not yet applied, in order. */
  readonly pending: readonly Migration[];
  /** Applied migrations this code does not know: the file is newer than the code. */
  readonly unknown: readonly AppliedMigration[];
  /** Applied migrations whose checksum differs from this code's migration of the same id. */
  readonly altered: readonly AppliedMigration[];
}

export function compareSchema(applied: readonly AppliedMigration[], migrations: readonly Migration[] = MIGRATIONS): SchemaComparison {
  const known = new Map(migrations.map((m) => [m.id, m]));
  const appliedIds = new Set(applied.map((a) => a.id));
  const unknown = applied.filter((a) => !known.has(a.id));
  const altered = applied.filter((a) => {
    const m = known.get(a.id);
    return m !== undefined && migrationChecksum(m) !== a.checksum;
  });
  return {
    version: applied.reduce((max, a) => Math.max(max, a.id), 0),
    pending: migrations.filter((m) => !appliedIds.has(m.id)),
    unknown,
    altered,
  };
}

/** Throws the LedgerError a comparison calls for: newer schema, or migrations that differ. */
export function assertSchemaUsable(file: string, comparison: SchemaComparison, migrations: readonly Migration[] = MIGRATIONS): void {
  if (comparison.unknown.length > 0) {
    const ids = comparison.unknown.map((a) => `${a.id} (${a.description})`).join(', ');
    throw new LedgerError(
      'newer-schema',
      file,
      `dit ledger schema version ${comparison.version} is newer than this dit knows (it knows up to ${latestVersion(migrations)}; unknown migrations: ${ids}); use a newer dit. The file was not changed.`,
    );
  }
  if (comparison.altered.length > 0) {
    const ids = comparison.altered.map((a) => a.id).join(', ');
    throw new LedgerError(
      'damaged',
      file,
      `migration ${ids} was recorded with different SQL than this dit's (checksum mismatch); expected the same migrations under the same ids. The file was not changed.`,
    );
  }
  if (comparison.pending.some((m) => m.id <= comparison.version)) {
    throw new LedgerError(
      'damaged',
      file,
      `the recorded migrations have gaps (version ${comparison.version}, missing ${comparison.pending.map((m) => m.id).join(', ')}); expected 1..${comparison.version}. The file was not changed.`,
    );
  }
}

export interface MigrationResult {
  /** Ids of the migrations applied by this call, in order (empty when none were pending). */
  readonly applied: readonly number[];
  readonly version: number;
}

/**
 * Applies the pending migrations and stamps the file, in one IMMEDIATE transaction. Refuses a
 * database that carries another application_id, or has tables without being a dit ledger, or
 * knows migrations this code does not.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  checkMigrationList(migrations);
  const file = db.name;
  const run = db.transaction((): MigrationResult => {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== LEDGER_APPLICATION_ID) {
      const objects = db
        .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name`)
        .all()
        .map((o) => o.name);
      if (applicationId !== 0 || objects.length > 0) {
        throw new LedgerError('not-a-ledger', file, describeForeign(applicationId, objects));
      }
    }
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
  id          INTEGER PRIMARY KEY NOT NULL,
  description TEXT NOT NULL,
  checksum    TEXT NOT NULL
) STRICT`);
    const comparison = compareSchema(readAppliedMigrations(db), migrations);
    assertSchemaUsable(file, comparison, migrations);
    const record = db.prepare<[number, string, string]>('INSERT INTO schema_migrations (id, description, checksum) VALUES (?, ?, ?)');
    for (const migration of comparison.pending) {
      db.exec(migration.sql);
      record.run(migration.id, migration.description, migrationChecksum(migration));
    }
    const version = latestVersion(migrations);
    db.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
    db.pragma(`user_version = ${version}`);
    return { applied: comparison.pending.map((m) => m.id), version };
  });
  return run.immediate();
}

/** The "not a dit ledger" explanation for a SQLite database with this id and these tables. */
export function describeForeign(applicationId: number, objects: readonly string[]): string {
  const found = [
    `application_id ${hex32(applicationId)}`,
    objects.length === 0 ? 'no tables' : `tables ${objects.slice(0, 8).join(', ')}${objects.length > 8 ? ', ...' : ''}`,
  ].join(' and ');
  return `a SQLite database but not a dit ledger (it has ${found}); expected application_id ${hex32(LEDGER_APPLICATION_ID)} ("DITL") and a ledger_meta row format = ${LEDGER_FORMAT}. The file was not changed: pass the path of a dit ledger, or a new path to create one.`;
}

function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.id !== i + 1) throw new Error(`ledger migrations must be numbered 1, 2, 3 ... in order; found id ${m.id} at position ${i + 1}`);
    if (m.description.trim() === '') throw new Error(`ledger migration ${m.id} needs a description`);
  });
}
