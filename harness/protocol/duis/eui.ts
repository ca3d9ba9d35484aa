// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * EUI-64 as DUIS writes it: eight octets, two hex digits each, separated by dashes
 * (`90-B3-D5-1F-30-01-00-00`). DUIS treats it case-insensitively; the harness keeps the
 * upper-case form as canonical. The GBCS layer writes the same identifier as 16 hex digits
 * without separators (frame-types.ts `Eui64`); both forms convert here.
 */

/** An EUI-64 in DUIS form, upper case: `00-DB-12-34-56-78-90-A0`. */
export type DuisEui = string;

const DASHED = /^[0-9a-f]{2}(?:-[0-9a-f]{2}){7}$/i;
const PLAIN = /^[0-9a-f]{16}$/i;

export function isDuisEui(text: string): boolean {
  return DASHED.test(text);
}

/**
 * Canonical DUIS form of an EUI given dashed (any case) or as 16 hex digits; null when it is
 * neither.
 */
export function tryDuisEui(text: string): DuisEui | null {
  const t = text.trim();
  if (DASHED.test(t)) return t.toUpperCase();
  if (PLAIN.test(t)) return t.toUpperCase().match(/../g)!.join('-');
  return null;
}

/** Like tryDuisEui but throws a plain Error naming the bad value (for programmer input). */
export function toDuisEui(text: string): DuisEui {
  const eui = tryDuisEui(text);
  if (eui === null) {
    throw new Error(
      `not an EUI-64: ${JSON.stringify(text)}; expected 8 octets as 90-B3-D5-1F-30-01-00-00 or 90B3D51F30010000`,
    );
  }
  return eui;
}

/** The GBCS form (16 upper-case hex digits, no separators) of a DUIS EUI. */
export function duisEuiToHex(eui: string): string {
  return toDuisEui(eui).replace(/-/g, '');
}

export function sameEui(a: string, b: string): boolean {
  const x = tryDuisEui(a);
  return x !== null && x === tryDuisEui(b);
}
