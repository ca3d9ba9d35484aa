// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A DIT cycle (`cycles.json`): its type, its window on the programme calendar, a timebox (the hard
 * stop, which may be the window's end), its scope, and the control point that gates it if any.
 * A scope dimension left out does not restrict: a cycle with no `commsHubVendors` covers all.
 */
import { z } from 'zod';
import { ProgrammeDateSchema } from './programme-date.ts';
import { BandsSchema, checkIllustrativeFields, EntityIdSchema, entityFields, TestTagSchema } from './programme-fields.ts';

export const CYCLE_TYPES = ['confidence', 'formal', 'eoc-regression', 'retest'] as const;
export const CycleTypeSchema = z.enum(CYCLE_TYPES);
export type CycleType = z.infer<typeof CycleTypeSchema>;

const ids = z.array(EntityIdSchema).min(1);

export const CycleScopeSchema = z.strictObject({
  /** Manufacturer ids. */
  manufacturers: ids.optional(),
  /** Device model ids. */
  models: ids.optional(),
  /** Comms hub vendor ids. */
  commsHubVendors: ids.optional(),
  /** Firmware release ids, when a cycle is about particular releases (a retest). */
  releases: ids.optional(),
  bands: BandsSchema.optional(),
  /** Test case tags the cycle runs (harness/dit/test-case-meta.ts). */
  tags: z.array(TestTagSchema).min(1).optional(),
});
export type CycleScope = z.infer<typeof CycleScopeSchema>;

export const CycleSchema = z
  .strictObject({
    ...entityFields,
    type: CycleTypeSchema,
    title: z.string().min(1),
    window: z.strictObject({
      start: ProgrammeDateSchema,
      /** Absent: open-ended (until the timebox, if any). */
      end: ProgrammeDateSchema.optional(),
    }),
    /** The last day the cycle may run, whatever is left. */
    timeboxEnd: ProgrammeDateSchema.optional(),
    scope: CycleScopeSchema,
    /** A control point (control-points.json) whose decision this cycle waits on. */
    gatedBy: EntityIdSchema.optional(),
  })
  .superRefine((cycle, ctx) => {
    checkIllustrativeFields(cycle, ctx);
    const { start, end } = cycle.window;
    if (end !== undefined && end < start) {
      ctx.addIssue({ code: 'custom', path: ['window', 'end'], message: `${end} is before the window's start ${start}` });
    }
    if (cycle.timeboxEnd !== undefined && cycle.timeboxEnd < start) {
      ctx.addIssue({ code: 'custom', path: ['timeboxEnd'], message: `${cycle.timeboxEnd} is before the window's start ${start}` });
    }
    if (end !== undefined && cycle.timeboxEnd !== undefined && end > cycle.timeboxEnd) {
      ctx.addIssue({
        code: 'custom',
        path: ['window', 'end'],
        message: `${end} is after the timebox end ${cycle.timeboxEnd}: a window cannot outlast its timebox`,
      });
    }
  });

export type Cycle = z.infer<typeof CycleSchema>;
