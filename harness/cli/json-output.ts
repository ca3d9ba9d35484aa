// SPDX-License-Identifier: GPL-3.0-or-later
/** JSON for the terminal: bigints as decimal strings, bytes as upper-case hex. */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'bigint') return v.toString();
      if (v instanceof Uint8Array) return Buffer.from(v).toString('hex').toUpperCase();
      return v;
    },
    indent,
  );
}
