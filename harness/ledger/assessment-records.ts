// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The ledger's audit records of control-point assessments (schema version 3): what the caller
 * gives, the row, and back. The result is kept as canonical JSON and never interpreted here; it
 * is an audit trail, not an input — harness/control-point never reads it back to assess.
 */
import { z } from 'zod';
import { canonicalJson, JsonShapeError, parseJson, type JsonValue } from './canonical-json.ts';
import { LedgerError } from './ledger-error.ts';

export const ASSESSMENT_DECISIONS = ['pass', 'pass-with-waivers', 'fail'] as const;

export interface AssessmentRecordInput {
  /** Default: a new sortable id timed by `atWall`. */
  readonly id?: string;
  readonly controlPoint: string;
  /** The programme date assessed, YYYY-MM-DD. */
  readonly programmeDate: string;
  readonly decision: (typeof ASSESSMENT_DECISIONS)[number];
  readonly inputsHash: string;
  /** ISO-8601 wall time the assessment was made. */
  readonly atWall: string;
  /** The assessment as JSON (an object). */
  readonly result: Readonly<Record<string, unknown>>;
}

export interface LedgerAssessment {
  readonly id: string;
  readonly controlPoint: string;
  readonly programmeDate: string;
  readonly decision: string;
  readonly inputsHash: string;
  readonly atWall: string;
  readonly result: { readonly [key: string]: JsonValue };
}

export interface AssessmentRow {
  id: string;
  control_point: string;
  programme_date: string;
  decision: string;
  inputs_hash: string;
  at_wall: string;
  result: string;
}

export const ASSESSMENT_COLUMNS = 'id, control_point, programme_date, decision, inputs_hash, at_wall, result';

const schema = z.strictObject({
  id: z.string().min(1).optional(),
  controlPoint: z.string().min(1),
  programmeDate: z.iso.date(),
  decision: z.enum(ASSESSMENT_DECISIONS),
  inputsHash: z.string().min(1),
  atWall: z.iso.datetime({ offset: true }),
  result: z.record(z.string(), z.unknown()),
});

export function toAssessmentRow(file: string, input: AssessmentRecordInput, newId: (atWallMs: number) => string): AssessmentRow {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ');
    throw new LedgerError('invalid-record', file, `assessment of ${String(input.controlPoint)} is not a valid ledger record: ${problems}. Nothing was recorded.`);
  }
  const atWall = new Date(parsed.data.atWall).toISOString();
  let result: string;
  try {
    result = canonicalJson(parsed.data.result, 'result');
  } catch (e) {
    if (e instanceof JsonShapeError) throw new LedgerError('invalid-record', file, `assessment of ${parsed.data.controlPoint}: ${e.message}. Nothing was recorded.`);
    throw e;
  }
  return {
    id: parsed.data.id ?? newId(Date.parse(atWall)),
    control_point: parsed.data.controlPoint,
    programme_date: parsed.data.programmeDate,
    decision: parsed.data.decision,
    inputs_hash: parsed.data.inputsHash,
    at_wall: atWall,
    result,
  };
}

export function fromAssessmentRow(row: AssessmentRow): LedgerAssessment {
  return {
    id: row.id,
    controlPoint: row.control_point,
    programmeDate: row.programme_date,
    decision: row.decision,
    inputsHash: row.inputs_hash,
    atWall: row.at_wall,
    result: parseJson(row.result) as { readonly [key: string]: JsonValue },
  };
}

/** A row read from another ledger (a merge), checked as a new record would be; its id is kept. */
export function checkAssessmentRow(file: string, raw: AssessmentRow): AssessmentRow {
  return toAssessmentRow(file, fromAssessmentRow(raw) as AssessmentRecordInput, () => raw.id);
}

/** True when two rows are the same record, field for field (a merge skips it). */
export function sameAssessment(a: AssessmentRow, b: AssessmentRow): boolean {
  return (Object.keys(a) as (keyof AssessmentRow)[]).every((k) => a[k] === b[k]);
}
