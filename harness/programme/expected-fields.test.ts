// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectedFields } from './expected-fields.ts';

const Shape = z.strictObject({
  name: z.string(),
  settings: z.strictObject({ a: z.number(), b: z.number() }).optional(),
  items: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('x'), size: z.number() }),
      z.strictObject({ kind: z.literal('y'), colour: z.string(), nested: z.strictObject({ depth: z.number() }) }),
    ]),
  ),
});

describe('expectedFields', () => {
  it('names the fields at the top, inside an optional object and inside the union option the document picks', () => {
    const doc = { name: 'n', settings: { a: 1, c: 2 }, items: [{ kind: 'x', sise: 1 }, { kind: 'y', colour: 'red', nested: { dept: 1 } }] };
    expect(expectedFields(Shape, doc, [])).toEqual(['name', 'settings', 'items']);
    expect(expectedFields(Shape, doc, ['settings'])).toEqual(['a', 'b']);
    expect(expectedFields(Shape, doc, ['items', 0])).toEqual(['kind', 'size']);
    expect(expectedFields(Shape, doc, ['items', 1])).toEqual(['kind', 'colour', 'nested']);
    expect(expectedFields(Shape, doc, ['items', 1, 'nested'])).toEqual(['depth']);
  });

  it('says nothing where the schema cannot tell (an unknown discriminator, a path that leads nowhere)', () => {
    const doc = { name: 'n', items: [{ kind: 'z' }] };
    expect(expectedFields(Shape, doc, ['items', 0])).toBeUndefined();
    expect(expectedFields(Shape, doc, ['nothing', 'here'])).toBeUndefined();
  });
});
