// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The ledger's records — runs, run events, executions, defect annotations — as callers give
 * them and get them back, their row form, and the checks between the two. A record that does
 * not have the expected shape is refused whole with a LedgerError naming the ledger file, the
 * record and the path of every field that is wrong; nothing of it is written.
 *
 * JSON fields are stored as canonical JSON (keys sorted), so equal values have equal text.
 * Wall-clock timestamps are ISO-8601 strings given by the caller, stored normalised to UTC with
 * milliseconds (`2025-03-01T10:00:00.000Z`); the ledger never reads a clock.
 */
import { z } from 'zod';
import { canonicalJson, JsonShapeError, parseJson, type JsonValue } from './canonical-json.ts';
import { LedgerError } from './ledger-error.ts';

export const OUTCOMES = ['passed', 'failed', 'skipped', 'error'] as const;
/** passed; failed (the device or DCC did not do what the test expects); skipped; error (the harness could not run the test). */
export type Outcome = (typeof OUTCOMES)[number];

export const RUN_STATUSES = ['passed', 'failed', 'aborted', 'error'] as const;
/** passed; failed (some execution failed); aborted (stopped before the plan was done); error (the harness failed). */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One comms hub firmware × one meter model and firmware × one band. Extra fields are kept. */
export interface Combination {
  readonly commsHub: { readonly vendor: string; readonly firmware: string };
  readonly meter: { readonly manufacturer: string; readonly model: string; readonly firmware: string };
  readonly band: string;
}

export interface Failure {
  readonly message: string;
  /** Normalised so the same fault reads the same across combinations and runs. */
  readonly signature: string;
  readonly category: string;
}

/** One message of an execution's trace. Extra fields are kept. */
export interface TraceMessage {
  /** World time (virtual when emulated), epoch ms. */
  readonly at: number;
  /** e.g. "user→dcc", "dcc→device". */
  readonly direction: string;
  readonly protocol: 'duis' | 'gbcs';
  /** The decoded summary, one line. */
  readonly summary: string;
  /** DUIS XML, or the GBCS frame as hex. */
  readonly body: string;
}

export interface RunStart {
  /** Default: a new sortable id timed by `startedAtWall`. */
  readonly id?: string;
  readonly seed: string;
  /** The programme calendar's date, YYYY-MM-DD. */
  readonly programmeDate: string;
  /** "emulated", "loopback", a lab name... */
  readonly target: string;
  readonly programme?: string | null;
  readonly cycle?: string | null;
  /** The run's options: any JSON. */
  readonly options: unknown;
  /** ISO-8601 wall time the run started. */
  readonly startedAtWall: string;
}

export interface RunFinish {
  /** Id of the finish event. Default: a new sortable id timed by `finishedAtWall`. */
  readonly id?: string;
  readonly status: RunStatus;
  /** Any JSON. */
  readonly summary: unknown;
  /** ISO-8601 wall time the run finished. */
  readonly finishedAtWall: string;
}

export interface LedgerRunFinish {
  /** The finish event's id. */
  readonly id: string;
  readonly runId: string;
  readonly status: RunStatus;
  readonly summary: JsonValue;
  readonly finishedAtWall: string;
}

export interface LedgerRun {
  readonly id: string;
  readonly seed: string;
  readonly programmeDate: string;
  readonly target: string;
  readonly programme: string | null;
  readonly cycle: string | null;
  readonly options: JsonValue;
  readonly startedAtWall: string;
  /** The latest finish event, or null while the run is unfinished. */
  readonly finish: LedgerRunFinish | null;
  /** Every finish event, oldest first: one, or several after merging the ledgers of shards. */
  readonly finishes: readonly LedgerRunFinish[];
}

/**
 * One execution of a test case on a combination. Any field beyond these (test case title, SRV,
 * severity, skip reason...) is kept as JSON and returned as given.
 */
export interface ExecutionInput {
  /** Default: a new sortable id. */
  readonly id?: string;
  readonly runId: string;
  readonly planItemId: string;
  readonly testCase: string;
  readonly combination: Combination;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly outcome: Outcome;
  readonly virtualDurationMs: number;
  readonly wallDurationMs: number;
  /** Required for failed and error, null for passed. */
  readonly failure: Failure | null;
  readonly trace: readonly TraceMessage[];
  readonly traceHash: string;
  readonly seed: string;
}

