// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The FRAME argument of `dit gbcs decode`: hex digits given inline or read from `@FILE`.
 * Whitespace (spaces, tabs, line breaks) anywhere is ignored; anything else that is not a hex
 * digit is a UserError naming where it is (character, and line/column in a file).
 */
import { readFileSync, statSync } from 'node:fs';
import { UserError } from './user-error.ts';

export interface HexInput {
  /** What the bytes came from: a file path, or "the FRAME argument". */
  readonly source: string;
  readonly bytes: Uint8Array;
}

const HEX = /[0-9A-Fa-f]/;
const SPACE = /\s/;

/** Reads `HEX` or `@FILE` into bytes. @throws UserError for a missing file or malformed hex. */
export function readHexInput(argument: string): HexInput {
  if (argument.startsWith('@')) {
    const file = argument.slice(1);
    if (file === '') throw new UserError('"@" must be followed by a file name, e.g. @message.hex');
    return { source: file, bytes: parseHexText(readTextFile(file), file, true) };
  }
  return { source: 'the FRAME argument', bytes: parseHexText(argument, 'the FRAME argument', false) };
}

function readTextFile(file: string): string {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new UserError(`frame file ${file} does not exist (give @FILE with a file holding the frame as hex, or the hex itself)`);
  }
  if (!isFile) throw new UserError(`frame file ${file} is not a file`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read frame file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * Hex digits with whitespace ignored.
 * @param multiline report line and column too (a file).
 */
export function parseHexText(text: string, source: string, multiline: boolean): Uint8Array {
  const digits: string[] = [];
  let line = 1;
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    column++;
    if (ch === '\n') {
      line++;
      column = 0;
      continue;
    }
    if (SPACE.test(ch)) continue;
    if (!HEX.test(ch)) {
      const where = multiline ? `line ${line}, column ${column} (character ${i + 1})` : `character ${i + 1}`;
      throw new UserError(`invalid hex in ${source} at ${where}: ${JSON.stringify(ch)} is not a hex digit (expected 0-9, A-F; whitespace is ignored)`);
    }
    digits.push(ch);
  }
  if (digits.length === 0) throw new UserError(`no hex digits in ${source}: expected a GBCS frame as hex (DD 00 ... or DF 09 ...)`);
  if (digits.length % 2 !== 0) {
    throw new UserError(`invalid hex in ${source}: odd number of hex digits (${digits.length}), the last byte is incomplete`);
  }
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(`${digits[2 * i]}${digits[2 * i + 1]}`, 16);
  return bytes;
}
