// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a DIT test case says about itself: the metadata the planner, the ledger, the defects
 * and the Allure labels all read. Declared once, next to the test, in the suite.
 */
import type { BenchCapability } from '../bench/bench.ts';

export type DeviceType = 'ESME' | 'GSME' | 'CHF' | 'GPF';
export type Band = '2.4GHz' | '868MHz';
export type TestTag = 'confidence' | 'formal' | 'regression' | 'smoke';
/** DIT severity a failure of this case means (DOMAIN.md): 1 blocking … 4 cosmetic. */
export type Severity = 1 | 2 | 3 | 4;

export interface TestCaseMeta {
  /** Stable id, e.g. "READ-ESME-ECS17b". Never reuse an id for a different check. */
  readonly id: string;
  /** GBCS use case, e.g. "ECS17b". */
  readonly useCase: string;
  /** DUIS service reference variant, e.g. "4.1.1"; "NA" for an alert no service request causes (as RTDS names them). */
  readonly srv: string;
  readonly deviceTypes: readonly DeviceType[];
  readonly bands: readonly Band[];
  readonly tags: readonly TestTag[];
  readonly severity: Severity;
  /** One line a test engineer reads in a report. */
  readonly title: string;
  /** Bench capabilities the test needs; on a target lacking one it is skipped with the reason. */
  readonly needs?: readonly BenchCapability[];
}

/** The srv of a test case about an alert that no service request causes (RTDS folder prefix NA_). */
export const NO_SRV = 'NA';

const ID_PATTERN = /^[A-Z0-9][A-Z0-9._-]*$/;

/** Checks a test case's metadata, naming the field that is wrong. */
export function validateTestCaseMeta(meta: TestCaseMeta): TestCaseMeta {
  const problems: string[] = [];
  if (!ID_PATTERN.test(meta.id)) problems.push(`id "${meta.id}" must be upper-case letters, digits, . _ -`);
  if (!/^[A-Z]+[0-9A-Za-z]*$/.test(meta.useCase)) problems.push(`useCase "${meta.useCase}" is not a GBCS use case name`);
  if (meta.srv !== NO_SRV && !/^\d+(\.\d+)*$/.test(meta.srv)) problems.push(`srv "${meta.srv}" is not a service reference variant like 4.1.1 (or ${NO_SRV} for an alert)`);
  if (meta.deviceTypes.length === 0) problems.push('deviceTypes is empty');
  if (meta.bands.length === 0) problems.push('bands is empty');
  if (![1, 2, 3, 4].includes(meta.severity)) problems.push(`severity ${String(meta.severity)} is not 1..4`);
  if (problems.length > 0) throw new Error(`test case ${meta.id}: ${problems.join('; ')}`);
  return meta;
}
