// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A delivery (`deliveries.json`): a number of devices of one meter model arriving somewhere (e.g.
 * the DCC lab) on a day, optionally with the firmware release they carry. A delivery dated after
 * the programme's today is an expected one; programme time counts it from its date.
 */
import { z } from 'zod';
import { ProgrammeDateSchema } from './programme-date.ts';
import { checkIllustrativeFields, EntityIdSchema, entityFields } from './programme-fields.ts';

export const DeliverySchema = z
  .strictObject({
    ...entityFields,
    /** A device model id (device-models.json). */
    model: EntityIdSchema,
    count: z.number().int().positive(),
    date: ProgrammeDateSchema,
    /** Where the devices arrive, e.g. "DCC lab". */
    where: z.string().min(1),
    /** The firmware release (of the same model) the devices arrive with. */
    firmware: EntityIdSchema.optional(),
  })
  .superRefine(checkIllustrativeFields);

export type Delivery = z.infer<typeof DeliverySchema>;
