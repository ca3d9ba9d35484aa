// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DUIS command variants [V: DOMAIN.md; @smartdcc/duis-parser lookupCV]:
 * 1–3 non-critical (WAN / local / both), 4 critical → pre-command returned for signing,
 * 5–7 signed pre-command (WAN / local / both), 8 non-device service.
 *
 * Where each one's command goes, read off duis-parser's CV table (its `output`) [V]: 1 and 5
 * "Command" (sent to the device over the SM WAN), 2 and 6 "Command for Local Delivery" (returned
 * to the user, who delivers it to the device locally; web service Non-Device, `/serviceD`), 3
 * and 7 "Command and Command for Local Delivery" (sent over the SM WAN and a copy returned to
 * the user; Send Command, `/serviceS`).
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

/** Whether the DCC returns the command to the user for local delivery (2, 3, 6, 7). */
export function returnsLocalCommand(cv: CommandVariantNumber): boolean {
  return lookupCV(cv).output.endsWith('Command for Local Delivery');
}

/** Whether the DCC sends the command to the device over the SM WAN (1, 3, 5, 7). */
export function sendsOverWan(cv: CommandVariantNumber): boolean {
  const { output } = lookupCV(cv);
  return output === 'Command' || output.startsWith('Command and ');
}
