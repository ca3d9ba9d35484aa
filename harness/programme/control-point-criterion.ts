// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A control-point criterion (`control-points.json`, `criteria`): one rule the assessment
 * evaluates over the programme and the ledger, with an id, an owner (who answers for it), the
 * assessment item it speaks to, and optionally a waiver. Four kinds, as the programme uses them:
 *
 * - `test-evidence`: what the ledger shows, one `test` of four — `confidence-pack` (every test
 *   case tagged `confidence` the named cycles plan on each listed model passed), `open-defects`
 *   (open defects by severity at most N), `eoc-regression` (the End-of-Cycle regression cycle's
 *   latest results clean), `coverage` (every combination × test case the named cycles plan was
 *   executed, and passed).
 * - `availability`: devices delivered (deliveries.json) by type, band, manufacturer, SMETS
 *   version or model, by a date, against the count formal DIT needs.
 * - `capability`: an attested statement — who attested it, when, with what evidence. Without an
 *   attestation dated on or before the assessment the criterion fails.
 * - `schedule`: a date the decision depends on — the forecast completion (P50 or P90) on or
 *   before a deadline.
 *
 * A waiver is the device assurance scheme's "tolerated issue" (DOMAIN.md): who accepted the
 * failure, when, why and until when. It turns a failed criterion into "waived" from its `at`
 * date through its `until` date; outside that window the criterion fails again.
 */
import { z } from 'zod';
import { ProgrammeDateSchema } from './programme-date.ts';
import { BandSchema, checkIllustrativeFields, EntityIdSchema, entityFields } from './programme-fields.ts';

const ids = z.array(EntityIdSchema).min(1);

export const WaiverSchema = z
  .strictObject({
    /** Who accepted the failure (a person or a board). */
    by: z.string().min(1),
    /** The programme date the waiver was granted. */
    at: ProgrammeDateSchema,
    why: z.string().min(1),
    /** The last programme date the waiver holds. */
    until: ProgrammeDateSchema,
  })
  .refine((w) => w.until >= w.at, { message: 'until must be on or after at', path: ['until'] });
export type Waiver = z.infer<typeof WaiverSchema>;

/** Fields every criterion has. */
const criterionFields = {
  ...entityFields,
  /** Who answers for the criterion (a role or a party). */
  owner: z.string().min(1),
  /** One line: what must hold. */
  title: z.string().min(1),
  /** The control point's assessment item this criterion speaks to (`assesses[].id`). */
  assesses: EntityIdSchema.optional(),
  waiver: WaiverSchema.optional(),
};

export const SEVERITY_KEYS = ['1', '2', '3', '4'] as const;

const ConfidencePackSchema = z.strictObject({
  ...criterionFields,
  kind: z.literal('test-evidence'),
  test: z.literal('confidence-pack'),
  /** The cycles whose plan says which confidence cases run on which combinations. */
  cycles: ids,
  /** The device set: each model must have its confidence pack passed. */
  models: ids,
});

const OpenDefectsSchema = z.strictObject({
  ...criterionFields,
  kind: z.literal('test-evidence'),
  test: z.literal('open-defects'),
  /** Most open (not verified, not quarantined) defects allowed per severity, e.g. {"1": 0, "2": 2}; a severity left out is not limited. */
  maxOpen: z.partialRecord(z.enum(SEVERITY_KEYS), z.number().int().min(0)),
  /** Only defects seen on a release of these device models (default: every defect). */
  models: ids.optional(),
});

const EocRegressionSchema = z.strictObject({
  ...criterionFields,
  kind: z.literal('test-evidence'),
  test: z.literal('eoc-regression'),
  /** The End-of-Cycle regression cycle: the runs recorded under its id. */
  cycle: EntityIdSchema,
});

const CoverageSchema = z.strictObject({
  ...criterionFields,
  kind: z.literal('test-evidence'),
  test: z.literal('coverage'),
  /** Every combination × test case these cycles plan (harness/cycle/planner.ts) is required. */
  cycles: ids,
  /** Required cells must also have passed (default true); false: executed is enough. */
  mustPass: z.boolean().default(true),
});

export const TestEvidenceCriterionSchema = z.discriminatedUnion('test', [ConfidencePackSchema, OpenDefectsSchema, EocRegressionSchema, CoverageSchema]);

/** What formal DIT needs of one kind of device: a filter on device models, a count, a date. */
export const DeviceNeedSchema = z.strictObject({
  /** Shown in the report, e.g. "SMETS2v3 2.4 GHz ESMEs from MM2". */
  label: z.string().min(1),
  type: z.enum(['ESME', 'GSME']).optional(),
  band: BandSchema.optional(),
  manufacturer: EntityIdSchema.optional(),
  smets: z.string().min(1).optional(),
  models: ids.optional(),
  /** Devices needed. */
  count: z.number().int().positive(),
  /** Delivered on or before this date. */
  by: ProgrammeDateSchema,
  /** Only deliveries to this place (e.g. "DCC lab"); default: anywhere. */
  where: z.string().min(1).optional(),
});
export type DeviceNeed = z.infer<typeof DeviceNeedSchema>;

const AvailabilitySchema = z.strictObject({
  ...criterionFields,
  kind: z.literal('availability'),
  needs: z.array(DeviceNeedSchema).min(1),
});

export const AttestationSchema = z.strictObject({
  /** Who attested (a named role of the party). */
  by: z.string().min(1),
  /** The programme date of the attestation; it counts from that day. */
  at: ProgrammeDateSchema,
  statement: z.string().min(1),
  /** What the statement rests on: documents, plans, meetings. */
  evidence: z.array(z.string().min(1)).min(1),
});
export type Attestation = z.infer<typeof AttestationSchema>;

const CapabilitySchema = z.strictObject({
  ...criterionFields,
  kind: z.literal('capability'),
  /** The party whose capability is attested. */
  party: EntityIdSchema,
  /** Absent: nobody has attested yet. */
  attestation: AttestationSchema.optional(),
});

const ScheduleSchema = z.strictObject({
  ...criterionFields,
  kind: z.literal('schedule'),
  /** What must happen by the deadline, e.g. "DIT with MM2 complete". */
  milestone: z.string().min(1),
  /** The forecast percentile that must fall on or before the deadline. */
  basis: z.enum(['forecast-p50', 'forecast-p90']),
  deadline: ProgrammeDateSchema,
  /** What the deadline is, e.g. "Release 1 comms hub firmware expires". */
  deadlineReason: z.string().min(1),
});

export const CriterionSchema = z
  .discriminatedUnion('kind', [TestEvidenceCriterionSchema, AvailabilitySchema, CapabilitySchema, ScheduleSchema])
  .superRefine((c, ctx) => checkIllustrativeFields(c as unknown as Record<string, unknown>, ctx));
export type Criterion = z.infer<typeof CriterionSchema>;
export type CriterionKind = Criterion['kind'];
export type TestEvidenceCriterion = Extract<Criterion, { kind: 'test-evidence' }>;
export type ConfidencePackCriterion = Extract<Criterion, { test: 'confidence-pack' }>;
export type OpenDefectsCriterion = Extract<Criterion, { test: 'open-defects' }>;
export type EocRegressionCriterion = Extract<Criterion, { test: 'eoc-regression' }>;
export type CoverageCriterion = Extract<Criterion, { test: 'coverage' }>;
export type AvailabilityCriterion = Extract<Criterion, { kind: 'availability' }>;
export type CapabilityCriterion = Extract<Criterion, { kind: 'capability' }>;
export type ScheduleCriterion = Extract<Criterion, { kind: 'schedule' }>;
