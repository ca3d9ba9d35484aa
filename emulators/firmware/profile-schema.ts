// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A firmware behaviour profile (fixtures/profiles/*.json) as data: how one firmware release of
 * one model behaves — its timings and its faults. One profile per device model (a meter model of
 * device-models.json, or a comms hub model of comms-hub-vendors.json) × firmware release
 * (firmware-releases.json); the manufacturer or vendor is the model's.
 *
 * A fault is one generic primitive bound to a GBCS use case (a use case id or alias of
 * harness/protocol/gbcs/message-codes.ts) and a direction:
 *
 * | primitive     | directions                | what happens                                                    |
 * | ------------- | ------------------------- | --------------------------------------------------------------- |
 * | `drop`        | command, response         | command: never acted on, no response; response: never sent      |
 * | `delay`       | command, response, alert  | acted on / sent `delayMs` later than the profile's timing says  |
 * | `corrupt`     | command, response, alert  | `bytes` bytes flipped: `mac` in the MAC (so it fails), `payload` in the payload (a response or alert is sealed over the flipped payload: its MAC holds, its content does not; a command's MAC then fails) |
 * | `omit-alert`  | alert                     | the alert is not raised                                         |
 * | `wrong-value` | command, response, alert  | a typed field replaced before encoding (`field`: a dotted path into the use case's typed fields, e.g. `firmwareVersion`, `registers.0.value`, `currentSummationDelivered.value`) |
 * | `reject`      | command                   | the device refuses: an error response (`result`, a name of the use case's result enumeration; default the use case's), the command not acted on |
 * | `alert-storm` | alert                     | the alert is sent `times` times in all, `intervalMs` apart (the same frame each time) |
 *
 * One primitive is bound to a meter, not to messages: `clock-drift` — the meter's own clock
 * (emulators/meters/device-clock.ts) is `offsetSeconds` off when the premises starts and gains
 * `secondsPerDay` per virtual day (negative: loses), so every time it reports (ECS70 / GCS28
 * responses, the header date-time of ECS17b and GCS13a responses, its Clock object or Time
 * attribute) departs from the hub's time until a set clock (SRV 6.11 / 8.1.1) brings it back,
 * and drifts again from there. It has `id`, `description`, `illustrative` and, optionally,
 * `deviceTypes` (ESME, GSME), but no use case, direction, trigger or probability.
 *
 * Three primitives are bound to HAN events of a device, not to GBCS messages; they have `id`,
 * `description`, `illustrative`, optionally `deviceTypes` (ESME, GSME), a `trigger` (counting
 * the events) and a `probability`, but no use case, direction or alert code:
 *
 * | primitive         | HAN event                                  | what happens |
 * | ----------------- | ------------------------------------------ | ------------ |
 * | `stale-mirror`    | a GSME wake report to the GPF mirror        | the GPF does not take it: reads via the GPF keep answering the values of an earlier report |
 * | `fails-to-rejoin` | a meter rejoining the HAN: after its power (or the hub's) comes back, or after CCS01 re-adds it | it does not rejoin: it stays off the HAN (no responses, no alerts, no wake reports) until it rejoins later |
 * | `lose-queued`     | a GSME wake that would collect queued commands | the CHF has lost them: nothing is delivered, nothing answers |
 * | `ignores-suspend-zcl` | a SuspendZCLMessages reaching a meter (duty cycle, meters/zcl-suspension.ts) | the meter does not suspend: it keeps sending its non-essential messages |
 * | `loses-held-after-suspension` | a meter's ZCL suspension ending with messages held | what it held is dropped, never sent |
 *
 * Every fault has an `id`, a `description`, `illustrative` (true: invented for the fixture, not
 * a defect any source reports) and, optionally, `deviceTypes` (whose messages: a comms hub
 * profile sees its own CHF and GPF messages and every meter message it relays; a meter profile
 * only its own), `alertCode` (alerts: only this alert code, 4 hex digits), a `trigger` (count
 * the matching messages from `afterMs` of virtual time after the premises started; act on every
 * `every`-th) and a `probability` (drawn from the premises' seed, so the same seed gives the
 * same outcome). Unknown fields are refused everywhere (strict objects).
 */
import { z } from 'zod';

export const PROFILE_DEVICE_TYPES = ['ESME', 'GSME', 'CHF', 'GPF'] as const;
export const FAULT_DIRECTIONS = ['command', 'response', 'alert'] as const;
export const FAULT_PRIMITIVES = ['drop', 'delay', 'corrupt', 'omit-alert', 'wrong-value', 'reject', 'alert-storm', 'clock-drift', 'stale-mirror', 'fails-to-rejoin', 'lose-queued', 'ignores-suspend-zcl', 'loses-held-after-suspension'] as const;
/** The primitives bound to HAN events of a device rather than to GBCS messages. */
export const HAN_EVENT_PRIMITIVES = ['stale-mirror', 'fails-to-rejoin', 'lose-queued', 'ignores-suspend-zcl', 'loses-held-after-suspension'] as const;

export type ProfileDeviceType = (typeof PROFILE_DEVICE_TYPES)[number];
export type FaultDirection = (typeof FAULT_DIRECTIONS)[number];
export type FaultPrimitive = (typeof FAULT_PRIMITIVES)[number];

const IdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'an id: letters, digits, ".", "_" or "-", starting with a letter or digit');
const MsSchema = z.int('a whole number of virtual milliseconds').min(0);

/** Timings of one device type; absent ones keep the emulator's defaults (device-profile.ts). */
export const TimingsSchema = z.strictObject({
  /** Virtual ms from a command reaching the device to its response leaving the comms hub. */
  responseLatencyMs: MsSchema.optional(),
  /** Virtual ms from the event an alert reports to the alert leaving the comms hub. */
  alertLatencyMs: MsSchema.optional(),
  /** Virtual ms a whitelisted device takes to find the HAN and join. */
  joinDelayMs: MsSchema.optional(),
  /** GSME only: period between wakes. */
  wakeIntervalMs: z.int('a whole number of virtual milliseconds').positive().optional(),
  /** CHF only: how long a command for the GSME waits in the sleepy buffer before it is discarded. */
  sleepySendTimeoutMs: z.int('a whole number of virtual milliseconds').positive().optional(),
});
export type Timings = z.infer<typeof TimingsSchema>;

export const TriggerSchema = z.strictObject({
  /** Act on the N-th, 2N-th … matching message (default 1: every one). */
  every: z.int().min(1).optional(),
  /** Count only messages from this many virtual ms after the premises started (default 0). */
  afterMs: MsSchema.optional(),
});
export type FaultTrigger = z.infer<typeof TriggerSchema>;

const common = {
  /** Unique across the profile catalogue; names the fault in traces. */
  id: IdSchema,
  description: z.string().min(1),
  /** true: invented for the fixture; false: a behaviour a source reports. */
  illustrative: z.boolean(),
  /** A GBCS use case id or alias (message-codes.ts), e.g. "ECS17b", "GCS38", "CS14". */
  useCase: z.string().min(1),
  /** Only messages of (or commands to) these device types. Default: every one the profile sees. */
  deviceTypes: z.array(z.enum(PROFILE_DEVICE_TYPES)).min(1).optional(),
  /** Alerts only: only this alert code, 4 hex digits (e.g. "8F12"). */
  alertCode: z
    .string()
    .regex(/^[0-9A-F]{4}$/, 'an alert code as 4 upper-case hex digits, e.g. "8F12"')
    .optional(),
  trigger: TriggerSchema.optional(),
  /** Chance that a triggered fault acts, in (0, 1]; drawn from the premises' seed. Default 1. */
  probability: z.number().gt(0).max(1).optional(),
};

/** The fields of a fault bound to a HAN event (HAN_EVENT_PRIMITIVES). */
const hanEventCommon = {
  id: IdSchema,
  description: z.string().min(1),
  illustrative: z.boolean(),
  /** Only events of these meters. Default: every one the profile sees. */
  deviceTypes: z.array(z.enum(['ESME', 'GSME'])).min(1).optional(),
  trigger: TriggerSchema.optional(),
  probability: z.number().gt(0).max(1).optional(),
};

export const ReplacementSchema = z.discriminatedUnion('kind', [
  /** The field reports this value. */
  z.strictObject({ kind: z.literal('constant'), value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
  /** The field keeps reporting the value it had the first time the fault acted (a register that does not advance). */
  z.strictObject({ kind: z.literal('frozen') }),
  /** A numeric field reports its value plus `by`. */
  z.strictObject({ kind: z.literal('offset'), by: z.number() }),
]);
export type Replacement = z.infer<typeof ReplacementSchema>;

export const FaultSchema = z.discriminatedUnion('primitive', [
  z.strictObject({ ...common, primitive: z.literal('drop'), direction: z.enum(['command', 'response']) }),
  z.strictObject({ ...common, primitive: z.literal('delay'), direction: z.enum(FAULT_DIRECTIONS), delayMs: z.int().positive() }),
  z.strictObject({
    ...common,
    primitive: z.literal('corrupt'),
    direction: z.enum(FAULT_DIRECTIONS),
    target: z.enum(['mac', 'payload']),
    /** How many bytes are flipped (default 1); never more than the region holds. */
    bytes: z.int().min(1).max(12).optional(),
  }),
  z.strictObject({ ...common, primitive: z.literal('omit-alert'), direction: z.literal('alert') }),
  z.strictObject({
    ...common,
    primitive: z.literal('wrong-value'),
    direction: z.enum(FAULT_DIRECTIONS),
    field: z.string().regex(/^[A-Za-z_]\w*(\.\w+)*$/, 'a dotted path into the typed fields, e.g. "registers.0.value"'),
    replacement: ReplacementSchema,
  }),
  z.strictObject({
    ...common,
    primitive: z.literal('alert-storm'),
    direction: z.literal('alert'),
    /** How many times the alert is sent in all (2: once more than it should be). */
    times: z.int().min(2).max(1000),
    /** Virtual ms between one copy and the next. */
    intervalMs: MsSchema,
  }),
  z.strictObject({ ...hanEventCommon, primitive: z.literal('stale-mirror') }),
  z.strictObject({ ...hanEventCommon, primitive: z.literal('fails-to-rejoin') }),
  z.strictObject({ ...hanEventCommon, primitive: z.literal('lose-queued') }),
  z.strictObject({ ...hanEventCommon, primitive: z.literal('ignores-suspend-zcl') }),
  z.strictObject({ ...hanEventCommon, primitive: z.literal('loses-held-after-suspension') }),
  z.strictObject({
    ...common,
    primitive: z.literal('reject'),
    direction: z.literal('command'),
    /** The error result, a name of the use case's result enumeration. Default: the use case's. */
    result: z.string().min(1).optional(),
  }),
  z
    .strictObject({
      id: IdSchema,
      description: z.string().min(1),
      illustrative: z.boolean(),
      primitive: z.literal('clock-drift'),
      /** Only these meters' clocks. Default: the profile's meter. */
      deviceTypes: z.array(z.enum(['ESME', 'GSME'])).min(1).optional(),
      /** Seconds the clock is ahead (negative: behind) when the premises starts. Default 0. */
      offsetSeconds: z.number().optional(),
      /** Seconds the clock gains (negative: loses) per virtual day. Default 0. */
      secondsPerDay: z.number().optional(),
    })
    .refine((f) => f.offsetSeconds !== undefined || f.secondsPerDay !== undefined, { message: 'a clock drift needs offsetSeconds, secondsPerDay or both' }),
]);
export type Fault = z.infer<typeof FaultSchema>;
export type FaultOf<P extends FaultPrimitive> = Extract<Fault, { primitive: P }>;
export type HanEventPrimitive = (typeof HAN_EVENT_PRIMITIVES)[number];
/** A fault bound to a HAN event of a device (stale-mirror, fails-to-rejoin, lose-queued, the duty-cycle ones). */
export type HanEventFault = FaultOf<HanEventPrimitive>;
/** A fault bound to messages (every primitive but clock-drift and the HAN-event ones): it acts at the fault points. */
export type MessageFault = Exclude<Fault, { primitive: 'clock-drift' | HanEventPrimitive }>;
export type MessageFaultPrimitive = MessageFault['primitive'];

export function isHanEventFault(fault: Fault): fault is HanEventFault {
  return (HAN_EVENT_PRIMITIVES as readonly string[]).includes(fault.primitive);
}

export function isMessageFault(fault: Fault): fault is MessageFault {
  return fault.primitive !== 'clock-drift' && !isHanEventFault(fault);
}

export const FirmwareProfileSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Unique across the profile catalogue. */
  id: IdSchema,
  /** A device model id (device-models.json) or comms hub model id (comms-hub-vendors.json). */
  model: IdSchema,
  /** A firmware release id (firmware-releases.json) whose target is `model`. */
  release: IdSchema,
  description: z.string().min(1),
  /** Timings by device type: ESME or GSME for a meter model, CHF and GPF for a comms hub. */
  timings: z
    .strictObject({
      ESME: TimingsSchema.optional(),
      GSME: TimingsSchema.optional(),
      CHF: TimingsSchema.optional(),
      GPF: TimingsSchema.optional(),
    })
    .optional(),
  faults: z.array(FaultSchema),
});

/** A profile as its file holds it. */
export type FirmwareProfileData = z.infer<typeof FirmwareProfileSchema>;

/** A checked profile, with where it came from. */
export interface FirmwareProfile extends FirmwareProfileData {
  /** The file it was read from (or a label for a profile built in code). */
  readonly source: string;
  /** Whose firmware: a meter model or a comms hub model. */
  readonly kind: 'meter' | 'comms-hub';
  /** The model's manufacturer (meter) or vendor (comms hub) id in the programme. */
  readonly manufacturer: string;
}
