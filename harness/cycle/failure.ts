// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A failed execution's failure as the ledger keeps it: the message a person reads, and a
 * signature in which identities, counters and times are normalised away so that the same fault
 * on two combinations or in two runs reads the same (the defects issue deduplicates on it).
 */
import { createHash } from 'node:crypto';

export type FailureCategory = 'product' | 'environment' | 'harness';

export interface ExecutionFailure {
  readonly message: string;
  readonly signature: string;
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

export function normaliseFailureText(text: string): string {
  return NORMALISERS.reduce((t, [re, by]) => t.replace(re, by), text).trim();
}

/** Environment failures never become device defects: transport errors, DCC edge 5xx. */
export function categoriseFailure(message: string): FailureCategory {
  if (/\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|socket hang up|fetch failed)\b/i.test(message)) return 'environment';
  if (/\bHTTP 5\d\d\b/.test(message)) return 'environment';
  if (/\b(TypeError|ReferenceError|SyntaxError)\b/.test(message)) return 'harness';
  return 'product';
}

export function failureFrom(testCaseId: string, messages: readonly string[]): ExecutionFailure {
  const message = messages.join('\n');
  const firstLine = (messages[0] ?? '').split('\n')[0] ?? '';
  const signature = createHash('sha256').update(`${testCaseId}\n${normaliseFailureText(firstLine)}`).digest('hex').slice(0, 16);
  return { message, signature, category: categoriseFailure(message) };
}
