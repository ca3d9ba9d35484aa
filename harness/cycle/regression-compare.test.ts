// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { LedgerExecution } from '../ledger/records.ts';
import { compareWithBaseline } from './regression-compare.ts';

function exec(testCase: string, meterFirmware: string, outcome: string, attempt = 1, model = 'MM2-G24-OPT2'): LedgerExecution {
  return {
    id: `${testCase}-${meterFirmware}-${attempt}-${model}`,
    runId: 'r',
    planItemId: 'p',
    testCase,
    combination: {
      commsHub: { vendor: 'WNC', firmware: '1.9' },
      meter: { manufacturer: 'MM2', model, firmware: meterFirmware, type: 'GSME' },
      band: '2.4GHz',
    },
    attempt,
    outcome,
    virtualDurationMs: 0,
    wallDurationMs: 0,
    failure: null,
    trace: [],
    traceHash: '',
    seed: 's',
  } as unknown as LedgerExecution;
}

describe('End-of-Cycle regression against a baseline', () => {
  it('sorts each test case on each slot into new failure, fixed, still failing, new and not re-run', () => {
    const baseline = [exec('A', '1.1.0', 'failed'), exec('B', '1.1.0', 'passed'), exec('C', '1.1.0', 'failed'), exec('D', '1.1.0', 'passed'), exec('E', '1.1.0', 'passed')];
    const current = [exec('A', '1.1.1', 'passed'), exec('B', '1.1.1', 'failed'), exec('C', '1.1.1', 'failed'), exec('D', '1.1.1', 'passed'), exec('F', '1.1.1', 'passed')];
    const r = compareWithBaseline(current, baseline);
    expect(r.fixed.map((l) => l.testCase)).toEqual(['A']);
    expect(r.newFailures.map((l) => l.testCase)).toEqual(['B']);
    expect(r.stillFailing.map((l) => l.testCase)).toEqual(['C']);
    expect(r.stillPassing).toBe(1);
    expect(r.newlyCovered.map((l) => l.testCase)).toEqual(['F']);
    expect(r.notRerun.map((l) => l.testCase)).toEqual(['E']);
    expect(r.fixed[0]).toMatchObject({ baselineFirmware: 'WNC 1.9 × MM2-G24-OPT2 1.1.0', currentFirmware: 'WNC 1.9 × MM2-G24-OPT2 1.1.1' });
  });

  it('takes the final attempt of an execution', () => {
    const r = compareWithBaseline([exec('A', '1.1.1', 'failed', 1), exec('A', '1.1.1', 'passed', 2)], [exec('A', '1.1.0', 'failed')]);
    expect(r.fixed).toHaveLength(1);
  });
});