/** An execution as recorded: the modelled fields, the id, and the extra fields as given. */
export type LedgerExecution = ExecutionInput & { readonly id: string; readonly [extra: string]: unknown };

/**
 * A person's annotation of a defect (external ticket, notes, severity override...). The ledger
 * keeps `data` as any JSON object and never interprets it; harness/defects does.
 */
export interface DefectAnnotationInput {
  /** Default: a new sortable id timed by `atWall`. */
  readonly id?: string;
  /** The defect's id as harness/defects derives it (e.g. `DEF-1a2b3c4d`). */
  readonly defectId: string;
  /** ISO-8601 wall time of the annotation. */
  readonly atWall: string;
  /** Who annotated it. */
  readonly author: string;
  /** Any JSON object. */
  readonly data: Readonly<Record<string, unknown>>;
}

export interface LedgerDefectAnnotation {
  readonly id: string;
  readonly defectId: string;
  readonly atWall: string;
  readonly author: string;
  readonly data: { readonly [key: string]: JsonValue };
}

export interface DefectAnnotationRow {
  id: string;
  defect_id: string;
  at_wall: string;
  author: string;
  data: string;
}

export interface RunRow {
  id: string;
  seed: string;
  programme_date: string;
  target: string;
  programme: string | null;
  cycle: string | null;
  options: string;
  started_at_wall: string;
}

export type RunEventKind = 'finished';

export interface RunEventRow {
  id: string;
  run_id: string;
  kind: string;
  at_wall: string;
  data: string;
}

export interface ExecutionRow {
  id: string;
  run_id: string;
  plan_item_id: string;
  test_case: string;
  combination: string;
  attempt: number;
  outcome: string;
  virtual_duration_ms: number;
  wall_duration_ms: number;
  failure: string | null;
  trace: string;
  trace_hash: string;
  seed: string;
  details: string;
}

const text = z.string().min(1);
const wallTime = z.iso.datetime({ offset: true });
const nonNegative = z.number().min(0);

const combinationSchema = z.looseObject({
  commsHub: z.looseObject({ vendor: text, firmware: text }),
  meter: z.looseObject({ manufacturer: text, model: text, firmware: text }),
  band: text,
});

const failureSchema = z.looseObject({ message: z.string(), signature: text, category: text });

const traceMessageSchema = z.looseObject({
  at: z.number(),
  direction: text,
  protocol: z.enum(['duis', 'gbcs']),
  summary: z.string(),
  body: z.string(),
});

const runStartSchema = z.strictObject({
  id: text.optional(),
  seed: text,
  programmeDate: z.iso.date(),
  target: text,
  programme: text.nullable().optional(),
  cycle: text.nullable().optional(),
  options: z.unknown(),
  startedAtWall: wallTime,
});

const runFinishSchema = z.strictObject({
  id: text.optional(),
  status: z.enum(RUN_STATUSES),
  summary: z.unknown(),
  finishedAtWall: wallTime,
});

const executionSchema = z.looseObject({
  id: text.optional(),
  runId: text,
  planItemId: text,
  testCase: text,
  combination: combinationSchema,
  attempt: z.int().min(1),
  outcome: z.enum(OUTCOMES),
  virtualDurationMs: nonNegative,
  wallDurationMs: nonNegative,
  failure: failureSchema.nullable(),
  trace: z.array(traceMessageSchema),
  traceHash: text,
  seed: text,
});

const defectAnnotationSchema = z.strictObject({
  id: text.optional(),
  defectId: text,
  atWall: wallTime,
  author: text,
  data: z.record(z.string(), z.unknown()),
});

const MODELLED_EXECUTION_FIELDS: ReadonlySet<string> = new Set(Object.keys(executionSchema.shape));

/** Checks a run start and turns it into a row; `newId` is called only when it has no id. */
export function toRunRow(file: string, input: RunStart, newId: (atWallMs: number) => string): RunRow {
  const what = typeof input.id === 'string' ? `run ${input.id}` : 'run';
  const parsed = check(file, what, runStartSchema, input);
  const startedAtWall = normaliseWallTime(parsed.startedAtWall);
  return {
    id: parsed.id ?? newId(Date.parse(startedAtWall)),
    seed: parsed.seed,
    programme_date: parsed.programmeDate,
    target: parsed.target,
    programme: parsed.programme ?? null,
    cycle: parsed.cycle ?? null,
    options: json(file, what, parsed.options, 'options'),
    started_at_wall: startedAtWall,
  };
}

