// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The steps a premises property draws its random sequences from: service requests a Service
 * User sends (through the DUIS client, not waiting for the answer: several can be outstanding)
 * and what the Bench does to the physical world (time passing — the GSME's wakes —, power
 * cycles of the comms hub and the ESME, radio loss of a meter, the GSME's battery, duty-cycle
 * pressure on the hub's 868 MHz budget). Each step is plain data, so fast-check can shrink a
 * sequence and print it, and `dit replay` can re-run it.
 *
 * Durations are small enough to keep a sequence cheap (a few virtual hours at most) and large
 * enough to cross the thresholds that matter: a GSME wake interval (30 min), the duty cycle's
 * one-hour memory (its recovery alerts), the comms hub power loss report (AD1), the 868 MHz
 * duty-cycle thresholds (Limited at 1.3 % of an hour's airtime, about 585 kB at 100 kbit/s [P:
 * the emulated data rate]).
 */
import fc from 'fast-check';
import type { XMLData } from '@smartdcc/duis-parser';
import { propertySequenceOf, type PropertySequence } from './property-sequence.ts';

/** A service request the property sends: its DUIS template, the device it targets and the body it carries. */
export interface RequestKindInfo {
  readonly template: string;
  /** Which device of the premises it targets. */
  readonly target: 'ESME' | 'GSME' | 'GPF' | 'CHF';
  readonly body?: XMLData;
  /** For people: what it asks. */
  readonly title: string;
}

/** The service requests of the vocabulary, each a read (a random sequence must not change the premises' set-up). */
export const REQUEST_KINDS = {
  'esme-firmware-read': { template: 'ECS52_11.2', target: 'ESME', title: 'SRV 11.2 read the ESME firmware version (ECS52)' },
  'gsme-firmware-read': { template: 'GCS38_11.2', target: 'GSME', title: 'SRV 11.2 read the GSME firmware version (GCS38, at its next wake)' },
  'gpf-consumption-read': { template: 'GCS13a_4.1.1_RELIABLE_GPF', target: 'GPF', title: 'SRV 4.1.1 read the gas consumption from the GPF mirror (GCS13a)' },
  'chf-device-log-read': { template: 'CCS06_8.9', target: 'CHF', body: { ReadDeviceLog: '' }, title: 'SRV 8.9 read the CHF Device Log (CCS06)' },
  'chf-device-logs-security-read': {
    template: 'CCS07_8.9',
    target: 'CHF',
    body: { ReadDeviceLog: { ReadSecurityDetails: '' } },
    title: 'SRV 8.9 read the CHF and GPF Device Logs with security details (CCS07)',
  },
  'chf-channel-read': { template: 'DBCH01_6.31', target: 'CHF', body: { ReadCHFSubGHzChannel: '' }, title: 'SRV 6.31 read the CHF operating sub-GHz channel (DBCH01)' },
} as const satisfies Record<string, RequestKindInfo>;

export type RequestKind = keyof typeof REQUEST_KINDS;

export type PremisesStep =
  | { readonly kind: 'request'; readonly request: RequestKind }
  | { readonly kind: 'advance'; readonly minutes: number }
  | { readonly kind: 'hub-power-cycle'; readonly offSeconds: number }
  | { readonly kind: 'esme-power-cycle'; readonly offSeconds: number }
  | { readonly kind: 'radio-loss'; readonly meter: 'ESME' | 'GSME'; readonly minutes: number }
  | { readonly kind: 'gsme-battery'; readonly percent: number }
  | { readonly kind: 'duty-cycle-pressure'; readonly kilobytes: number };

/** One sequence: the world's seed (keys, wake phase, consumption) and the steps, in order. */
export type PremisesSequence = PropertySequence<PremisesStep>;

/** At most this many steps per sequence: a handful keeps 200 sequences within seconds. */
export const MAX_STEPS = 6;

const requestStep = fc.constantFrom(...(Object.keys(REQUEST_KINDS) as RequestKind[])).map((request): PremisesStep => ({ kind: 'request', request }));

/** The arbitrary of one step; requests weigh most, so most sequences have several outstanding. */
export const premisesStep: fc.Arbitrary<PremisesStep> = fc.oneof(
  { arbitrary: requestStep, weight: 6 },
  { arbitrary: fc.integer({ min: 1, max: 90 }).map((minutes): PremisesStep => ({ kind: 'advance', minutes })), weight: 3 },
  { arbitrary: fc.integer({ min: 5, max: 300 }).map((offSeconds): PremisesStep => ({ kind: 'hub-power-cycle', offSeconds })), weight: 1 },
  { arbitrary: fc.integer({ min: 5, max: 300 }).map((offSeconds): PremisesStep => ({ kind: 'esme-power-cycle', offSeconds })), weight: 1 },
  {
    arbitrary: fc.record({ meter: fc.constantFrom('ESME' as const, 'GSME' as const), minutes: fc.integer({ min: 1, max: 60 }) }).map((r): PremisesStep => ({ kind: 'radio-loss', ...r })),
    weight: 1,
  },
  { arbitrary: fc.constantFrom(100, 50, 5, 0).map((percent): PremisesStep => ({ kind: 'gsme-battery', percent })), weight: 1 },
  { arbitrary: fc.integer({ min: 100, max: 1500 }).map((kilobytes): PremisesStep => ({ kind: 'duty-cycle-pressure', kilobytes })), weight: 1 },
);

/** The arbitrary of a sequence: a world seed and 1..MAX_STEPS steps (shrinking drops steps and lowers numbers). */
export const premisesSequence: fc.Arbitrary<PremisesSequence> = propertySequenceOf(premisesStep, MAX_STEPS);

/** One line for people. */
export function describeStep(step: PremisesStep): string {
  switch (step.kind) {
    case 'request':
      return `send ${REQUEST_KINDS[step.request].title}`;
    case 'advance':
      return `let ${step.minutes} min pass`;
    case 'hub-power-cycle':
      return `switch the comms hub's mains off for ${step.offSeconds} s, then on`;
    case 'esme-power-cycle':
      return `switch the ESME's supply off for ${step.offSeconds} s, then on`;
    case 'radio-loss':
      return `cut the ${step.meter}'s HAN link for ${step.minutes} min, then restore it`;
    case 'gsme-battery':
      return `set the GSME's battery to ${step.percent} %`;
    case 'duty-cycle-pressure':
      return `make the comms hub transmit ${step.kilobytes} kB of filler to the GSME (868 MHz duty-cycle pressure)`;
  }
}
