// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A firmware release (`firmware-releases.json`): a version of a comms hub vendor's firmware or of
 * a meter model's firmware, with the date it enters DIT scope, its status (and, if useful, the
 * status history by date), the defects it claims to fix and the release it supersedes.
 *
 * Statuses: `planned` (announced, not yet delivered; in scope once its date comes — programme time
 * projects the plan), `in-DIT` (under test), `released` (passed DIT, in production; still in scope
 * for regression), `withdrawn` (pulled; never in scope while withdrawn) and `superseded` (replaced
 * by a later release of the same target; out of scope from then on). `superseded` is an addition
 * to the issue's four: it says why an older version leaves scope without calling it withdrawn.
 */
import { z } from 'zod';
import { ProgrammeDateSchema } from './programme-date.ts';
import { BandsSchema, checkIllustrativeFields, EntityIdSchema, entityFields } from './programme-fields.ts';

export const RELEASE_STATUSES = ['planned', 'in-DIT', 'released', 'withdrawn', 'superseded'] as const;
export const ReleaseStatusSchema = z.enum(RELEASE_STATUSES);
export type ReleaseStatus = z.infer<typeof ReleaseStatusSchema>;

/**
 * Whose firmware this is: a comms hub vendor's (optionally one of its comms hub models), or a
 * meter model's. Exactly one of `commsHubVendor` and `deviceModel`.
 */
export const ReleaseTargetSchema = z
  .strictObject({
    commsHubVendor: EntityIdSchema.optional(),
    commsHubModel: EntityIdSchema.optional(),
    deviceModel: EntityIdSchema.optional(),
  })
  .superRefine((target, ctx) => {
    const hub = target.commsHubVendor !== undefined;
    const meter = target.deviceModel !== undefined;
    if (hub === meter) {
      ctx.addIssue({
        code: 'custom',
        message: hub
          ? 'names both a comms hub vendor and a device model; a release is for one of them'
          : 'names neither: expected { "commsHubVendor": ID } or { "deviceModel": ID }',
      });
    }
    if (target.commsHubModel !== undefined && !hub) {
      ctx.addIssue({ code: 'custom', path: ['commsHubModel'], message: 'needs a commsHubVendor next to it' });
    }
  });
export type ReleaseTarget = z.infer<typeof ReleaseTargetSchema>;

/** A defect the release claims to fix: by the harness's defect signature or an external ticket. */
export const FixClaimSchema = z
  .strictObject({
    defectSignature: z.string().min(1).optional(),
    ticket: z.string().min(1).optional(),
    notes: z.string().min(1).optional(),
  })
  .superRefine((claim, ctx) => {
    if ((claim.defectSignature === undefined) === (claim.ticket === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected exactly one of { "defectSignature": ... } or { "ticket": ... }',
      });
    }
  });
export type FixClaim = z.infer<typeof FixClaimSchema>;

export const StatusChangeSchema = z.strictObject({
  date: ProgrammeDateSchema,
  status: ReleaseStatusSchema,
  note: z.string().min(1).optional(),
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const FirmwareReleaseSchema = z
  .strictObject({
    ...entityFields,
    target: ReleaseTargetSchema,
    /** The version as the device reports it and combinations name it, e.g. "12.26". */
    version: z.string().min(1),
    /** The day it enters DIT scope. Absent: no firm date yet (say when in `expected`). */
    date: ProgrammeDateSchema.optional(),
    /** When it is expected, in words, while there is no firm date (or to qualify one). */
    expected: z.string().min(1).optional(),
    /** Its status as of the programme's today. */
    status: ReleaseStatusSchema,
    /** Status changes by date, oldest first; the entry in force on today must equal `status`. */
    history: z.array(StatusChangeSchema).min(1).optional(),
    /** The bands this firmware works on, when narrower than its target's (e.g. single-band firmware on dual-band hardware). */
    bands: BandsSchema.optional(),
    /**
     * The GBCS version this firmware implements, when it differs from its target model's (e.g. a
     * comms hub still on Release 1 firmware, GBCS 1.1, on Release 2 hardware).
     */
    gbcs: z.string().regex(/^\d+\.\d+$/, 'a GBCS version such as 2.0').optional(),
    /**
     * The upgrade image as the DCC distributes it over the air (SRV 11.1, firmware-catalogue.ts):
     * its size in bytes. Absent: the catalogue's default size for the target's kind.
     */
    image: z.strictObject({ sizeBytes: z.int('a whole number of bytes').positive().max(16 * 1024 * 1024) }).optional(),
    /** The release of the same target it replaces: its predecessor, for regression selection. */
    supersedes: EntityIdSchema.optional(),
    claimsToFix: z.array(FixClaimSchema).default([]),
  })
  .superRefine((release, ctx) => {
    checkIllustrativeFields(release, ctx);
    const history = release.history ?? [];
    for (let i = 1; i < history.length; i++) {
      const previous = history[i - 1];
      const entry = history[i];
      if (previous !== undefined && entry !== undefined && entry.date <= previous.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['history', i, 'date'],
          message: `${entry.date} is not after the previous entry's ${previous.date}: the history runs oldest first, one entry per day`,
        });
      }
    }
    if (release.date === undefined && release.status !== 'planned' && release.status !== 'withdrawn') {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `missing: a release that is ${release.status} has a date (only a planned or withdrawn release may have none)`,
      });
    }
  });

export type FirmwareRelease = z.infer<typeof FirmwareReleaseSchema>;

/** `TOSH` or `MM1-E24`: what a release is for, by id. */
export function releaseTargetId(release: FirmwareRelease): string {
  return release.target.deviceModel ?? release.target.commsHubModel ?? release.target.commsHubVendor ?? '';
}
