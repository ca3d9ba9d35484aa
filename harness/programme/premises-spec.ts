// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a premises under test is made of: the comms hub and the meters joined to it, each with
 * its identity, manufacturer, model, firmware and band. Read from a fixture (zod-checked), used
 * by the emulators to build the premises and by the harness to name combinations — the same
 * description stands for a lab premises.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const eui = z.string().regex(/^[0-9A-F]{16}$/, 'an EUI-64 as 16 upper-case hex digits');
const hex = z.string().regex(/^([0-9A-F]{2})+$/, 'upper-case hex bytes');

export const MeterSpecSchema = z.object({
  type: z.enum(['ESME', 'GSME']),
  eui,
  manufacturer: z.string().min(1),
  chipset: z.string().min(1).optional(),
  model: z.string().min(1),
  firmware: z.string().min(1),
  /** The firmware version identifier the device reports on 11.2 (octet string). */
  firmwareImage: hex,
  band: z.enum(['2.4GHz', '868MHz']),
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
    subGhzChannel: z.string().regex(/^[0-9A-F]{8}$/),
    /** Programme ids (fixtures/programme): the comms hub vendor and firmware release, for profiles. */
    vendorId: z.string().min(1).optional(),
    releaseId: z.string().min(1).optional(),
  }),
  meters: z.array(MeterSpecSchema).min(1),
});

export type MeterSpec = z.infer<typeof MeterSpecSchema>;
export type PremisesSpec = z.infer<typeof PremisesSpecSchema>;

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_PREMISES_FILE = join(projectRoot, 'fixtures/premises/dual-band.json');

export class PremisesSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PremisesSpecError';
  }
}

/** Parses a premises description; errors name the file and the path inside it. */
export function parsePremisesSpec(json: unknown, file: string): PremisesSpec {
  const result = PremisesSpecSchema.safeParse(json);
  if (!result.success) {
    throw new PremisesSpecError(`${file}: not a valid premises description:\n${z.prettifyError(result.error)}`);
  }
  const euis = [result.data.commsHub.chf, result.data.commsHub.gpf, ...result.data.meters.map((m) => m.eui)];
  const duplicate = euis.find((e, i) => euis.indexOf(e) !== i);
  if (duplicate) throw new PremisesSpecError(`${file}: EUI ${duplicate} is used by two devices`);
  return result.data;
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

/** The meter of a type in the premises, if any. */
export function meterOfType(spec: PremisesSpec, type: 'ESME' | 'GSME'): MeterSpec | undefined {
  return spec.meters.find((m) => m.type === type);
}
