// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A control point (`control-points.json`): a dated go/no-go assessment. This file holds what it
 * assesses (each item with an id and, where it helps, the models, manufacturers, cycles and bands
 * it is about), the consequences and options the programme stated with it, and a place for the
 * criteria — their rules, thresholds and waivers are the control-point issue's to define, so each
 * criterion is only required to carry an id here.
 */
import { z } from 'zod';
import { ProgrammeDateSchema } from './programme-date.ts';
import { BandsSchema, checkIllustrativeFields, EntityIdSchema, entityFields } from './programme-fields.ts';

const ids = z.array(EntityIdSchema).min(1);

export const AssessmentItemSchema = z
  .strictObject({
    ...entityFields,
    text: z.string().min(1),
    subject: z
      .strictObject({
        manufacturers: ids.optional(),
        models: ids.optional(),
        cycles: ids.optional(),
        bands: BandsSchema.optional(),
      })
      .optional(),
  })
  .superRefine(checkIllustrativeFields);
export type AssessmentItem = z.infer<typeof AssessmentItemSchema>;

export const DecisionOptionSchema = z
  .strictObject({ ...entityFields, title: z.string().min(1), description: z.string().min(1) })
  .superRefine(checkIllustrativeFields);
export type DecisionOption = z.infer<typeof DecisionOptionSchema>;

/** Placeholder for the control-point issue: an id and whatever fields it defines. */
export const CriterionPlaceholderSchema = z.looseObject({ id: EntityIdSchema });

export const ControlPointSchema = z
  .strictObject({
    ...entityFields,
    date: ProgrammeDateSchema,
    title: z.string().min(1),
    assesses: z.array(AssessmentItemSchema).min(1),
    consequences: z.array(z.string().min(1)).default([]),
    risks: z.array(z.string().min(1)).default([]),
    /** What the programme may do when the assessment fails. */
    options: z.array(DecisionOptionSchema).default([]),
    criteria: z.array(CriterionPlaceholderSchema).default([]),
  })
  .superRefine(checkIllustrativeFields);

export type ControlPoint = z.infer<typeof ControlPointSchema>;
