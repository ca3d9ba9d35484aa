// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A plan item: one test case on one combination, with the id the harness owns. What a cycle
 * runs is a list of them; shards, resumes and merged ledgers all speak in these ids.
 */
import type { TestCaseMeta } from '../dit/test-case-meta.ts';
import type { Combination } from './combination.ts';
import { planItemId } from './derive.ts';

export interface PlanItem {
  readonly id: string;
  readonly testCase: string;
  readonly combination: Combination;
  /**
   * What the emulated premises is made of for this item: programme ids of the comms hub release
   * and the meter model and release (null fields: the premises description's own values).
   */
  readonly devices: PlanDevices;
}

export interface PlanDevices {
  readonly commsHub: { readonly vendorId: string; readonly releaseId: string | null };
  readonly meter: { readonly modelId: string; readonly releaseId: string | null };
}

export function makePlanItem(testCase: TestCaseMeta, combination: Combination, devices: PlanDevices): PlanItem {
  return { id: planItemId(combination, testCase.id), testCase: testCase.id, combination, devices };
}
