// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A comms hub vendor (`comms-hub-vendors.json`) and the comms hub models it supplies, each with
 * its bands and the specification versions it implements (CHTS is the comms hub's own spec).
 */
import { z } from 'zod';
import { BandsSchema, checkIllustrativeFields, entityFields } from './programme-fields.ts';

export const CommsHubModelSchema = z
  .strictObject({
    ...entityFields,
    bands: BandsSchema,
    /** Comms hub technical specification, e.g. "1.1". */
    chts: z.string().regex(/^\d+\.\d+$/, 'a CHTS version such as 1.1'),
    /** GBCS version, e.g. "2.0". */
    gbcs: z.string().regex(/^\d+\.\d+$/, 'a GBCS version such as 2.0'),
  })
  .superRefine(checkIllustrativeFields);

export const CommsHubVendorSchema = z
  .strictObject({
    ...entityFields,
    /** As the programme names it, e.g. "TOSH". */
    name: z.string().min(1),
    models: z.array(CommsHubModelSchema).min(1),
  })
  .superRefine(checkIllustrativeFields);

export type CommsHubModel = z.infer<typeof CommsHubModelSchema>;
export type CommsHubVendor = z.infer<typeof CommsHubVendorSchema>;
