// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Checks a programme's files, already read as JSON, and assembles the programme. Every problem
 * is collected and reported together in one `ProgrammeError`: each entry of an entity file is
 * checked on its own, so one broken entry does not hide the problems of the others, and the
 * cross-file checks run over every entry that passed. No file system here: `load-programme.ts`
 * reads the folder.
 */
import { ProgrammeError, type ProgrammeIssue, issuesFromZod } from './programme-error.ts';
import { ProgrammeInfoSchema } from './programme-info.ts';
import { type CheckedParts, checkReferences } from './programme-references.ts';
import {
  ENTITY_SCHEMAS,
  type EntityOf,
  type EntityPart,
  PROGRAMME_FILES,
  PROGRAMME_PARTS,
  type Programme,
  type ProgrammePart,
} from './programme.ts';

/** A programme's files as JSON, by part; a part left undefined is a missing file. */
export type ProgrammeJson = { readonly [P in ProgrammePart]?: unknown };

/** The ids an entry that failed its schema still declares, so references to it are not called unknown. */
function declaredIdsOf(raw: unknown, into: Set<string>): void {
  if (typeof raw !== 'object' || raw === null) return;
  const id = (raw as { id?: unknown }).id;
  if (typeof id === 'string') into.add(id);
  for (const value of Object.values(raw)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      const nested = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
      if (typeof nested === 'string') into.add(nested);
    }
  }
}

function parseEntities<P extends EntityPart>(
  part: P,
  raw: unknown,
  issues: ProgrammeIssue[],
  brokenIds: Set<string>,
): (EntityOf<P> | undefined)[] | undefined {
  const file = PROGRAMME_FILES[part];
  if (!Array.isArray(raw)) {
    const got = raw === null ? 'null' : typeof raw === 'object' ? 'an object' : typeof raw;
    issues.push({ file, path: '', message: `expected a JSON array of entries, [ {...}, ... ], got ${got}` });
    return undefined;
  }
  const schema = ENTITY_SCHEMAS[part];
  return raw.map((entry, i) => {
    const result = schema.safeParse(entry, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of issuesFromZod(file, result.error)) {
      const path = issue.path === '' ? `[${i}]` : issue.path.startsWith('[') ? `[${i}]${issue.path}` : `[${i}].${issue.path}`;
      issues.push({ ...issue, path });
    }
    declaredIdsOf(entry, brokenIds);
    return undefined;
  });
}

/** Problems grouped by file (in the folder's file order), then by entry; stable otherwise. */
function inReadingOrder(issues: readonly ProgrammeIssue[]): ProgrammeIssue[] {
  const files = PROGRAMME_PARTS.map((p) => PROGRAMME_FILES[p]);
  const fileRank = (i: ProgrammeIssue) => {
    const rank = files.indexOf(i.file);
    return rank < 0 ? files.length : rank;
  };
  const entry = (i: ProgrammeIssue) => Number(/^\[(\d+)\]/.exec(i.path)?.[1] ?? -1);
  return [...issues].sort((a, b) => fileRank(a) - fileRank(b) || entry(a) - entry(b));
}

/**
 * @param json the parsed content of each file
 * @param folder where the files came from, for messages and `Programme.folder`
 * @param earlier problems found while reading (unreadable file, bad JSON); reported first
 */
export function parseProgramme(json: ProgrammeJson, folder: string, earlier: readonly ProgrammeIssue[] = []): Programme {
  const issues: ProgrammeIssue[] = [...earlier];
  const unreadable = new Set(earlier.map((i) => i.file));
  const brokenIds = new Set<string>();
  const parts: { -readonly [P in keyof CheckedParts]: CheckedParts[P] } = { brokenIds };
  for (const part of PROGRAMME_PARTS) {
    const file = PROGRAMME_FILES[part];
    if (unreadable.has(file)) continue;
    const raw = json[part];
    if (raw === undefined) {
      const all = PROGRAMME_PARTS.map((p) => PROGRAMME_FILES[p]).join(', ');
      issues.push({ file, path: '', message: `missing: a programme folder holds ${all} (an entity file may be an empty array [])` });
      continue;
    }
    if (part === 'info') {
      const result = ProgrammeInfoSchema.safeParse(raw, { reportInput: true });
      if (result.success) parts.info = result.data;
      else issues.push(...issuesFromZod(file, result.error));
      continue;
    }
    (parts as Record<EntityPart, unknown>)[part] = parseEntities(part, raw, issues, brokenIds);
  }
  issues.push(...checkReferences(parts));
  if (issues.length > 0 || parts.info === undefined) throw ProgrammeError.forFolder(folder, inReadingOrder(issues));
  // no problems: every file was read and every entry passed, so the lists have no holes
  const list = <P extends EntityPart>(part: P): EntityOf<P>[] =>
    (parts[part] ?? []).filter((entry): entry is EntityOf<P> => entry !== undefined);
  return {
    ...parts.info,
    folder,
    manufacturers: list('manufacturers'),
    deviceModels: list('deviceModels'),
    commsHubVendors: list('commsHubVendors'),
    firmwareReleases: list('firmwareReleases'),
    deliveries: list('deliveries'),
    cycles: list('cycles'),
    controlPoints: list('controlPoints'),
  };
}