export function fromRunRow(row: RunRow, events: readonly RunEventRow[]): LedgerRun {
  const finishes = events
    .filter((e) => e.kind === 'finished' && e.run_id === row.id)
    .map(fromFinishEventRow)
    .sort((a, b) => compare(a.finishedAtWall, b.finishedAtWall) || compare(a.id, b.id));
  return {
    id: row.id,
    seed: row.seed,
    programmeDate: row.programme_date,
    target: row.target,
    programme: row.programme,
    cycle: row.cycle,
    options: parseJson(row.options),
    startedAtWall: row.started_at_wall,
    finish: finishes.at(-1) ?? null,
    finishes,
  };
}

/** Checks a run finish and turns it into a run event row. */
export function toFinishEventRow(file: string, runId: string, input: RunFinish, newId: (atWallMs: number) => string): RunEventRow {
  const what = `finish of run ${runId}`;
  const parsed = check(file, what, runFinishSchema, input);
  const finishedAtWall = normaliseWallTime(parsed.finishedAtWall);
  return {
    id: parsed.id ?? newId(Date.parse(finishedAtWall)),
    run_id: runId,
    kind: 'finished',
    at_wall: finishedAtWall,
    data: json(file, what, { status: parsed.status, summary: parsed.summary }, ''),
  };
}

export function fromFinishEventRow(row: RunEventRow): LedgerRunFinish {
  const data = parseJson(row.data) as { status: RunStatus; summary: JsonValue };
  return { id: row.id, runId: row.run_id, status: data.status, summary: data.summary, finishedAtWall: row.at_wall };
}

/** Checks a run event row read from another ledger (a merge source). */
export function checkRunEventRow(file: string, row: RunEventRow): RunEventRow {
  if (row.kind !== 'finished') {
    throw new LedgerError('invalid-record', file, `run event ${row.id} has kind "${row.kind}"; expected "finished". Nothing was merged.`);
  }
  const parsed = parseJson(row.data);
  const data: Readonly<Record<string, unknown>> = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Readonly<Record<string, unknown>>) : {};
  return toFinishEventRow(file, row.run_id, { id: row.id, status: data['status'] as RunStatus, summary: data['summary'], finishedAtWall: row.at_wall }, () => row.id);
}

/** Checks an execution and turns it into a row; `newId` is called only when it has no id. */
export function toExecutionRow(file: string, input: ExecutionInput, newId: () => string): ExecutionRow {
  const what = executionLabel(input);
  const parsed = check(file, what, executionSchema, input);
  if ((parsed.outcome === 'failed' || parsed.outcome === 'error') && parsed.failure === null) {
    throw invalid(file, what, [`failure: expected a failure (message, signature, category) for outcome "${parsed.outcome}", got null`]);
  }
  if (parsed.outcome === 'passed' && parsed.failure !== null) {
    throw invalid(file, what, ['failure: expected null for outcome "passed"']);
  }
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (!MODELLED_EXECUTION_FIELDS.has(key)) extras[key] = value;
  return {
    id: parsed.id ?? newId(),
    run_id: parsed.runId,
    plan_item_id: parsed.planItemId,
    test_case: parsed.testCase,
    combination: json(file, what, input.combination, 'combination'),
    attempt: parsed.attempt,
    outcome: parsed.outcome,
    virtual_duration_ms: parsed.virtualDurationMs,
    wall_duration_ms: parsed.wallDurationMs,
    failure: input.failure === null ? null : json(file, what, input.failure, 'failure'),
    trace: json(file, what, input.trace, 'trace'),
    trace_hash: parsed.traceHash,
    seed: parsed.seed,
    details: json(file, what, extras, ''),
  };
}

export function fromExecutionRow(row: ExecutionRow): LedgerExecution {
  const details = parseJson(row.details) as Record<string, JsonValue>;
  return {
    ...details,
    id: row.id,
    runId: row.run_id,
    planItemId: row.plan_item_id,
    testCase: row.test_case,
    combination: parseJson(row.combination) as unknown as Combination,
    attempt: row.attempt,
    outcome: row.outcome as Outcome,
    virtualDurationMs: row.virtual_duration_ms,
    wallDurationMs: row.wall_duration_ms,
    failure: row.failure === null ? null : (parseJson(row.failure) as unknown as Failure),
    trace: parseJson(row.trace) as unknown as TraceMessage[],
    traceHash: row.trace_hash,
    seed: row.seed,
  };
}

