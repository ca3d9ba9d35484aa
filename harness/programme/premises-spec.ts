// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a premises under test is made of: the comms hub and the meters joined to it, each with
 * its identity, manufacturer, model, firmware and band, and the Type 1 devices (PPMID, HCALCS)
 * the DCC's inventory holds for it. Read from a fixture (zod-checked), used by the emulators to
 * build the premises and by the harness to name combinations — the same description stands for
 * a lab premises.
 *
 * Bad input is refused naming the file, the place in it and what is expected there (zod's
 * messages; an EUI two devices share names both places).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { subGhzChannelMask } from '../protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';

const eui = z.string().regex(/^[0-9A-F]{16}$/, 'an EUI-64 as 16 upper-case hex digits');
const hex = z.string().regex(/^([0-9A-F]{2})+$/, 'upper-case hex bytes');

/** Whether an 8-hex-digit channel mask names one channel of a GB sub-GHz page (28–31). */
function isSingleGbSubGhzChannel(mask: string): boolean {
  const m = subGhzChannelMask(Number.parseInt(mask, 16));
  return m.page >= 28 && m.channels.length === 1 && (m.channels[0] as number) <= 62;
}

function describeChannelMask(mask: string): string {
  const m = subGhzChannelMask(Number.parseInt(mask, 16));
  return `page ${m.page} with ${m.channels.length === 0 ? 'no channel' : `channels ${m.channels.join(', ')}`}`;
}
const band = z.enum(['2.4GHz', '868MHz']);
/** A band capability: the bands a model can work on — ["2.4GHz"], ["868MHz"] or both (dual band). */
const bands = z
  .array(band)
  .min(1)
  .refine((b) => new Set(b).size === b.length, 'each band once');

export const MeterSpecSchema = z.object({
  type: z.enum(['ESME', 'GSME']),
  eui,
  manufacturer: z.string().min(1),
  chipset: z.string().min(1).optional(),
  model: z.string().min(1),
  firmware: z.string().min(1),
  /** The firmware version identifier the device reports on 11.2 (octet string). */
  firmwareImage: hex,
  band,
  /** The bands its model can work on (2.4 GHz only, 868 MHz only, or both); `band` must be one. Default: `band` alone. */
  bands: bands.optional(),
  /** 16 ASCII characters, as CCS01 carries it. */
  installCode: z.string().length(16),
  /** The meter point: MPAN (13 digits, ESME) or MPRN (6–10 digits, GSME); the DCC names it in AD1. */
  mpxn: z.string().regex(/^\d{6,13}$/, 'an MPAN or MPRN: 6 to 13 digits').optional(),
  /** GSME only: how often it wakes, in minutes. */
  wakeIntervalMinutes: z.number().int().positive().optional(),
  /** Programme ids (fixtures/programme): the device model and firmware release, for profiles. */
  modelId: z.string().min(1).optional(),
  releaseId: z.string().min(1).optional(),
});

/**
 * A Type 1 device (PPMID, HCALCS) of the DCC's inventory for this premises: its type and EUI. It
 * is an inventory entry a meter can be joined with through the critical join service (SRV 8.7.1:
 * a trust relationship — the meter keeps the device in its device log, with its key agreement
 * key for a Method C join), not an emulated radio: nothing on the emulated premises transmits as
 * it, and it is no GBCS party the DCC sends commands to.
 */
export const Type1DeviceSpecSchema = z.strictObject({
  type: z.enum(['PPMID', 'HCALCS']),
  eui,
});

export const PremisesSpecSchema = z.object({
  $comment: z.string().optional(),
  commsHub: z.object({
    vendor: z.string().min(1),
    model: z.string().min(1),
    firmware: z.string().min(1),
    firmwareImage: hex,
    chf: eui,
    gpf: eui,
    /** The operating sub-GHz channel as the 32-bit page+bitmap mask (DOMAIN.md), hex. */
    subGhzChannel: z
      .string()
      .regex(/^[0-9A-F]{8}$/, 'the channel as its 32-bit mask, 8 upper-case hex digits (E0000001 = page 28 channel 0)')
      .superRefine((mask, ctx) => {
        if (/^[0-9A-F]{8}$/.test(mask) && !isSingleGbSubGhzChannel(mask)) ctx.addIssue({ code: 'custom', message: `one channel on GB pages 28–31 as its 32-bit mask (E0000001 = page 28 channel 0), got ${describeChannelMask(mask)}` });
      }),
    /** The HAN bands the hub runs. Default: both (a dual-band hub). */
    bands: bands.optional(),
    /** The sub-GHz data rate in bit/s [P: DOMAIN.md assumes about 100 kbit/s]. Default: emulators/radio/airtime.ts. */
    subGhzBitsPerSecond: z.number().int().positive().optional(),
    /** Programme ids (fixtures/programme): the comms hub vendor and firmware release, for profiles. */
    vendorId: z.string().min(1).optional(),
    releaseId: z.string().min(1).optional(),
  }),
  meters: z.array(MeterSpecSchema).min(1),
  /** The Type 1 devices the DCC's inventory holds for the premises (absent: none). */
  type1Devices: z.array(Type1DeviceSpecSchema).optional(),
});

