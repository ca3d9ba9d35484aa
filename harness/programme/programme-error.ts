// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What is wrong with a programme: every problem found in a programme folder, each naming the
 * file, the path inside it and the reason, collected rather than stopping at the first one. The
 * CLI prints the message of a `ProgrammeError` and exits 2.
 */
import type { z } from 'zod';

/** One problem in one file of a programme folder. */
export interface ProgrammeIssue {
  /** The file's name inside the folder, e.g. `firmware-releases.json`. */
  readonly file: string;
  /** Where inside the file, e.g. `[3].date`; empty for the file as a whole. */
  readonly path: string;
  /** What is wrong and, where it helps, what was expected. */
  readonly message: string;
}

/** Renders a path the way a reader finds it in the file: `[3].target.deviceModel`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** `firmware-releases.json: [3].date: reason` (the path is left out when empty). */
export function formatIssue(issue: ProgrammeIssue): string {
  return issue.path === '' ? `${issue.file}: ${issue.message}` : `${issue.file}: ${issue.path}: ${issue.message}`;
}

export class ProgrammeError extends Error {
  /** Every problem found; empty when the error is about something other than a folder's content. */
  readonly issues: readonly ProgrammeIssue[];

  constructor(message: string, issues: readonly ProgrammeIssue[] = []) {
    super(message);
    this.name = 'ProgrammeError';
    this.issues = issues;
  }

  /** The error for a folder with problems: a heading line, then one line per problem. */
  static forFolder(folder: string, issues: readonly ProgrammeIssue[]): ProgrammeError {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map((i) => `  ${formatIssue(i)}`);
    return new ProgrammeError(`programme ${folder} is not valid (${count}):\n${lines.join('\n')}`, issues);
  }
}

/** Turns zod's issues for one file into programme issues with readable reasons. */
export function issuesFromZod(file: string, error: z.ZodError): ProgrammeIssue[] {
  return error.issues.map((issue) => ({ file, path: formatIssuePath(issue.path), message: zodReason(issue) }));
}

function zodReason(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `missing: expected ${issue.expected}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${describeValue(issue.input)}`;
  if (issue.code === 'invalid_value' && 'input' in issue) {
    return `${describeValue(issue.input)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
    return `unknown field${issue.keys.length === 1 ? '' : 's'} ${keys} (a typo? unknown fields are refused so that they are not silently ignored)`;
  }
  if (issue.code === 'too_small') {
    const bound = `${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}`;
    if (issue.origin === 'array') return Number(issue.minimum) === 1 ? 'must not be empty: expected at least one entry' : `expected ${bound} entries`;
    if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'must not be empty' : `expected ${bound} characters`;
    return `expected ${bound}, got ${describeValue(issue.input)}`;
  }
  if (issue.code === 'invalid_format' && !issue.message.startsWith('Invalid')) {
    // the schema's message says what was expected, e.g. "a SMETS version such as SMETS2v3"
    return `${describeValue(issue.input)} is not ${issue.message}`;
  }
  return issue.message;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}
