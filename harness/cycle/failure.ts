// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A failed execution's failure as the ledger keeps it: the message a person reads, and
 * signatures in which identities, counters and times are normalised away so that the same fault
 * on two combinations or in two runs reads the same (harness/defects deduplicates on them).
 *
 * One signature per distinct failed expectation: vitest reports each failed expectation of a
 * test (a failed `expect`, every failed `expect.soft`) as one error, and the signature of an
 * error is a hash of the test case id and the normalised first line of its message. So two
 * faults in one test are two signatures, and the same fault twice is one. `signature` is the
 * first of `signatures` (the ledger indexes it).
 */
import { createHash } from 'node:crypto';

export type FailureCategory = 'product' | 'environment' | 'harness';

export interface ExecutionFailure {
  /** Every error message of the execution, joined by newlines. */
  readonly message: string;
  /** The first of `signatures`. */
  readonly signature: string;
  /** One per distinct failed expectation, in the order the errors came; never empty. */
  readonly signatures: readonly string[];
  readonly category: FailureCategory;
}

const NORMALISERS: ReadonlyArray<[RegExp, string]> = [
  [/\b[0-9A-F]{2}(-[0-9A-F]{2}){7}\b/gi, '<eui>'],
  [/\b[0-9A-F]{16}\b/g, '<eui>'],
  [/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?\b/g, '<time>'],
  [/\b\d{10,}\b/g, '<n>'],
  [/\b[0-9a-f]{32,}\b/gi, '<hex>'],
  [/\s+/g, ' '],
];

/** The failure line as a person reads it: identities, counters and times normalised away. */
export function normaliseFailureText(text: string): string {
  return NORMALISERS.reduce((t, [re, by]) => t.replace(re, by), text).trim();
}

/**
 * The values an expectation compared are left out of its identity too: the same check failing
 * with other values (a wrong version reported by 1.1.0 and again by 1.2.0, a window of another
 * length) is the same fault; a different check failing is another.
 */
const VALUE_NORMALISERS: ReadonlyArray<[RegExp, string]> = [
  [/'(?:[^'\\]|\\.)*'/g, '<value>'],
  [/"(?:[^"\\]|\\.)*"/g, '<value>'],
  [/(?<![\w.<])-?\d+(?:\.\d+)?(?![\w.>])/g, '<n>'],
];

export function failureIdentityText(text: string): string {
  return VALUE_NORMALISERS.reduce((t, [re, by]) => t.replace(re, by), normaliseFailureText(text));
}

/**
 * Environment failures never become device defects: transport errors (the DCC unreachable, a
 * socket reset), HTTP 5xx from the DCC edge, and a canary request to the DCC that failed before
 * the test, and anything that failed while the run's DCC edge fault schedule struck (a lost alert
 * times out like a silent device: the worker adds the schedule's log to the message, see
 * harness/dit/dit-case.ts). An environment failure anywhere in the messages makes the whole execution one: what
 * failed after it is a consequence, not evidence about the device.
 */
export function categoriseFailure(message: string): FailureCategory {
  if (/\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|socket hang up|fetch failed)\b/i.test(message)) return 'environment';
  if (/\bcould not reach the DCC\b/i.test(message)) return 'environment';
  if (/\bHTTP(?: status)?[ /]?5\d\d\b/i.test(message)) return 'environment';
  if (/\bcanary\b/i.test(message)) return 'environment';
  // the run's DCC edge fault schedule struck during the execution (harness/transport/dcc-edge-injector.ts)
  if (/\binjected DCC edge fault\b/i.test(message)) return 'environment';
  if (/\b(TypeError|ReferenceError|SyntaxError)\b/.test(message)) return 'harness';
  return 'product';
}

/** The signature of one failed expectation: test case id + the normalised first line of its message. */
export function signatureOf(testCaseId: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? '';
  return createHash('sha256').update(`${testCaseId}\n${failureIdentityText(firstLine)}`).digest('hex').slice(0, 16);
}

export function failureFrom(testCaseId: string, messages: readonly string[]): ExecutionFailure {
  const message = messages.join('\n');
  const signatures = [...new Set((messages.length === 0 ? [''] : messages).map((m) => signatureOf(testCaseId, m)))];
  return { message, signature: signatures[0] as string, signatures, category: categoriseFailure(message) };
}

/**
 * The normalised line each of `signatures` was made from, found again in the recorded
 * (joined) message: one of its lines hashes to each signature. A signature no line of the
 * message produces (a failure recorded by other code) maps to the message's first line.
 */
export function signatureLines(testCaseId: string, message: string, signatures: readonly string[]): ReadonlyMap<string, string> {
  const byHash = new Map<string, string>();
  for (const line of message.split('\n')) {
    const signature = signatureOf(testCaseId, line);
    if (!byHash.has(signature)) byHash.set(signature, normaliseFailureText(line));
  }
  const fallback = normaliseFailureText(message.split('\n')[0] ?? '');
  return new Map(signatures.map((s) => [s, byHash.get(s) ?? fallback]));
}
