// SPDX-License-Identifier: GPL-3.0-or-later
/** How the CLI words a DCC answer: a response code with its DUIS title, and the emulated DCC's reason. */
import { describeResponseCode } from '../protocol/duis/response-codes.ts';

/** The reason an emulated DCC gives in its XML comment (dcc-answer.ts), if any. */
export function dccNote(body: string): string | null {
  const m = /<!-- dit emulated DCC: (.*?) -->/s.exec(body);
  return m ? m[1]!.trim() : null;
}

/** `E2 (title)` for a known response code, else the code as it came. */
export function codeText(code: string): string {
  const info = describeResponseCode(code);
  return info ? `${code} (${info.title})` : code;
}
