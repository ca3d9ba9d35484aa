// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The fields a strict zod schema allows at a place in a JSON document: what an "unknown field"
 * error names as expected. The schema is walked along the path (objects, optional and nullable
 * wrappers, arrays, and discriminated unions — the option the document's own discriminator value
 * picks); undefined when the path leads nowhere the schema can say (an unknown discriminator).
 */
import type { z } from 'zod';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly in?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
  readonly values?: readonly unknown[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema without optional, nullable, default and pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
}

/** The object schema `schema` stands for at `value` (a union's option chosen by the value's discriminator). */
function objectAt(schema: z.ZodType, value: unknown): Def | undefined {
  const def = defOf(unwrap(schema));
  if (def.type === 'object') return def;
  if (def.type !== 'union' || !def.options || def.discriminator === undefined) return undefined;
  const key = def.discriminator;
  const wanted = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  for (const option of def.options) {
    const o = objectAt(option, value);
    const literal = o?.shape?.[key];
    if (literal && defOf(unwrap(literal)).values?.includes(wanted)) return o;
  }
  return undefined;
}

/** The fields allowed at `path` of `document` under `schema`, in the schema's order. */
export function expectedFields(schema: z.ZodType, document: unknown, path: readonly PropertyKey[]): string[] | undefined {
  let current: z.ZodType | undefined = schema;
  let value = document;
  for (const step of path) {
    if (!current) return undefined;
    const def = defOf(unwrap(current));
    current = def.type === 'array' ? def.element : objectAt(current, value)?.shape?.[String(step)];
    value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  }
  const found = current && objectAt(current, value);
  return found?.shape ? Object.keys(found.shape) : undefined;
}
