// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Typed payload fields (and the generic payload tree) as indented text, YAML-like: objects as
 * `key: value` lines, arrays as `- ` items, bigints as decimals, bytes as upper-case hex.
 */

const MAX_INLINE = 100;

function scalarText(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (value === undefined) return '-';
  if (typeof value === 'string') return value === '' || /^\s|\s$|^[-{[]/.test(value) ? JSON.stringify(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return value.length === 0 ? '(0 bytes)' : `${hex(value)} (${value.length} byte${value.length === 1 ? '' : 's'})`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString();
  return undefined;
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out.toUpperCase();
}

function entriesOf(value: object): Array<[string, unknown]> {
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [String(k), v]);
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

/** Short one-line form for small arrays of scalars and empty containers. */
function inlineText(value: unknown): string | undefined {
  const scalar = scalarText(value);
  if (scalar !== undefined) return scalar;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const parts = value.map((v) => scalarText(v));
    if (parts.every((p): p is string => p !== undefined)) {
      const text = `[${parts.join(', ')}]`;
      if (text.length <= MAX_INLINE) return text;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null && entriesOf(value).length === 0) return '{}';
  return undefined;
}

/** The lines of `value`, each indented by `indent` spaces. */
export function fieldLines(value: unknown, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  const inline = inlineText(value);
  if (inline !== undefined) return [`${pad}${inline}`];
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const itemInline = inlineText(item);
      if (itemInline !== undefined) {
        lines.push(`${pad}- ${itemInline}`);
        continue;
      }
      const inner = fieldLines(item, indent + 2);
      // first line of the item goes after the dash
      lines.push(`${pad}- ${(inner[0] ?? '').trimStart()}`, ...inner.slice(1));
    }
    return lines;
  }
  for (const [key, v] of entriesOf(value as object)) {
    const vInline = inlineText(v);
    if (vInline !== undefined) lines.push(`${pad}${key}: ${vInline}`);
    else lines.push(`${pad}${key}:`, ...fieldLines(v, indent + 2));
  }
  return lines;
}
