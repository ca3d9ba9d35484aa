// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The one token a failing property prints and `dit replay` takes: `NAME:SEED:PATH` — the
 * property's name, fast-check's seed (a 32-bit integer) and the path to the shrunk
 * counterexample (fast-check's `counterexamplePath`, numbers joined by ':'); `NAME:SEED` alone
 * re-runs that seed's whole run. One token, no spaces, so a terminal's double click copies it.
 */

export interface PropertyToken {
  readonly property: string;
  readonly seed: number;
  /** null: the whole run of that seed. */
  readonly path: string | null;
}

export class PropertyTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PropertyTokenError';
  }
}

const NAME = /^[a-z][a-z0-9-]*$/;
const PATH = /^\d+(:\d+)*$/;

export function formatPropertyToken(token: PropertyToken): string {
  return token.path === null ? `${token.property}:${token.seed}` : `${token.property}:${token.seed}:${token.path}`;
}

export function parsePropertyToken(text: string): PropertyToken {
  const expected = 'expected NAME:SEED:PATH as a failing property printed it (e.g. premises:-1234567:3:0:1)';
  const [property = '', seedText = '', ...path] = text.trim().split(':');
  if (!NAME.test(property)) throw new PropertyTokenError(`replay token "${text}": "${property}" is no property name (lower-case words joined by '-'); ${expected}`);
  const seed = Number(seedText);
  if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw new PropertyTokenError(`replay token "${text}": the seed "${seedText}" is not a 32-bit integer; ${expected}`);
  }
  const pathText = path.join(':');
  if (path.length > 0 && !PATH.test(pathText)) throw new PropertyTokenError(`replay token "${text}": the path "${pathText}" is not numbers joined by ':'; ${expected}`);
  return { property, seed, path: path.length > 0 ? pathText : null };
}
