// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One line for a GbcsDecodeError as `dit gbcs decode` reports it:
 * "truncated frame: at byte 37 (content length) expected 110 bytes, found 12 left (the frame is 49 bytes)".
 */
import { GbcsDecodeError } from '../protocol/gbcs/errors.ts';

/** What went wrong, from the error's expected/found: truncated, trailing bytes, or malformed. */
export function decodeProblem(e: GbcsDecodeError): 'truncated' | 'trailing bytes' | 'malformed' {
  if (e.found !== undefined && /^\d+ (left|bytes?)$/.test(e.found) && /^\d+ (more )?bytes?$/.test(e.expected)) return 'truncated';
  if (e.expected === 'end of data') return 'trailing bytes';
  return 'malformed';
}

/** The decode error as one line; `what` names the thing decoded ("frame", "payload"). */
export function decodeErrorText(e: GbcsDecodeError, what: 'frame' | 'payload', length: number): string {
  const problem = decodeProblem(e);
  const head = problem === 'truncated' ? `truncated ${what}` : problem === 'trailing bytes' ? `${what} has trailing bytes` : `malformed ${what}`;
  const field = e.field.startsWith('payload ') ? e.field.slice('payload '.length) : e.field;
  const at = what === 'payload' ? `payload byte ${e.offset}` : `byte ${e.offset}`;
  return `${head}: at ${at} (${field}) expected ${e.expected}${e.found === undefined ? '' : `, found ${e.found}`} (the ${what} is ${length} byte${length === 1 ? '' : 's'})`;
}
