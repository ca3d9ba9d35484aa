// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Canonical JSON: the text form the ledger stores JSON columns in. Object keys are sorted, so
 * two equal values always have the same text (which makes "is this the same record?" a string
 * comparison); properties whose value is `undefined` are left out, as JSON.stringify does.
 * Anything JSON cannot hold faithfully is refused with the path to it, rather than silently
 * turned into something else: bigint, non-finite numbers, functions, symbols, class instances
 * (Date, Map, Uint8Array...), `undefined` in an array, cycles.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export class JsonShapeError extends Error {
  constructor(
    /** Where the offending value sits, e.g. `trace[3].gbcs`; empty for the value itself. */
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path === '' ? 'value' : path}: ${expected}`);
    this.name = 'JsonShapeError';
  }
}

/** The canonical JSON text of `value`, or a JsonShapeError naming what is not JSON. */
export function canonicalJson(value: unknown, path = ''): string {
  return write(value, path, []);
}

/** Parses JSON text read back from the ledger. */
export function parseJson(text: string): JsonValue {
  return JSON.parse(text) as JsonValue;
}

function write(value: unknown, path: string, ancestors: object[]): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new JsonShapeError(path, `expected a finite number, got ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (ancestors.includes(value)) throw new JsonShapeError(path, 'expected JSON, got a cycle');
      const inner = [...ancestors, value];
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i++) {
          const itemPath = `${path}[${i}]`;
          const item: unknown = value[i];
          if (item === undefined) throw new JsonShapeError(itemPath, 'expected a JSON value, got undefined');
          items.push(write(item, itemPath, inner));
        }
        return `[${items.join(',')}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'an object with a prototype';
        throw new JsonShapeError(path, `expected a plain object, got ${name} (convert it first: dates to ISO strings, bytes to hex)`);
      }
      const record = value as Record<string, unknown>;
      const members: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const member = record[key];
        if (member === undefined) continue;
        members.push(`${JSON.stringify(key)}:${write(member, path === '' ? key : `${path}.${key}`, inner)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new JsonShapeError(path, `expected a JSON value, got ${typeof value}`);
  }
}
