// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The ledger: the harness's record of runs and executions, a SQLite file (WAL,
 * synchronous=FULL, foreign keys on). Records are append-only — a run's state changes are new
 * run events, never updates — and carry unique ids, so merging two ledgers is a union. People's
 * annotations of defects (ticket, notes, severity override) are append-only records too
 * (schema version 2); the defects themselves are projections (harness/defects), never stored.
 *
 * Opening refuses, with a LedgerError and without writing a byte, a file that is not SQLite, a
 * SQLite database that is not a dit ledger, and a ledger whose schema is newer than this code.
 *
 * Exactly once: an execution is keyed by (run, plan item, attempt). Recording the same
 * execution again — equal in every field but its id and wall duration — is a no-op that returns
 * the id already recorded (`duplicate: true`); recording a different result under a key already
 * taken is refused (`conflict`), since two results for one attempt cannot both be true.
 *
 * Time: wall-clock timestamps come from the caller; the ledger reads no clock. Ids the caller
 * does not give come from `options.newId`, by default sortable ids timed by the record's own
 * wall timestamp (an execution: its run's start) with entropy from `options.random`.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { cryptoRandom, createIdGenerator, MAX_ID_TIME, type IdGenerator, type RandomSource } from './ids.ts';
import { LedgerError } from './ledger-error.ts';
import { inspectLedgerFile } from './ledger-file.ts';
import { applyMigrations, latestVersion } from './migrations.ts';
import {
  ASSESSMENT_COLUMNS,
  checkAssessmentRow,
  fromAssessmentRow,
  sameAssessment,
  toAssessmentRow,
  type AssessmentRecordInput,
  type AssessmentRow,
  type LedgerAssessment,
} from './assessment-records.ts';
import {
  checkRunEventRow,
  executionDifferences,
  fromDefectAnnotationRow,
  fromExecutionRow,
  fromRunRow,
  sameDefectAnnotation,
  sameExecution,
  sameRun,
  toDefectAnnotationRow,
  toExecutionRow,
  toFinishEventRow,
  toRunRow,
  type DefectAnnotationInput,
  type DefectAnnotationRow,
  type ExecutionInput,
  type ExecutionRow,
  type LedgerDefectAnnotation,
  type LedgerExecution,
  type LedgerRun,
  type Outcome,
  type RunEventRow,
  type RunFinish,
  type RunRow,
  type RunStart,
} from './records.ts';

export type {
  Combination,
  DefectAnnotationInput,
  ExecutionInput,
  Failure,
  LedgerDefectAnnotation,
  LedgerExecution,
  LedgerRun,
  LedgerRunFinish,
  Outcome,
  RunFinish,
  RunStart,
  RunStatus,
  TraceMessage,
} from './records.ts';
export { LedgerError, type LedgerErrorCode } from './ledger-error.ts';
export type { AssessmentRecordInput, LedgerAssessment } from './assessment-records.ts';

export interface OpenLedgerOptions {
  /** Open for queries only: no migration, no writes; the file must be a ledger at this code's schema version. */
  readonly readonly?: boolean;
  /** Makes the ids of records the caller gives none. Default: see `random`. */
  readonly newId?: IdGenerator;
  /** Entropy of the default ids (timed by each record's wall timestamp). Default: node:crypto. */
  readonly random?: RandomSource;
}

export interface RecordResult {
  /** The execution's id: the new one, or the one already recorded for a duplicate. */
  readonly id: string;
  /** True when the execution was already recorded and nothing was written. */
  readonly duplicate: boolean;
}

/** How far a plan item got in a run. */
export interface PlanItemProgress {
  readonly planItemId: string;
  /** Number of attempts recorded. */
  readonly attempts: number;
  readonly lastAttempt: number;
  readonly lastOutcome: Outcome;
  readonly lastExecutionId: string;
}

export interface LedgerCounts {
  readonly runs: number;
  readonly executions: number;
  /** Executions beyond the first for one (run, plan item, attempt): 0 unless exactly-once was broken. */
  readonly duplicates: number;
}

export interface MergeTally {
  readonly added: number;
  /** Already present (same id; for executions also: the same execution under another id). */
  readonly skipped: number;
}

export interface MergeResult {
  readonly runs: MergeTally;
  readonly runEvents: MergeTally;
  readonly executions: MergeTally;
  readonly defectAnnotations: MergeTally;
  readonly assessments: MergeTally;
}

export interface LedgerSettings {
  readonly journalMode: string;
  /** 2 = FULL. */
  readonly synchronous: number;
  readonly foreignKeys: boolean;
}

export interface Ledger {
  /** Absolute path of the ledger file. */
  readonly file: string;
  readonly readonly: boolean;
  readonly schemaVersion: number;

  /** Records a new run; returns its id. Starting the same run again (same id, same fields) is a no-op. */
  startRun(start: RunStart): string;
  /** Records that a run finished, as a run event; returns the event's id. A run finishes once. */
  finishRun(runId: string, finish: RunFinish): string;
  /** Records one execution (see "exactly once" above). */
  recordExecution(execution: ExecutionInput): RecordResult;
  /** Records several executions in one transaction: all of them, or none. */
  recordExecutions(executions: readonly ExecutionInput[]): RecordResult[];
  /**
   * Records a person's annotation of a defect (append-only: a correction is a later
   * annotation); returns its id. Recording the same annotation again (same id, same fields) is
   * a no-op; a different one under a taken id is refused (`conflict`).
   */
  annotateDefect(annotation: DefectAnnotationInput): string;
  /** Appends the audit record of a control-point assessment (schema version 3); returns its id. */
  recordAssessment(record: AssessmentRecordInput): string;
  /** The assessments recorded (all, or one control point's), oldest first. */
  assessments(controlPoint?: string): LedgerAssessment[];
  /** Runs `fn` in one transaction (IMMEDIATE when writable): a throw rolls everything back. `fn` must be synchronous. */
  transaction<T>(fn: () => T): T;

  /** All runs, oldest start first. */
  listRuns(): LedgerRun[];
  getRun(id: string): LedgerRun | undefined;
  /** The run with the latest start that has no finish event (the one to resume). */
  latestUnfinishedRun(): LedgerRun | undefined;
  /** A run's executions, by plan item id then attempt. */
  executionsForRun(runId: string): LedgerExecution[];
  /** The plan items of a run with at least one recorded execution, keyed by plan item id. */
  completedPlanItems(runId: string): ReadonlyMap<string, PlanItemProgress>;
  /** SQLite's integrity_check and foreign_key_check: 'ok', or the problems, one per line. */
  integrityCheck(): string;
  counts(): LedgerCounts;
  settings(): LedgerSettings;
  /** Defect annotations (all, or one defect's), in the order they apply: wall time, then id. */
  defectAnnotations(defectId?: string): LedgerDefectAnnotation[];

  /** Adds every record of another ledger this one lacks, in one transaction (records with an id already present are skipped). */
  mergeFrom(otherPath: string): MergeResult;
  /** Closes the file; further calls throw. Closing twice is harmless. */
  close(): void;
}

/** Opens (creating when absent, with its parent folders) the ledger at `path`. */
export function openLedger(path: string, options: OpenLedgerOptions = {}): Ledger {
  const file = resolve(path);
  const readonly = options.readonly ?? false;
  const state = inspectLedgerFile(file);
  let db: Database.Database;
  if (readonly) {
    if (state.kind === 'absent') {
      throw new LedgerError('missing', file, 'does not exist; expected a dit ledger to open read-only. Check the path, or run something that records into it first.');
    }
    if (state.kind === 'blank') throw new LedgerError('not-a-ledger', file, 'is empty, not a dit ledger yet; expected a dit ledger to open read-only.');
    if (state.pending.length > 0) throw olderSchema(file, state.version, 'open it once without { readonly: true } to migrate it');
    db = sqlite(file, () => new Database(file, { readonly: true, fileMustExist: true }));
  } else {
    if (state.kind === 'absent') mkdirSync(dirname(file), { recursive: true });
    db = sqlite(file, () => new Database(file));
    try {
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = FULL');
      applyMigrations(db);
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new LedgerError('sqlite', file, `SQLite kept journal mode "${String(mode)}"; expected "wal".`);
    } catch (e) {
      db.close();
      throw asLedgerError(file, e, 'could not be prepared as a ledger');
    }
  }
  return new SqliteLedger(file, db, readonly, options);
}

const RUN_COLUMNS = 'id, seed, programme_date, target, programme, cycle, options, started_at_wall';
const ANNOTATION_COLUMNS = 'id, defect_id, at_wall, author, data';
const EXECUTION_COLUMNS =
  'id, run_id, plan_item_id, test_case, combination, attempt, outcome, virtual_duration_ms, wall_duration_ms, failure, trace, trace_hash, seed, details';

function olderSchema(file: string, version: number, remedy: string): LedgerError {
  return new LedgerError('older-schema', file, `is a dit ledger at schema version ${version}; this dit uses version ${latestVersion()}: ${remedy}.`);
}

class SqliteLedger implements Ledger {
  readonly schemaVersion = latestVersion();
  private closed = false;
  private readonly nextId: (atWallMs: number) => string;
  private readonly sql;

  constructor(
    readonly file: string,
    private readonly db: Database.Database,
    readonly readonly: boolean,
    options: OpenLedgerOptions,
  ) {
    let idTimeMs = 0;
    const generate = options.newId ?? createIdGenerator({ clock: () => idTimeMs, random: options.random ?? cryptoRandom });
    this.nextId = (atWallMs) => {
      idTimeMs = Math.min(MAX_ID_TIME, Math.max(0, Math.trunc(atWallMs)));
      return generate();
    };
    this.sql = {
      run: db.prepare<[string], RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`),
      runs: db.prepare<[], RunRow>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY started_at_wall, id`),
      latestUnfinished: db.prepare<[], RunRow>(
        `SELECT ${RUN_COLUMNS} FROM runs r
         WHERE NOT EXISTS (SELECT 1 FROM run_events e WHERE e.run_id = r.id AND e.kind = 'finished')
         ORDER BY started_at_wall DESC, id DESC LIMIT 1`,
      ),
      insertRun: db.prepare<[RunRow]>(
        `INSERT INTO runs (${RUN_COLUMNS}) VALUES (@id, @seed, @programme_date, @target, @programme, @cycle, @options, @started_at_wall)`,
      ),
      event: db.prepare<[string], RunEventRow>('SELECT id, run_id, kind, at_wall, data FROM run_events WHERE id = ?'),
      eventsOfRun: db.prepare<[string], RunEventRow>('SELECT id, run_id, kind, at_wall, data FROM run_events WHERE run_id = ? ORDER BY at_wall, id'),
      events: db.prepare<[], RunEventRow>('SELECT id, run_id, kind, at_wall, data FROM run_events ORDER BY at_wall, id'),
      insertEvent: db.prepare<[RunEventRow]>('INSERT INTO run_events (id, run_id, kind, at_wall, data) VALUES (@id, @run_id, @kind, @at_wall, @data)'),
      execution: db.prepare<[string], ExecutionRow>(`SELECT ${EXECUTION_COLUMNS} FROM executions WHERE id = ?`),
      executionByKey: db.prepare<[string, string, number], ExecutionRow>(
        `SELECT ${EXECUTION_COLUMNS} FROM executions WHERE run_id = ? AND plan_item_id = ? AND attempt = ?`,
      ),
      executionsOfRun: db.prepare<[string], ExecutionRow>(`SELECT ${EXECUTION_COLUMNS} FROM executions WHERE run_id = ? ORDER BY plan_item_id, attempt`),
      progressOfRun: db.prepare<[string], { id: string; plan_item_id: string; attempt: number; outcome: Outcome }>(
        'SELECT id, plan_item_id, attempt, outcome FROM executions WHERE run_id = ? ORDER BY plan_item_id, attempt',
      ),
      insertExecution: db.prepare<[ExecutionRow]>(
        `INSERT INTO executions (${EXECUTION_COLUMNS}) VALUES (@id, @run_id, @plan_item_id, @test_case, @combination, @attempt, @outcome,
         @virtual_duration_ms, @wall_duration_ms, @failure, @trace, @trace_hash, @seed, @details)`,
      ),
      annotation: db.prepare<[string], DefectAnnotationRow>(`SELECT ${ANNOTATION_COLUMNS} FROM defect_annotations WHERE id = ?`),
      annotations: db.prepare<[], DefectAnnotationRow>(`SELECT ${ANNOTATION_COLUMNS} FROM defect_annotations ORDER BY at_wall, id`),
      annotationsOfDefect: db.prepare<[string], DefectAnnotationRow>(
        `SELECT ${ANNOTATION_COLUMNS} FROM defect_annotations WHERE defect_id = ? ORDER BY at_wall, id`,
      ),
      insertAnnotation: db.prepare<[DefectAnnotationRow]>(
        `INSERT INTO defect_annotations (${ANNOTATION_COLUMNS}) VALUES (@id, @defect_id, @at_wall, @author, @data)`,
      ),
      insertAssessment: db.prepare<[AssessmentRow]>(
        `INSERT INTO assessments (${ASSESSMENT_COLUMNS}) VALUES (@id, @control_point, @programme_date, @decision, @inputs_hash, @at_wall, @result)`,
      ),
      assessment: db.prepare<[string], AssessmentRow>(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE id = ?`),
      assessments: db.prepare<[], AssessmentRow>(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments ORDER BY at_wall, id`),
      counts: db.prepare<[], LedgerCounts>(
        `SELECT (SELECT count(*) FROM runs) AS runs,
                (SELECT count(*) FROM executions) AS executions,
                (SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM executions GROUP BY run_id, plan_item_id, attempt HAVING n > 1)) AS duplicates`,
      ),
    };
  }

  // ---- writes ----

  startRun(start: RunStart): string {
    this.assertWritable('start a run');
    const row = toRunRow(this.file, start, this.nextId);
    return this.transaction(() => {
      const existing = this.sql.run.get(row.id);
      if (existing !== undefined) {
        if (sameRun(existing, row)) return row.id;
        throw new LedgerError('conflict', this.file, `run ${row.id} is already recorded with different fields (started ${existing.started_at_wall}); a run id names one run. Resume that run, or start a new one with a new id.`);
      }
      this.write(`record run ${row.id}`, () => this.sql.insertRun.run(row));
      return row.id;
    });
  }

  finishRun(runId: string, finish: RunFinish): string {
    this.assertWritable('finish a run');
    const row = toFinishEventRow(this.file, runId, finish, this.nextId);
    return this.transaction(() => {
      const existingEvent = this.sql.event.get(row.id);
      if (existingEvent !== undefined) {
        if (existingEvent.run_id === row.run_id && existingEvent.kind === row.kind && existingEvent.at_wall === row.at_wall && existingEvent.data === row.data) return row.id;
        throw new LedgerError('conflict', this.file, `run event ${row.id} is already recorded with different fields; event ids are unique.`);
      }
      this.requireRun(runId, 'finish it');
      const finished = this.sql.eventsOfRun.all(runId).find((e) => e.kind === 'finished');
      if (finished !== undefined) {
        throw new LedgerError('run-finished', this.file, `run ${runId} already finished at ${finished.at_wall} (event ${finished.id}); a run finishes once.`);
      }
      this.write(`record the finish of run ${runId}`, () => this.sql.insertEvent.run(row));
      return row.id;
    });
  }

  recordExecution(execution: ExecutionInput): RecordResult {
    this.assertWritable('record an execution');
    return this.transaction(() => {
      const row = toExecutionRow(this.file, execution, () => this.nextId(this.runStartMs(execution.runId)));
      return this.insertExecution(row, 'record', '');
    });
  }

  recordExecutions(executions: readonly ExecutionInput[]): RecordResult[] {
    this.assertWritable('record executions');
    return this.transaction(() => executions.map((e) => this.recordExecution(e)));
  }

  annotateDefect(annotation: DefectAnnotationInput): string {
    this.assertWritable('annotate a defect');
    const row = toDefectAnnotationRow(this.file, annotation, this.nextId);
    return this.transaction(() => {
      this.insertAnnotation(row, '');
      return row.id;
    });
  }

  recordAssessment(record: AssessmentRecordInput): string {
    this.assertWritable('record an assessment');
    const row = toAssessmentRow(this.file, record, this.nextId);
    this.transaction(() => this.insertAssessment(row, ''));
    return row.id;
  }

  assessments(controlPoint?: string): LedgerAssessment[] {
    this.assertOpen();
    return this.read('read the assessments', () =>
      this.sql.assessments
        .all()
        .filter((r) => controlPoint === undefined || r.control_point === controlPoint)
        .map(fromAssessmentRow),
    );
  }

  transaction<T>(fn: () => T): T {
    this.assertOpen();
    const wrapped = this.db.transaction((): T => {
      const result = fn();
      if (typeof (result as { then?: unknown } | null)?.then === 'function') {
        throw new LedgerError('invalid-record', this.file, 'a ledger transaction function returned a promise; it must be synchronous (the transaction was rolled back).');
      }
      return result;
    });
    return this.readonly ? wrapped.deferred() : wrapped.immediate();
  }

  mergeFrom(otherPath: string): MergeResult {
    this.assertWritable('merge into it');
    const other = resolve(otherPath);
    const state = inspectLedgerFile(other);
    if (state.kind === 'absent') throw new LedgerError('missing', other, 'does not exist; expected a dit ledger to merge from.');
    if (state.kind === 'blank') throw new LedgerError('not-a-ledger', other, 'is empty, not a dit ledger; expected a dit ledger to merge from.');
    if (realpathSync(other) === realpathSync(this.file)) {
      throw new LedgerError('conflict', other, 'is the ledger being merged into; expected another ledger to merge from.');
    }
    if (state.pending.length > 0) throw olderSchema(other, state.version, 'open it writable once with this dit to migrate it, then merge');
    const source = sqlite(other, () => new Database(other, { readonly: true, fileMustExist: true }));
    try {
      source.exec('BEGIN'); // one read snapshot of the source, even if something is writing to it
      return this.transaction(() => {
        const runs = { added: 0, skipped: 0 };
        const runEvents = { added: 0, skipped: 0 };
        const executions = { added: 0, skipped: 0 };
        const defectAnnotations = { added: 0, skipped: 0 };
        const assessments = { added: 0, skipped: 0 };
        const context = ` (merging from ${other})`;
        for (const raw of source.prepare<[], RunRow>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY started_at_wall, id`).iterate()) {
          const row = toRunRow(other, runStartOf(raw), () => raw.id);
          if (this.sql.run.get(row.id) !== undefined) {
            runs.skipped++;
            continue;
          }
          this.write(`merge run ${row.id}${context}`, () => this.sql.insertRun.run(row));
          runs.added++;
        }
        for (const raw of source.prepare<[], RunEventRow>('SELECT id, run_id, kind, at_wall, data FROM run_events ORDER BY at_wall, id').iterate()) {
          const row = checkRunEventRow(other, raw);
          if (this.sql.event.get(row.id) !== undefined) {
            runEvents.skipped++;
            continue;
          }
          this.write(`merge run event ${row.id}${context}`, () => this.sql.insertEvent.run(row));
          runEvents.added++;
        }
        for (const raw of source.prepare<[], ExecutionRow>(`SELECT ${EXECUTION_COLUMNS} FROM executions ORDER BY run_id, plan_item_id, attempt`).iterate()) {
          const row = toExecutionRow(other, fromExecutionRow(raw), () => raw.id);
          if (this.insertExecution(row, 'merge', context).duplicate) executions.skipped++;
          else executions.added++;
        }
        for (const raw of source.prepare<[], DefectAnnotationRow>(`SELECT ${ANNOTATION_COLUMNS} FROM defect_annotations ORDER BY at_wall, id`).iterate()) {
          const row = toDefectAnnotationRow(other, { ...fromDefectAnnotationRow(raw) }, () => raw.id);
          if (this.insertAnnotation(row, context)) defectAnnotations.added++;
          else defectAnnotations.skipped++;
        }
        for (const raw of source.prepare<[], AssessmentRow>(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments ORDER BY at_wall, id`).iterate()) {
          if (this.insertAssessment(checkAssessmentRow(other, raw), context)) assessments.added++;
          else assessments.skipped++;
        }
        return { runs, runEvents, executions, defectAnnotations, assessments };
      });
    } finally {
      source.close();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  // ---- queries ----

  listRuns(): LedgerRun[] {
    this.assertOpen();
    return this.read('list runs', () => {
      const events = this.sql.events.all();
      return this.sql.runs.all().map((run) => fromRunRow(run, events));
    });
  }

  getRun(id: string): LedgerRun | undefined {
    this.assertOpen();
    return this.read(`read run ${id}`, () => {
      const run = this.sql.run.get(id);
      return run === undefined ? undefined : fromRunRow(run, this.sql.eventsOfRun.all(id));
    });
  }

  latestUnfinishedRun(): LedgerRun | undefined {
    this.assertOpen();
    const run = this.read('find the latest unfinished run', () => this.sql.latestUnfinished.get());
    return run === undefined ? undefined : fromRunRow(run, []);
  }

  executionsForRun(runId: string): LedgerExecution[] {
    this.assertOpen();
    return this.read(`read the executions of run ${runId}`, () => this.sql.executionsOfRun.all(runId).map(fromExecutionRow));
  }

  completedPlanItems(runId: string): ReadonlyMap<string, PlanItemProgress> {
    this.assertOpen();
    const items = new Map<string, PlanItemProgress>();
    for (const row of this.read(`read the plan items of run ${runId}`, () => this.sql.progressOfRun.all(runId))) {
      const attempts = (items.get(row.plan_item_id)?.attempts ?? 0) + 1;
      items.set(row.plan_item_id, { planItemId: row.plan_item_id, attempts, lastAttempt: row.attempt, lastOutcome: row.outcome, lastExecutionId: row.id });
    }
    return items;
  }

  integrityCheck(): string {
    this.assertOpen();
    try {
      const problems = (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok');
      if (problems.length > 0) return problems.join('\n');
      const orphans = this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      for (const o of orphans) problems.push(`${o.table} row ${o.rowid} refers to a missing ${o.parent} row`);
      const { duplicates } = this.counts();
      if (duplicates > 0) problems.push(`${duplicates} executions repeat a (run, plan item, attempt) already recorded`);
      return problems.length === 0 ? 'ok' : problems.join('\n');
    } catch (e) {
      return `SQLite cannot check it: ${(e as Error).message}`;
    }
  }

  counts(): LedgerCounts {
    this.assertOpen();
    const counts = this.read('count records', () => this.sql.counts.get());
    return { runs: counts?.runs ?? 0, executions: counts?.executions ?? 0, duplicates: counts?.duplicates ?? 0 };
  }

  settings(): LedgerSettings {
    this.assertOpen();
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      foreignKeys: Number(this.db.pragma('foreign_keys', { simple: true })) === 1,
    };
  }

  defectAnnotations(defectId?: string): LedgerDefectAnnotation[] {
    this.assertOpen();
    return this.read(`read the annotations of ${defectId === undefined ? 'defects' : `defect ${defectId}`}`, () =>
      (defectId === undefined ? this.sql.annotations.all() : this.sql.annotationsOfDefect.all(defectId)).map(fromDefectAnnotationRow),
    );
  }

  // ---- internals ----

  /** Inserts an annotation row; false when the same annotation is already there. */
  private insertAnnotation(row: DefectAnnotationRow, context: string): boolean {
    const existing = this.sql.annotation.get(row.id);
    if (existing !== undefined) {
      if (sameDefectAnnotation(existing, row)) return false;
      throw new LedgerError(
        'conflict',
        this.file,
        `defect annotation ${row.id} is already recorded (defect ${existing.defect_id}, by ${existing.author} at ${existing.at_wall}) with different fields${context}; annotations are append-only — record a correction as a new annotation. Nothing was recorded.`,
      );
    }
    this.write(`record defect annotation ${row.id}${context}`, () => this.sql.insertAnnotation.run(row));
    return true;
  }

  /** Inserts an assessment record; false when the same record is already there; a different one under its id is refused. */
  private insertAssessment(row: AssessmentRow, context: string): boolean {
    const existing = this.sql.assessment.get(row.id);
    if (existing !== undefined) {
      if (sameAssessment(existing, row)) return false;
      const fields = (Object.keys(row) as (keyof AssessmentRow)[]).filter((k) => existing[k] !== row[k]).join(', ');
      throw new LedgerError(
        'conflict',
        this.file,
        `assessment ${row.id} is already recorded (control point ${existing.control_point} as of ${existing.programme_date}, at ${existing.at_wall}) with different ${fields}${context}; assessments are append-only audit records and an id names one. Nothing was recorded.`,
      );
    }
    this.write(`record assessment ${row.id}${context}`, () => this.sql.insertAssessment.run(row));
    return true;
  }

  private insertExecution(row: ExecutionRow, mode: 'record' | 'merge', context: string): RecordResult {
    const byId = this.sql.execution.get(row.id);
    if (byId !== undefined) {
      if (sameExecution(byId, row)) return { id: byId.id, duplicate: true };
      throw new LedgerError(
        'conflict',
        this.file,
        `execution id ${row.id} is already recorded (run ${byId.run_id}, plan item ${byId.plan_item_id}, attempt ${byId.attempt}) with different ${differences(byId, row)}${context}; an execution id names one execution. Nothing was recorded.`,
      );
    }
    const byKey = this.sql.executionByKey.get(row.run_id, row.plan_item_id, row.attempt);
    if (byKey !== undefined) {
      if (sameExecution(byKey, row)) return { id: byKey.id, duplicate: true };
      throw new LedgerError(
        'conflict',
        this.file,
        `run ${row.run_id}, plan item ${row.plan_item_id}, attempt ${row.attempt} is already recorded as execution ${byKey.id} with different ${differences(byKey, row)} than execution ${row.id}${context}; an attempt is recorded exactly once — record a re-run as the next attempt. Nothing was recorded.`,
      );
    }
    this.requireRun(row.run_id, `record execution ${row.id}`);
    if (mode === 'record') {
      const finished = this.sql.eventsOfRun.all(row.run_id).find((e) => e.kind === 'finished');
      if (finished !== undefined) {
        throw new LedgerError('run-finished', this.file, `run ${row.run_id} finished at ${finished.at_wall}; execution ${row.id} (plan item ${row.plan_item_id}) cannot be added to a finished run. Nothing was recorded.`);
      }
    }
    this.write(`record execution ${row.id}${context}`, () => this.sql.insertExecution.run(row));
    return { id: row.id, duplicate: false };
  }

  private requireRun(runId: string, purpose: string): RunRow {
    const run = this.sql.run.get(runId);
    if (run === undefined) {
      throw new LedgerError('unknown-run', this.file, `has no run ${runId}; expected a run started in this ledger (startRun) to ${purpose}.`);
    }
    return run;
  }

  private runStartMs(runId: string): number {
    const run = this.sql.run.get(runId);
    return run === undefined ? 0 : Date.parse(run.started_at_wall);
  }

  private write(what: string, statement: () => unknown): void {
    try {
      statement();
    } catch (e) {
      throw asLedgerError(this.file, e, `could not ${what}`);
    }
  }

  private read<T>(what: string, query: () => T): T {
    try {
      return query();
    } catch (e) {
      throw asLedgerError(this.file, e, `could not ${what}`);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new LedgerError('closed', this.file, 'the ledger is closed; open it again to use it.');
  }

  private assertWritable(action: string): void {
    this.assertOpen();
    if (this.readonly) throw new LedgerError('readonly', this.file, `is open read-only; cannot ${action}. Open it without { readonly: true } to write.`);
  }
}

function runStartOf(row: RunRow): RunStart {
  return {
    id: row.id,
    seed: row.seed,
    programmeDate: row.programme_date,
    target: row.target,
    programme: row.programme,
    cycle: row.cycle,
    options: JSON.parse(row.options) as unknown,
    startedAtWall: row.started_at_wall,
  };
}

function differences(a: ExecutionRow, b: ExecutionRow): string {
  const fields = executionDifferences(a, b);
  return fields.length === 0 ? 'fields' : fields.join(', ');
}

function sqlite<T>(file: string, open: () => T): T {
  try {
    return open();
  } catch (e) {
    throw asLedgerError(file, e, 'could not be opened');
  }
}

function asLedgerError(file: string, e: unknown, what: string): LedgerError {
  if (e instanceof LedgerError) return e;
  const code = (e as { code?: unknown }).code;
  return new LedgerError('sqlite', file, `${what}: ${typeof code === 'string' ? `${code}: ` : ''}${(e as Error).message}`, { cause: e });
}