export type MeterSpec = z.infer<typeof MeterSpecSchema>;
export type Type1DeviceSpec = z.infer<typeof Type1DeviceSpecSchema>;
export type PremisesSpec = z.infer<typeof PremisesSpecSchema>;

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_PREMISES_FILE = join(projectRoot, 'fixtures/premises/dual-band.json');

export class PremisesSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PremisesSpecError';
  }
}

/** The first meter on a band its model cannot use (its `bands`) or the hub does not run, with its place. */
function bandProblem(spec: PremisesSpec): { readonly problem: string; readonly place: string } | null {
  const hubBands = spec.commsHub.bands ?? band.options;
  for (const [i, m] of spec.meters.entries()) {
    if (m.bands && !m.bands.includes(m.band)) {
      return { problem: `the ${m.type}'s model ${m.model} works on ${m.bands.join(' and ')} only, not ${m.band}: expected one of its bands (meters[${i}].bands)`, place: `meters[${i}].band` };
    }
    if (!hubBands.includes(m.band)) {
      return { problem: `the comms hub runs ${hubBands.join(' and ')} only, not ${m.band}: expected a band of the hub (commsHub.bands)`, place: `meters[${i}].band` };
    }
  }
  return null;
}

/** Parses a premises description; errors name the file and the path inside it. */
export function parsePremisesSpec(json: unknown, file: string): PremisesSpec {
  const result = PremisesSpecSchema.safeParse(json);
  if (!result.success) {
    throw new PremisesSpecError(`${file}: not a valid premises description:\n${z.prettifyError(result.error)}`);
  }
  const spec = result.data;
  const places: Array<{ readonly place: string; readonly what: string; readonly eui: string }> = [
    { place: 'commsHub.chf', what: 'the CHF', eui: spec.commsHub.chf },
    { place: 'commsHub.gpf', what: 'the GPF', eui: spec.commsHub.gpf },
    ...spec.meters.map((m, i) => ({ place: `meters[${i}].eui`, what: `the ${m.type}`, eui: m.eui })),
    ...(spec.type1Devices ?? []).map((d, i) => ({ place: `type1Devices[${i}].eui`, what: `the ${d.type}`, eui: d.eui })),
  ];
  const clash = places.findIndex((p, i) => places.findIndex((q) => q.eui === p.eui) !== i);
  if (clash >= 0) {
    const second = places[clash]!;
    const first = places.find((p) => p.eui === second.eui)!;
    throw new PremisesSpecError(
      `${file}: not a valid premises description:\n✖ EUI ${second.eui} is already ${first.what}'s (${first.place}): expected an EUI no other device of the premises has\n  → at ${second.place}`,
    );
  }
  const misplaced = bandProblem(spec);
  if (misplaced) throw new PremisesSpecError(`${file}: not a valid premises description:\n✖ ${misplaced.problem}\n  → at ${misplaced.place}`);
  return spec;
}

export function loadPremisesSpec(file: string = DEFAULT_PREMISES_FILE): PremisesSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PremisesSpecError(`${file}: cannot read the premises description (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PremisesSpecError(`${file}: not JSON: ${(e as Error).message}`);
  }
  return parsePremisesSpec(json, file);
}

/** The Type 1 device of a type the DCC's inventory holds for the premises, if any. */
export function type1DeviceOfType(spec: PremisesSpec, type: Type1DeviceSpec['type']): Type1DeviceSpec | undefined {
  return spec.type1Devices?.find((d) => d.type === type);
}

/** The meter of a type in the premises, if any. */
export function meterOfType(spec: PremisesSpec, type: 'ESME' | 'GSME'): MeterSpec | undefined {
  return spec.meters.find((m) => m.type === type);
}
