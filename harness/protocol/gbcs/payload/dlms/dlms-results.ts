// SPDX-License-Identifier: GPL-3.0-or-later
/** DLMS result enumerations carried in Access-Response specifications (DLMS Green Book). */
import { namedEnum } from '../named-enum.ts';

/** The results data-access-result and action-result share (codes 0..14; both end with other-reason 250). */
const COMMON_RESULTS = {
  success: 0,
  'hardware-fault': 1,
  'temporary-failure': 2,
  'read-write-denied': 3,
  'object-undefined': 4,
  'object-class-inconsistent': 9,
  'object-unavailable': 11,
  'type-unmatched': 12,
  'scope-of-access-violated': 13,
  'data-block-unavailable': 14,
} as const;

export const DataAccessResults = namedEnum('data-access-result', {
  ...COMMON_RESULTS,
  'long-get-aborted': 15,
  'no-long-get-in-progress': 16,
  'long-set-aborted': 17,
  'no-long-set-in-progress': 18,
  'data-block-number-invalid': 19,
  'other-reason': 250,
});
export type DataAccessResult = ReturnType<typeof DataAccessResults.nameOf>;

export const ActionResults = namedEnum('action-result', {
  ...COMMON_RESULTS,
  'long-action-aborted': 15,
  'no-long-action-in-progress': 16,
  'other-reason': 250,
});
export type ActionResult = ReturnType<typeof ActionResults.nameOf>;
