// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { failureFrom } from '../cycle/failure.ts';
import type { LedgerExecution } from '../ledger/ledger.ts';
import { failureSignatures, verdictOf } from './execution-verdict.ts';
import { combo } from './testing/synthetic-ledger.ts';

const execution = (outcome: LedgerExecution['outcome'], failure: LedgerExecution['failure']): LedgerExecution => ({
  id: 'E1',
  runId: 'R1',
  planItemId: 'PI-1',
  testCase: 'READ-1',
  combination: combo('TOSH 12.26', 'MM1 E470 1.4'),
  attempt: 1,
  outcome,
  virtualDurationMs: 0,
  wallDurationMs: 0,
  failure,
  trace: [],
  traceHash: 'h',
  seed: 's',
});

describe('execution verdicts', () => {
  it('makes product failures faults, one per distinct failed expectation, with their lines', () => {
    const failure = failureFrom('READ-1', ['expected 5 to be 6 (device 00DB1234567890A0)', 'MAC: expected invalid to be valid']);
    expect(verdictOf(execution('failed', failure))).toEqual({
      kind: 'product',
      faults: [
        { signature: failure.signatures[0], line: 'expected 5 to be 6 (device <eui>)' },
        { signature: failure.signatures[1], line: 'MAC: expected invalid to be valid' },
      ],
    });
  });

  it('sets environment and harness failures apart whatever their outcome, and passes and skips apart', () => {
    expect(verdictOf(execution('failed', failureFrom('READ-1', ['HTTP 503 from the DCC edge']))).kind).toBe('environment');
    expect(verdictOf(execution('error', failureFrom('READ-1', ['HTTP 502 from the DCC edge']))).kind).toBe('environment');
    expect(verdictOf(execution('error', failureFrom('READ-1', ['expected 5 to be 6']))).kind).toBe('harness');
    expect(verdictOf(execution('failed', { message: 'x', signature: 's', category: 'weather' })).kind).toBe('harness');
    expect(verdictOf(execution('passed', null))).toEqual({ kind: 'passed' });
    expect(verdictOf(execution('skipped', null))).toEqual({ kind: 'not-run' });
  });

  it('reads the signatures of a failure, first `signature`, without repeats or junk', () => {
    expect(failureSignatures({ message: '', signature: 'a', category: 'product' })).toEqual(['a']);
    expect(failureSignatures({ message: '', signature: 'a', category: 'product', signatures: ['b', 'a', 3, ''] } as never)).toEqual(['a', 'b']);
  });
});
