// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reads one JSON file a person edits (a programme part, a firmware profile), turning what goes
 * wrong into an issue that names the file: unreadable, or not JSON with the line and column of
 * the syntax error.
 */
import { readFileSync } from 'node:fs';
import type { ProgrammeIssue } from './programme-error.ts';

/** Line and column of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** `full` is read; `file` is how issues name it. */
export function readJsonFile(full: string, file: string): { json?: unknown; issue?: ProgrammeIssue } {
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    return { issue: { file, path: '', message: `cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})` } };
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position?.[1] === undefined ? '' : ` at ${lineAndColumn(text, Number(position[1]))}`;
    return { issue: { file, path: '', message: `not valid JSON${where}: ${message}` } };
  }
}
