// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reads a programme folder from disk. A bare name (`dbch-2019-04`) is a folder under
 * fixtures/programme/; anything with a path separator, or starting with `.`, is a path.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProgramme, type ProgrammeJson } from './parse-programme.ts';
import { ProgrammeError, type ProgrammeIssue } from './programme-error.ts';
import { readJsonFile } from './read-json-file.ts';
import { PROGRAMME_FILES, PROGRAMME_PARTS, type Programme, type ProgrammePart } from './programme.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where named programmes live. */
export const PROGRAMME_ROOT = join(projectRoot, 'fixtures/programme');

/** The programme every command uses unless told otherwise. */
export const DEFAULT_PROGRAMME = 'dbch-2019-04';

function isBareName(nameOrPath: string): boolean {
  return !isAbsolute(nameOrPath) && !nameOrPath.startsWith('.') && !/[\\/]/.test(nameOrPath);
}

/** The folder a programme name or path stands for (not checked to exist). */
export function programmeFolder(nameOrPath: string): string {
  return isBareName(nameOrPath) ? join(PROGRAMME_ROOT, nameOrPath) : resolve(nameOrPath);
}

/** The names of the programmes under fixtures/programme/. */
export function listProgrammes(): string[] {
  if (!existsSync(PROGRAMME_ROOT)) return [];
  return readdirSync(PROGRAMME_ROOT)
    .filter((name) => statSync(join(PROGRAMME_ROOT, name)).isDirectory())
    .sort();
}

function readJson(folder: string, file: string): { json?: unknown; issue?: ProgrammeIssue } {
  const full = join(folder, file);
  return existsSync(full) ? readJsonFile(full, file) : {};
}

/**
 * Loads and checks a programme: `nameOrPath` is a name under fixtures/programme/ or a folder
 * path. Throws a `ProgrammeError` listing every problem, each with file, path and reason.
 */
export function loadProgramme(nameOrPath: string = DEFAULT_PROGRAMME): Programme {
  const folder = programmeFolder(nameOrPath);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    const hint = isBareName(nameOrPath)
      ? `no programme named "${nameOrPath}" under ${PROGRAMME_ROOT} (there are: ${listProgrammes().join(', ') || 'none'})`
      : `${folder} is not a programme folder (no such directory)`;
    throw new ProgrammeError(hint);
  }
  const json: { [P in ProgrammePart]?: unknown } = {};
  const issues: ProgrammeIssue[] = [];
  for (const part of PROGRAMME_PARTS) {
    const { json: content, issue } = readJson(folder, PROGRAMME_FILES[part]);
    if (issue !== undefined) issues.push(issue);
    else json[part] = content;
  }
  return parseProgramme(json as ProgrammeJson, folder, issues);
}
