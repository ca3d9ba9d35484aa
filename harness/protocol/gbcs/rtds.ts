// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The RTDS 4.5.0 reference messages (../shared/rtds, see its README): where the folder is and
 * what each file name says. The project never copies them; it reads them from this path.
 *
 * Layout: `<dir>/RTDS-4.5.0/<SRV>_<UseCase>/<UseCase>_<SRV>_<qualifiers...>_GBCS.HEX`, SRV `NA`
 * for alerts with no service request, and `<dir>/keystore/`. The name's tokens, in any order
 * after use case and SRV: exactly one kind (COMMAND, PRECOMMAND, RESPONSE, ALERT), at most one
 * outcome (SUCCESS, ERROR, NOT_FOUND — none on most alerts), at most one alert code (four hex
 * digits such as 8F66, or NA), and free qualifiers (IMMEDIATE, FUTURE_DATED, SINGLE, TWIN,
 * RELIABLE, GPF, the tariff element a future-dated alert names...).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CraFlag } from './frame-types.ts';

export const RTDS_DIR_ENV = 'DIT_RTDS_DIR';

export type RtdsKind = 'COMMAND' | 'PRECOMMAND' | 'RESPONSE' | 'ALERT';
export type RtdsOutcome = 'SUCCESS' | 'ERROR' | 'NOT_FOUND' | 'UNSPECIFIED';

export interface RtdsMessage {
  /** File name, e.g. `ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE_GBCS.HEX`. */
  readonly file: string;
  /** Path below the RTDS folder, `/`-separated, e.g. `RTDS-4.5.0/4.1.1_ECS17b/<file>`. */
  readonly relPath: string;
  /** Folder name, e.g. `4.1.1_ECS17b`. */
  readonly folder: string;
  /** Service reference, e.g. `4.1.1`; null when the name says NA. */
  readonly srv: string | null;
  /** Use case label as RTDS writes it, e.g. `ECS17b`, `CS04ACCritical`, `FDRA-DLMS`. */
  readonly useCase: string;
  readonly outcome: RtdsOutcome;
  readonly kind: RtdsKind;
  /** CRA flag the frame must carry: 1 for (pre-)commands, 2 responses, 3 alerts. */
  readonly expectedCra: CraFlag;
  /** Alert code named in the file, e.g. `8F66`; null when none (or NA). */
  readonly alertCode: string | null;
  /** The remaining tokens in file order, e.g. ["FUTURE", "DATED", "TOU", "BLOCK"]. */
  readonly qualifiers: readonly string[];
  /** The message as upper-case hex, whitespace removed. */
  readonly hex: string;
}

export class RtdsNotFoundError extends Error {
  override readonly name = 'RtdsNotFoundError';

  constructor(readonly directory: string, reason: string) {
    super(`RTDS reference data not found at ${directory}: ${reason}. Point ${RTDS_DIR_ENV} at the folder holding RTDS-4.5.0/ and keystore/ (default: <project root>/../shared/rtds).`);
  }
}

export class RtdsFileNameError extends Error {
  override readonly name = 'RtdsFileNameError';

  constructor(readonly relPath: string, reason: string) {
    super(`RTDS file name ${relPath} does not follow <UseCase>_<SRV>_..._<KIND>_GBCS.HEX: ${reason}`);
  }
}

/** The folder that holds package.json, found upwards from this file. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** `$DIT_RTDS_DIR`, else `<project root>/../shared/rtds`. */
export function defaultRtdsDir(): string {
  const fromEnv = process.env[RTDS_DIR_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? resolve(fromEnv) : resolve(projectRoot(), '..', 'shared', 'rtds');
}

function messageRoots(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith('RTDS-') && statSync(join(dir, name)).isDirectory())
    .sort();
}

/** True when `dir` holds an `RTDS-*` message folder. */
export function rtdsAvailable(dir: string = defaultRtdsDir()): boolean {
  return messageRoots(dir).length > 0;
}

/** The keystore folder beside the messages. */
export function rtdsKeystoreDir(dir: string = defaultRtdsDir()): string {
  return join(dir, 'keystore');
}

