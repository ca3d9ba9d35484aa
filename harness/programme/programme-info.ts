// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The programme itself (`programme.json`): its name, what it is, its own "today" (the default
 * programme date of every command), where its facts come from, and calendar notes — dated
 * milestones a reader wants next to the cycles.
 */
import { z } from 'zod';
import { ProgrammeDateSchema } from './programme-date.ts';

export const CalendarNoteSchema = z.strictObject({
  date: ProgrammeDateSchema,
  /** The source gives only a month or an estimate; `date` is then the day it is filed under. */
  approximate: z.boolean().optional(),
  note: z.string().min(1),
  illustrative: z.literal(true).optional(),
});
export type CalendarNote = z.infer<typeof CalendarNoteSchema>;

export const ProgrammeInfoSchema = z
  .strictObject({
    $comment: z.string().optional(),
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'a folder-style name: lower-case letters, digits, ".", "_", "-"'),
    title: z.string().min(1),
    description: z.string().min(1),
    /** The programme's own today. */
    today: ProgrammeDateSchema,
    /** Where the facts come from. */
    source: z.string().min(1).optional(),
    calendar: z.array(CalendarNoteSchema).default([]),
    notes: z.string().min(1).optional(),
  })
  .superRefine((info, ctx) => {
    info.calendar.forEach((entry, i) => {
      const previous = info.calendar[i - 1];
      if (previous !== undefined && entry.date < previous.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['calendar', i, 'date'],
          message: `${entry.date} is before the previous note's ${previous.date}: keep the calendar in date order`,
        });
      }
    });
  });

export type ProgrammeInfo = z.infer<typeof ProgrammeInfoSchema>;
