// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A meter model (`device-models.json`): type, the bands its hardware supports, capability flags,
 * the specification versions it implements and, where a manufacturer sells variants, its product
 * option. Which bands a device actually uses is a property of its firmware release (a release may
 * narrow the model's bands); behaviour is gated on the capability flags, never on version labels
 * (DOMAIN.md).
 */
import { z } from 'zod';
import { BandsSchema, checkIllustrativeFields, EntityIdSchema, entityFields } from './programme-fields.ts';

export const DeviceTypeSchema = z.enum(['ESME', 'GSME']);
export type MeterType = z.infer<typeof DeviceTypeSchema>;

export const DeviceModelSchema = z
  .strictObject({
    ...entityFields,
    /** A manufacturer id (manufacturers.json). */
    manufacturer: EntityIdSchema,
    type: DeviceTypeSchema,
    /** The bands the hardware can work on. */
    bands: BandsSchema,
    capabilities: z.strictObject({
      /** Works on 2.4 GHz and sub-GHz (868 MHz); must agree with `bands`. */
      dualBand: z.boolean(),
      /** Can work on sub-GHz (868 MHz); must agree with `bands`. */
      subGhzCapable: z.boolean(),
    }),
    /** Device specification, e.g. "SMETS2v3". */
    smets: z.string().regex(/^SMETS\d+v\d+$/, 'a SMETS version such as SMETS2v3'),
    /** GBCS version, e.g. "2.0". */
    gbcs: z.string().regex(/^\d+\.\d+$/, 'a GBCS version such as 2.0'),
    /** A manufacturer's product option, e.g. "1" (MM2 options 1 and 2). */
    productOption: z.string().min(1).optional(),
  })
  .superRefine((model, ctx) => {
    checkIllustrativeFields(model, ctx);
    const sub = model.bands.includes('868MHz');
    const dual = sub && model.bands.includes('2.4GHz');
    if (model.capabilities.subGhzCapable !== sub) {
      ctx.addIssue({
        code: 'custom',
        path: ['capabilities', 'subGhzCapable'],
        message: `is ${String(model.capabilities.subGhzCapable)} but bands ${sub ? 'include' : 'do not include'} 868MHz`,
      });
    }
    if (model.capabilities.dualBand !== dual) {
      ctx.addIssue({
        code: 'custom',
        path: ['capabilities', 'dualBand'],
        message: `is ${String(model.capabilities.dualBand)} but bands are ${model.bands.join(' + ')}`,
      });
    }
  });

export type DeviceModel = z.infer<typeof DeviceModelSchema>;
