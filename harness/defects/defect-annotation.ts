// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What people add to a projected defect: an external ticket id, notes, a severity override.
 * Kept in the ledger's append-only `defect_annotations` table (`ledger.annotateDefect`), each
 * annotation a JSON object of the fields it changes; the projection applies a defect's
 * annotations in order (wall time, then id), so a later annotation wins:
 *
 * - `ticket`: sets the external ticket (a release may then claim the fix by ticket); `null` clears it.
 * - `severity`: 1..4 overrides the test case's severity; `null` removes the override.
 * - `notes`: appended, never replaced.
 *
 * Fields this code does not know are ignored (a newer dit may add some); an annotation whose
 * known fields are malformed is skipped whole and reported as a warning on the defect.
 */
import { z } from 'zod';
import type { DefectAnnotationInput, LedgerDefectAnnotation } from '../ledger/ledger.ts';
import type { Severity } from './severity.ts';

const severity = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'expected a severity 1, 2, 3 or 4' });
const fields = {
  ticket: z.string().trim().min(1, 'expected a ticket id').nullable().optional(),
  notes: z.string().trim().min(1, 'expected a note').optional(),
  severity: severity.nullable().optional(),
};
const hasAField = (d: Readonly<Record<string, unknown>>): boolean => d['ticket'] !== undefined || d['notes'] !== undefined || d['severity'] !== undefined;

/** The data of a new annotation, as `dit defects update` should check it before recording. */
export const DefectAnnotationDataSchema = z.strictObject(fields).refine(hasAField, { error: 'expected at least one of ticket, notes, severity' });
export type DefectAnnotationData = z.infer<typeof DefectAnnotationDataSchema>;

const recordedData = z.looseObject(fields);

export interface DefectNote {
  readonly atWall: string;
  readonly author: string;
  readonly text: string;
}

/** A defect's annotations applied in order. */
export interface AnnotatedFields {
  readonly ticket: string | null;
  readonly severityOverride: Severity | null;
  readonly notes: readonly DefectNote[];
  /** Ids of the annotations applied, in order. */
  readonly applied: readonly string[];
  /** Annotations skipped, with why. */
  readonly warnings: readonly string[];
}

export const NO_ANNOTATIONS: AnnotatedFields = { ticket: null, severityOverride: null, notes: [], applied: [], warnings: [] };

const byTime = (a: LedgerDefectAnnotation, b: LedgerDefectAnnotation): number =>
  a.atWall < b.atWall ? -1 : a.atWall > b.atWall ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Applies one defect's annotations, in wall-time order (the order of `annotations` does not matter). */
export function applyAnnotations(annotations: readonly LedgerDefectAnnotation[]): AnnotatedFields {
  let ticket: string | null = null;
  let severityOverride: Severity | null = null;
  const notes: DefectNote[] = [];
  const applied: string[] = [];
  const warnings: string[] = [];
  for (const a of [...annotations].sort(byTime)) {
    const parsed = recordedData.safeParse(a.data);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(data)'}: ${i.message}`).join('; ');
      warnings.push(`annotation ${a.id} by ${a.author} at ${a.atWall} was skipped: ${problems}`);
      continue;
    }
    const d = parsed.data;
    if (d.ticket !== undefined) ticket = d.ticket;
    if (d.severity !== undefined) severityOverride = d.severity;
    if (d.notes !== undefined) notes.push({ atWall: a.atWall, author: a.author, text: d.notes });
    applied.push(a.id);
  }
  return { ticket, severityOverride, notes, applied, warnings };
}

/** Groups annotations by defect id. */
export function annotationsByDefect(annotations: readonly LedgerDefectAnnotation[]): ReadonlyMap<string, LedgerDefectAnnotation[]> {
  const map = new Map<string, LedgerDefectAnnotation[]>();
  for (const a of annotations) map.set(a.defectId, [...(map.get(a.defectId) ?? []), a]);
  return map;
}

/**
 * A checked annotation ready for `ledger.annotateDefect`: throws an Error naming each wrong
 * field when `data` is not a valid annotation.
 */
export function defectAnnotation(defectId: string, author: string, atWall: string, data: unknown): DefectAnnotationInput {
  const parsed = DefectAnnotationDataSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(data)'}: ${i.message}`).join('; ');
    throw new Error(`annotation of defect ${defectId} is not valid: ${problems}`);
  }
  return { defectId, author, atWall, data: parsed.data };
}
