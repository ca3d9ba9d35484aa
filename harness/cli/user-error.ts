// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A mistake in what the user gave (an option, a file, a request): printed as one clear message
 * naming the thing and what was expected, never as a stack trace; the CLI exits 2.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** CLI exit codes (DEVELOPERS.md): 0 ok, 1 tests or control point failed, 2 usage or input error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
