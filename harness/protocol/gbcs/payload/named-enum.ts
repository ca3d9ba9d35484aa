// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Enumerations carried as numbers on the wire and as names in typed fields. A code without a
 * known name keeps a lossless fallback name `<prefix>-<code>` (e.g. "data-access-result-42"), so
 * every byte value decodes and re-encodes exactly.
 */
import { PayloadEncodeError } from './payload-errors.ts';

export interface NamedEnum<N extends string> {
  /** Name of a code, or `<prefix>-<code>` when the code has no name. */
  nameOf(code: number): N | `${string}-${number}`;
  /** Code of a name (known or fallback form); throws PayloadEncodeError for anything else. */
  codeOf(name: string, field: string): number;
  /** The known names with their codes. */
  readonly entries: ReadonlyArray<readonly [N, number]>;
}

export function namedEnum<const T extends Record<string, number>>(
  prefix: string,
  table: T,
): NamedEnum<Extract<keyof T, string>> {
  type N = Extract<keyof T, string>;
  const byCode = new Map<number, N>();
  const entries: Array<readonly [N, number]> = [];
  for (const [name, code] of Object.entries(table) as Array<[N, number]>) {
    byCode.set(code, name);
    entries.push([name, code] as const);
  }
  const fallback = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`);
  return {
    entries,
    nameOf(code: number) {
      return byCode.get(code) ?? (`${prefix}-${code}` as const);
    },
    codeOf(name: string, field: string) {
      const known = (table as Record<string, number>)[name];
      if (known !== undefined && Object.prototype.hasOwnProperty.call(table, name)) return known;
      const m = fallback.exec(name);
      if (m) return Number(m[1]);
      throw new PayloadEncodeError(
        field,
        `one of ${entries.map(([n]) => n).join(', ')} or "${prefix}-<code>"`,
        JSON.stringify(name),
      );
    },
  };
}
