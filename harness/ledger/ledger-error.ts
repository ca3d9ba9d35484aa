// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The one error the ledger throws on purpose. Its message names the ledger file, what was
 * found and what was expected, and says what to do next; `code` lets a caller (the CLI) tell
 * input errors (exit 2) from the rest without parsing the message.
 */

export type LedgerErrorCode =
  /** The path is absent and the ledger was opened read-only (or is a merge source). */
  | 'missing'
  /** The path exists but is not a regular file. */
  | 'not-a-file'
  /** The file is not a SQLite database (e.g. random bytes). */
  | 'not-sqlite'
  /** The file is a SQLite database, but not a dit ledger. */
  | 'not-a-ledger'
  /** A dit ledger whose schema is newer than this code knows. */
  | 'newer-schema'
  /** A dit ledger whose schema is older than this code and that cannot be migrated here. */
  | 'older-schema'
  /** A dit ledger whose recorded migrations differ from this code's, or that SQLite reports damaged. */
  | 'damaged'
  /** A write on a ledger opened read-only. */
  | 'readonly'
  /** A call on a closed ledger. */
  | 'closed'
  /** A record that does not have the expected shape. */
  | 'invalid-record'
  /** A record that refers to a run the ledger does not hold. */
  | 'unknown-run'
  /** An execution or finish for a run that has already finished. */
  | 'run-finished'
  /** A record whose id or key is already taken by a different record. */
  | 'conflict'
  /** SQLite failed below the ledger (disk full, busy beyond the timeout, permissions...). */
  | 'sqlite';

export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    /** Absolute path of the ledger file concerned. */
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
    this.name = 'LedgerError';
  }
}
