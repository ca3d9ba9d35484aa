// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The quarantine list: known-unstable test cases or failures that must not block a cycle while
 * someone works on them. A JSON file:
 *
 * ```json
 * { "entries": [
 *   { "testCase": "READ-GSME-GCS13a", "reason": "GSME wake drift, DIT-17", "expires": "2019-05-01" },
 *   { "signature": "9c0e5b1f2a7d4e11", "reason": "known CH alert race", "expires": "2019-04-26", "addedBy": "ana" }
 * ] }
 * ```
 *
 * Each entry names exactly one of `testCase` (every defect of that test case) or `signature`
 * (one defect: its failure signature or its `DEF-` id). Quarantined failures are still recorded
 * and still projected as defects; the defect is flagged quarantined, and does not block, while
 * the programme date is before `expires` (a date on the programme calendar: from that day on,
 * the entry has expired and the defect blocks again).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const date = z.iso.date({ error: 'expected a calendar date YYYY-MM-DD that exists' });
const text = z.string().trim().min(1, 'expected a non-empty text');

export const QuarantineEntrySchema = z
  .strictObject({
    testCase: text.optional(),
    signature: text.optional(),
    reason: text,
    /** The programme date from which the entry no longer applies. */
    expires: date,
    addedBy: text.optional(),
  })
  .refine((e) => (e.testCase === undefined) !== (e.signature === undefined), {
    error: 'expected exactly one of "testCase" or "signature"',
  });

export const QuarantineListSchema = z.strictObject({ entries: z.array(QuarantineEntrySchema) });

export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;
export type QuarantineList = z.infer<typeof QuarantineListSchema>;

export class QuarantineError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: not a valid quarantine list: ${problems.join('; ')}. Expected {"entries": [{"testCase" or "signature", "reason", "expires": "YYYY-MM-DD"}]}.`);
    this.name = 'QuarantineError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}

/** Checks parsed JSON as a quarantine list; `file` names it in errors. */
export function parseQuarantineList(value: unknown, file = 'quarantine list'): QuarantineList {
  const result = QuarantineListSchema.safeParse(value);
  if (result.success) return result.data;
  throw new QuarantineError(
    file,
    result.error.issues.map((i) => `${formatPath(i.path) || '(top level)'}: ${i.message}`),
  );
}

/** Reads and checks a quarantine list file. */
export function loadQuarantineList(file: string): QuarantineList {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new QuarantineError(file, [`cannot be read (${(e as Error).message})`]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new QuarantineError(file, [`is not JSON (${(e as Error).message})`]);
  }
  return parseQuarantineList(value, file);
}

/** A defect's quarantine: the entry that applies to it and whether it is still in force. */
export interface QuarantineStatus {
  readonly match: 'testCase' | 'signature';
  readonly reason: string;
  readonly expires: string;
  readonly addedBy: string | null;
  /** True while the programme date is before `expires`. */
  readonly active: boolean;
}

/**
 * The quarantine of a defect at a programme date: of the entries naming one of its test cases,
 * its signature or its id, an active one expiring last, else the expired one that expired
 * last; null when none names it.
 */
export function quarantineOf(
  list: QuarantineList | undefined,
  defect: { readonly id: string; readonly signature: string; readonly testCases: readonly string[] },
  at: string,
): QuarantineStatus | null {
  if (list === undefined) return null;
  const statuses = list.entries
    .filter((e) => (e.testCase !== undefined ? defect.testCases.includes(e.testCase) : e.signature === defect.signature || e.signature === defect.id))
    .map((e): QuarantineStatus => ({
      match: e.testCase !== undefined ? 'testCase' : 'signature',
      reason: e.reason,
      expires: e.expires,
      addedBy: e.addedBy ?? null,
      active: at < e.expires,
    }));
  const best = statuses.sort((a, b) => Number(b.active) - Number(a.active) || (a.expires < b.expires ? 1 : a.expires > b.expires ? -1 : 0))[0];
  return best ?? null;
}