const KINDS: readonly RtdsKind[] = ['COMMAND', 'PRECOMMAND', 'RESPONSE', 'ALERT'];
const EXPECTED_CRA: Record<RtdsKind, CraFlag> = { COMMAND: 1, PRECOMMAND: 1, RESPONSE: 2, ALERT: 3 };
const ALERT_CODE = /^[0-9A-F]{4}$/;
const SUFFIX = '_GBCS.HEX';

/** Reads what a file name says (pure; `relPath` = `<root>/<folder>/<file>`). */
export function parseRtdsFileName(relPath: string): Omit<RtdsMessage, 'hex'> {
  const parts = relPath.split('/');
  const file = parts[parts.length - 1] ?? '';
  const folder = parts[parts.length - 2] ?? '';
  if (!file.endsWith(SUFFIX)) throw new RtdsFileNameError(relPath, `does not end with ${SUFFIX}`);
  const tokens = file.slice(0, -SUFFIX.length).split('_');
  const [useCase, srvToken, ...rest] = tokens;
  if (!useCase || !srvToken) throw new RtdsFileNameError(relPath, 'use case and SRV missing');
  if (folder !== `${srvToken}_${useCase}`) throw new RtdsFileNameError(relPath, `folder ${folder} is not ${srvToken}_${useCase}`);
  const kinds = rest.filter((t): t is RtdsKind => (KINDS as readonly string[]).includes(t));
  if (kinds.length !== 1) throw new RtdsFileNameError(relPath, `expected exactly one of ${KINDS.join(', ')}, found ${kinds.length}`);
  const kind = kinds[0] as RtdsKind;

  let outcome: RtdsOutcome = 'UNSPECIFIED';
  let alertCode: string | null = null;
  const qualifiers: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as string;
    if (token === kind) continue;
    if (token === 'NOT' && rest[i + 1] === 'FOUND') {
      outcome = setOnce(relPath, outcome, 'NOT_FOUND');
      i++;
    } else if (token === 'SUCCESS' || token === 'ERROR') {
      outcome = setOnce(relPath, outcome, token);
    } else if (i === 0 && (ALERT_CODE.test(token) || token === 'NA')) {
      alertCode = token === 'NA' ? null : token;
    } else {
      qualifiers.push(token);
    }
  }
  return {
    file,
    relPath,
    folder,
    srv: srvToken === 'NA' ? null : srvToken,
    useCase,
    outcome,
    kind,
    expectedCra: EXPECTED_CRA[kind],
    alertCode,
    qualifiers,
  };
}

function setOnce(relPath: string, current: RtdsOutcome, next: RtdsOutcome): RtdsOutcome {
  if (current !== 'UNSPECIFIED') throw new RtdsFileNameError(relPath, `two outcomes (${current}, ${next})`);
  return next;
}

/**
 * Every RTDS message under `dir`, sorted by relPath.
 * @throws RtdsNotFoundError (naming the path and DIT_RTDS_DIR) when there is no RTDS folder.
 */
export function listRtdsMessages(dir: string = defaultRtdsDir()): RtdsMessage[] {
  const roots = messageRoots(dir);
  if (roots.length === 0) {
    throw new RtdsNotFoundError(dir, existsSync(dir) ? 'no RTDS-* folder inside' : 'folder does not exist');
  }
  const messages: RtdsMessage[] = [];
  for (const root of roots) {
    for (const folder of readdirSync(join(dir, root)).sort()) {
      const folderPath = join(dir, root, folder);
      if (!statSync(folderPath).isDirectory()) continue;
      for (const file of readdirSync(folderPath).sort()) {
        if (!file.endsWith(SUFFIX)) continue;
        const relPath = `${root}/${folder}/${file}`;
        const hex = readFileSync(join(folderPath, file), 'utf8').replace(/\s+/g, '').toUpperCase();
        messages.push({ ...parseRtdsFileName(relPath), hex });
      }
    }
  }
  return messages;
}
