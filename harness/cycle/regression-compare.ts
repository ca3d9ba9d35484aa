// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * End-of-Cycle regression against a baseline: for each test case on each slot (comms hub
 * vendor × meter model × band — firmware versions may differ between the cycles, that is the
 * point), what is a new failure, what was fixed, what still fails, and what is new or no
 * longer covered. The final attempt of each execution counts.
 */
import type { LedgerExecution } from '../ledger/records.ts';
import type { Combination } from './combination.ts';

export interface RegressionLine {
  readonly testCase: string;
  /** `WNC × MM2-G24-OPT2 @ 2.4GHz`. */
  readonly slot: string;
  readonly baseline: string | null;
  readonly current: string | null;
  /** The firmware on each side: `WNC 1.9 × MM2-G24-OPT2 1.1.0`. */
  readonly baselineFirmware: string | null;
  readonly currentFirmware: string | null;
}

export interface RegressionComparison {
  readonly newFailures: RegressionLine[];
  readonly fixed: RegressionLine[];
  readonly stillFailing: RegressionLine[];
  readonly stillPassing: number;
  readonly newlyCovered: RegressionLine[];
  readonly notRerun: RegressionLine[];
}

function slotOf(c: Combination): string {
  return `${c.commsHub.vendor} × ${c.meter.model} @ ${c.band}`;
}

function firmwareOf(c: Combination): string {
  return `${c.commsHub.vendor} ${c.commsHub.firmware} × ${c.meter.model} ${c.meter.firmware}`;
}

/** The final outcome of each (test case, slot). */
function finals(executions: readonly LedgerExecution[]): Map<string, { outcome: string; firmware: string; testCase: string; slot: string }> {
  const best = new Map<string, { attempt: number; outcome: string; firmware: string; testCase: string; slot: string }>();
  for (const e of executions) {
    const slot = slotOf(e.combination as Combination);
    const key = `${e.testCase}\n${slot}`;
    const seen = best.get(key);
    if (!seen || e.attempt >= seen.attempt) best.set(key, { attempt: e.attempt, outcome: e.outcome, firmware: firmwareOf(e.combination as Combination), testCase: e.testCase, slot });
  }
  return best;
}

export function compareWithBaseline(current: readonly LedgerExecution[], baseline: readonly LedgerExecution[]): RegressionComparison {
  const now = finals(current);
  const before = finals(baseline);
  const result: RegressionComparison = { newFailures: [], fixed: [], stillFailing: [], stillPassing: 0, newlyCovered: [], notRerun: [] };
  for (const [key, c] of now) {
    const b = before.get(key);
    const line: RegressionLine = {
      testCase: c.testCase,
      slot: c.slot,
      baseline: b?.outcome ?? null,
      current: c.outcome,
      baselineFirmware: b?.firmware ?? null,
      currentFirmware: c.firmware,
    };
    if (!b) result.newlyCovered.push(line);
    else if (c.outcome === 'failed' && b.outcome !== 'failed') result.newFailures.push(line);
    else if (c.outcome === 'passed' && b.outcome === 'failed') result.fixed.push(line);
    else if (c.outcome === 'failed' && b.outcome === 'failed') result.stillFailing.push(line);
    else if (c.outcome === 'passed' && b.outcome === 'passed') (result as { stillPassing: number }).stillPassing += 1;
  }
  for (const [key, b] of before) {
    if (!now.has(key)) result.notRerun.push({ testCase: b.testCase, slot: b.slot, baseline: b.outcome, current: null, baselineFirmware: b.firmware, currentFirmware: null });
  }
  return result;
}
