// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DUIS command variants [V: DOMAIN.md; @smartdcc/duis-parser lookupCV]:
 * 1–3 non-critical (WAN / local / both), 4 critical → pre-command returned for signing,
 * 5–7 signed pre-command (WAN / local / both), 8 non-device service.
 */
import { lookupCV } from '@smartdcc/duis-parser';

export type CommandVariantNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export function isCommandVariantNumber(n: unknown): n is CommandVariantNumber {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 8;
}

/** The DUIS web service a command variant goes to: Send Command, Transform or Non-Device. */
export type DuisWebService = 'Send Command Service' | 'Transform Service' | 'Non-Device Service';

export function webServiceFor(cv: CommandVariantNumber): DuisWebService {
  return lookupCV(cv).webService;
}

/** Critical (signed pre-command) variants 5–7. */
export function isSignedPreCommandVariant(cv: CommandVariantNumber): boolean {
  return cv >= 5 && cv <= 7;
}
