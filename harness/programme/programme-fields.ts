// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Fields every programme entity shares: a stable id, free-text notes, and the mark that says a
 * value was invented for the fixture rather than taken from a source. Also the band and test-tag
 * vocabularies, kept equal to harness/dit/test-case-meta.ts by the type checks at the bottom.
 */
import { z } from 'zod';
import type { Band, TestTag } from '../dit/test-case-meta.ts';

/**
 * A stable id: letters, digits, `.`, `_`, `-`, starting with a letter or digit. Every id in a
 * programme folder is unique across all its files, so an id alone names one thing.
 */
export const EntityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'an id: letters, digits, ".", "_" or "-", starting with a letter or digit');

export const NotesSchema = z.string().min(1).optional();

/**
 * `true`: the whole entity is invented (illustrative) for the fixture. A list of field names:
 * only those fields' values are invented; the rest comes from the programme's source.
 */
export const IllustrativeSchema = z.union([z.literal(true), z.array(z.string().min(1)).min(1)]).optional();

/** The shared fields, spread into each entity's schema. */
export const entityFields = {
  id: EntityIdSchema,
  notes: NotesSchema,
  illustrative: IllustrativeSchema,
};

/** Checks that an `illustrative` list names fields the entity has. */
export function checkIllustrativeFields(entity: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const fields = entity['illustrative'];
  if (!Array.isArray(fields)) return;
  fields.forEach((field: string, index) => {
    if (!(field in entity) || field === 'illustrative') {
      ctx.addIssue({
        code: 'custom',
        path: ['illustrative', index],
        message: `names ${JSON.stringify(field)}, which is not a field of this entry`,
      });
    }
  });
}

export const BANDS = ['2.4GHz', '868MHz'] as const;
export const BandSchema = z.enum(BANDS);

/** A non-empty list of bands without repeats. */
export const BandsSchema = z
  .array(BandSchema)
  .min(1)
  .refine((bands) => new Set(bands).size === bands.length, 'a band is listed twice');

export const TEST_TAGS = ['confidence', 'formal', 'regression', 'smoke'] as const;
export const TestTagSchema = z.enum(TEST_TAGS);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const bandsMatch: Same<(typeof BANDS)[number], Band> = true;
const tagsMatch: Same<(typeof TEST_TAGS)[number], TestTag> = true;
void bandsMatch;
void tagsMatch;
