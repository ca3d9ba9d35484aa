// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A control point (`control-points.json`): a dated go/no-go assessment. This file holds what it
 * assesses (each item with an id and, where it helps, the models, manufacturers, cycles and bands
 * it is about), the consequences and options the programme stated with it, and its criteria
 * (control-point-criterion.ts: the rules harness/control-point/ evaluates, with waivers).
 */
import { z } from 'zod';
import { CriterionSchema } from './control-point-criterion.ts';
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

/**
 * How the options analysis (harness/control-point/options-analysis.ts) judges an option: the
 * programme's five options each have their own rule over the assessment.
 */
export const OPTION_RULES = ['continue', 'pause', 'declare-complete', 'complete-with-emulators', 'close'] as const;
export const OptionRuleSchema = z.enum(OPTION_RULES);
export type OptionRule = z.infer<typeof OptionRuleSchema>;

export const DecisionOptionSchema = z
  .strictObject({ ...entityFields, title: z.string().min(1), description: z.string().min(1), rule: OptionRuleSchema.optional() })
  .superRefine(checkIllustrativeFields);
export type DecisionOption = z.infer<typeof DecisionOptionSchema>;

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
    criteria: z.array(CriterionSchema).default([]),
  })
  .superRefine(checkIllustrativeFields);

export type ControlPoint = z.infer<typeof ControlPointSchema>;