/** Checks a defect annotation and turns it into a row; `newId` is called only when it has no id. */
export function toDefectAnnotationRow(file: string, input: DefectAnnotationInput, newId: (atWallMs: number) => string): DefectAnnotationRow {
  const what = `annotation${typeof input.id === 'string' ? ` ${input.id}` : ''} of defect ${typeof input.defectId === 'string' ? input.defectId : '(none)'}`;
  const parsed = check(file, what, defectAnnotationSchema, input);
  const atWall = normaliseWallTime(parsed.atWall);
  return {
    id: parsed.id ?? newId(Date.parse(atWall)),
    defect_id: parsed.defectId,
    at_wall: atWall,
    author: parsed.author,
    data: json(file, what, parsed.data, 'data'),
  };
}

export function fromDefectAnnotationRow(row: DefectAnnotationRow): LedgerDefectAnnotation {
  return {
    id: row.id,
    defectId: row.defect_id,
    atWall: row.at_wall,
    author: row.author,
    data: parseJson(row.data) as { readonly [key: string]: JsonValue },
  };
}

/** Annotation rows equal in every field. */
export function sameDefectAnnotation(a: DefectAnnotationRow, b: DefectAnnotationRow): boolean {
  return (Object.keys(a) as (keyof DefectAnnotationRow)[]).every((k) => a[k] === b[k]);
}

/**
 * True when two execution rows record the same result: every field equal except the id and
 * the wall duration (a re-run of a deterministic test takes different wall time).
 */
export function sameExecution(a: ExecutionRow, b: ExecutionRow): boolean {
  return (
    a.run_id === b.run_id &&
    a.plan_item_id === b.plan_item_id &&
    a.attempt === b.attempt &&
    a.test_case === b.test_case &&
    a.combination === b.combination &&
    a.outcome === b.outcome &&
    a.virtual_duration_ms === b.virtual_duration_ms &&
    a.failure === b.failure &&
    a.trace_hash === b.trace_hash &&
    a.trace === b.trace &&
    a.seed === b.seed &&
    a.details === b.details
  );
}

/** Run rows equal in every field. */
export function sameRun(a: RunRow, b: RunRow): boolean {
  return (Object.keys(a) as (keyof RunRow)[]).every((k) => a[k] === b[k]);
}

/** What differs between two execution rows, field by field (for conflict messages). */
export function executionDifferences(a: ExecutionRow, b: ExecutionRow): string[] {
  const fields: (keyof ExecutionRow)[] = ['test_case', 'combination', 'outcome', 'virtual_duration_ms', 'failure', 'trace_hash', 'trace', 'seed', 'details'];
  return fields.filter((f) => a[f] !== b[f]);
}

function check<T>(file: string, what: string, schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalid(
    file,
    what,
    result.error.issues.map((issue) => `${formatPath(issue.path) || '(record)'}: ${issue.message}`),
  );
}

function json(file: string, what: string, value: unknown, path: string): string {
  try {
    return canonicalJson(value, path);
  } catch (e) {
    if (e instanceof JsonShapeError) throw invalid(file, what, [e.message]);
    throw e;
  }
}

function invalid(file: string, what: string, problems: readonly string[]): LedgerError {
  return new LedgerError('invalid-record', file, `${what} is not a valid ledger record: ${problems.join('; ')}. Nothing was recorded.`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}

/** "execution E1 (run R1, plan item PI-1, attempt 2)", from whatever of those fields it has. */
function executionLabel(input: unknown): string {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const show = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const key = [
    ['run', show(record['runId'])],
    ['plan item', show(record['planItemId'])],
    ['attempt', show(record['attempt'])],
  ]
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => `${name} ${v}`);
  const id = show(record['id']);
  return ['execution', ...(id === undefined ? [] : [id]), ...(key.length > 0 ? [`(${key.join(', ')})`] : [])].join(' ');
}

function normaliseWallTime(iso: string): string {
  return new Date(iso).toISOString();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
