// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The one error the DUIS layer raises for bad input: XML that is not well formed, is not DUIS,
 * lacks an element, or carries a value DUIS does not allow. The message names the element (as a
 * path from the root, prefixes dropped: `Request/Header/RequestID`), what was expected and what
 * was found, so a log line or a test failure says what to fix without a stack trace.
 *
 * `reason` lets the emulated DCC map a parse failure to the DUIS response code it answers with
 * (see response-codes.ts) without matching on message text.
 */

export type DuisErrorReason =
  /** Not XML at all, or XML that breaks well-formedness (unclosed tag, bad entity, DOCTYPE...). */
  | 'not-well-formed'
  /** Well-formed XML whose root is not a DUIS Request/Response in the DUIS namespace. */
  | 'not-duis'
  /** A mandatory element is absent (or present more than once). */
  | 'missing-element'
  /** An element is present but its value is not one DUIS allows. */
  | 'invalid-value'
  /** ServiceReferenceVariant names no SRV in the DUIS request matrix. */
  | 'unknown-srv'
  /** RequestID / ResponseID is not `EUI:EUI:counter`. */
  | 'bad-request-id'
  /** A GBCSPayload is not valid base64. */
  | 'bad-payload';

export interface DuisErrorDetails {
  readonly reason: DuisErrorReason;
  /** Element path from the root without namespace prefixes, e.g. `Request/Header/RequestID`. */
  readonly element?: string | null;
  readonly expected?: string | null;
  readonly found?: string | null;
  /** 1-based position in the XML text, when known (well-formedness problems). */
  readonly line?: number | null;
  readonly column?: number | null;
}

const MAX_FOUND_CHARS = 80;

/** Shortens a found value for a message: long values and control characters stay readable. */
export function quoteFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? `${value.length} elements` : 'an element with children';
  const text = String(value).replace(/\s+/g, ' ');
  const short = text.length > MAX_FOUND_CHARS ? `${text.slice(0, MAX_FOUND_CHARS)}…` : text;
  return JSON.stringify(short);
}

export class DuisError extends Error {
  readonly reason: DuisErrorReason;
  readonly element: string | null;
  readonly expected: string | null;
  readonly found: string | null;
  readonly line: number | null;
  readonly column: number | null;

  constructor(details: DuisErrorDetails, message?: string) {
    super(message ?? DuisError.compose(details));
    this.name = 'DuisError';
    this.reason = details.reason;
    this.element = details.element ?? null;
    this.expected = details.expected ?? null;
    this.found = details.found ?? null;
    this.line = details.line ?? null;
    this.column = details.column ?? null;
  }

  private static compose(d: DuisErrorDetails): string {
    const where = [
      d.element ? d.element : null,
      d.line != null ? `line ${d.line}${d.column != null ? `, column ${d.column}` : ''}` : null,
    ]
      .filter(Boolean)
      .join(' at ');
    const what = [d.expected ? `expected ${d.expected}` : null, d.found != null ? `found ${d.found}` : null]
      .filter(Boolean)
      .join(', ');
    return `DUIS ${d.reason}${where ? ` (${where})` : ''}${what ? `: ${what}` : ''}`;
  }
}

export function isDuisError(e: unknown): e is DuisError {
  return e instanceof DuisError;
}
