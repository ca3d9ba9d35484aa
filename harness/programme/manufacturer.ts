// SPDX-License-Identifier: GPL-3.0-or-later
/** A meter manufacturer (`manufacturers.json`): who makes a device model, on which chipset. */
import { z } from 'zod';
import { checkIllustrativeFields, entityFields } from './programme-fields.ts';

export const ManufacturerSchema = z
  .strictObject({
    ...entityFields,
    /** As the programme names it, e.g. "Meter Manufacturer 1" (the source anonymises them). */
    name: z.string().min(1),
    /** The radio chipset its meters are built on, e.g. "NXP", "Silicon Labs". */
    chipset: z.string().min(1),
  })
  .superRefine(checkIllustrativeFields);

export type Manufacturer = z.infer<typeof ManufacturerSchema>;
