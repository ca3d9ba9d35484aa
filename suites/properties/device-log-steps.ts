// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The steps the device-logs property draws its random sequences from: requests that change the
 * CHF Device Log (SRV 8.11 CCS01 add with an install code, CCS02 remove to the Historic Device
 * Log, SRV 8.12.1 CCS03 restore of the hub's own log as the DCC holds it from the last CCS07
 * read), reads of it (SRV 8.9 CCS06, CCS07), a read of the ESME (to see a removed meter stay
 * silent), the GSME's join service for a display (SRV 8.7.2 CS03B, 8.8.2 CS04B) and time
 * passing. The devices: the premises' own meters, and an invented IHD that is never on the HAN.
 * [P] The emulated DCC refuses a CCS01 or CCS02 for a device outside its inventory of the
 * premises' meters (E19, a defined error: the request is not accepted), so the IHD never enters
 * the CHF Device Log; its join service on the GSME (CS03B, CS04B) is accepted. Each step is plain data, so
 * fast-check can shrink a sequence and print it, and `dit replay` can re-run it.
 */
import fc from 'fast-check';
import type { PremisesStep } from './premises-steps.ts';
import { describeStep as describePremisesStep } from './premises-steps.ts';
import { propertySequenceOf, type PropertySequence } from './property-sequence.ts';

/** A device a step names: a meter of the premises, or the invented IHD. */
export type LogDevice = 'ESME' | 'GSME' | 'IHD';

/** The invented IHD: the one the RTDS CS03B joins (00-DB-12-34-56-78-90-9C), with an install code of 16 ASCII characters [P: invented]. */
export const INVENTED_IHD = { eui: '00DB12345678909C', installCode: 'IHD-INSTALLCODE1' } as const;

/** Reads the property sends, by the premises property's names (REQUEST_KINDS), so both check the same logs the same way. */
export type DeviceLogRead = 'chf-device-log-read' | 'chf-device-logs-security-read' | 'esme-firmware-read';

export type DeviceLogStep =
  | { readonly kind: 'add'; readonly device: LogDevice }
  /** `settle`: then let the CHF's minute pass, so the next step finds it answered. */
  | { readonly kind: 'remove'; readonly device: LogDevice; readonly settle: boolean }
  | { readonly kind: 'restore' }
  | { readonly kind: 'request'; readonly request: DeviceLogRead }
  | { readonly kind: 'join-service'; readonly service: 'join' | 'unjoin' }
  | { readonly kind: 'advance'; readonly minutes: number };

export type DeviceLogSequence = PropertySequence<DeviceLogStep>;

/** At most this many steps per sequence: 200 sequences stay within a few seconds. */
export const MAX_DEVICE_LOG_STEPS = 6;

const device = fc.constantFrom<LogDevice>('ESME', 'GSME', 'IHD');

/** The arbitrary of one step: changes, reads and time passing weigh most, so a read often finds a meter removed. */
export const deviceLogStep: fc.Arbitrary<DeviceLogStep> = fc.oneof(
  { arbitrary: device.map((d): DeviceLogStep => ({ kind: 'add', device: d })), weight: 3 },
  { arbitrary: fc.record({ device, settle: fc.boolean() }).map((r): DeviceLogStep => ({ kind: 'remove', ...r })), weight: 3 },
  { arbitrary: fc.constant<DeviceLogStep>({ kind: 'restore' }), weight: 2 },
  {
    arbitrary: fc.constantFrom<DeviceLogRead>('chf-device-log-read', 'chf-device-logs-security-read').map((request): DeviceLogStep => ({ kind: 'request', request })),
    weight: 2,
  },
  // a read of the ESME: after a removal and time passing, it must stay unanswered
  { arbitrary: fc.constant<DeviceLogStep>({ kind: 'request', request: 'esme-firmware-read' }), weight: 3 },
  { arbitrary: fc.constantFrom('join' as const, 'unjoin' as const).map((service): DeviceLogStep => ({ kind: 'join-service', service })), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 10 }).map((minutes): DeviceLogStep => ({ kind: 'advance', minutes })), weight: 3 },
);

/** The arbitrary of a sequence: a world seed and 1..MAX_DEVICE_LOG_STEPS steps. */
export const deviceLogSequence: fc.Arbitrary<DeviceLogSequence> = propertySequenceOf(deviceLogStep, MAX_DEVICE_LOG_STEPS);

/** One line for people. */
export function describeDeviceLogStep(step: DeviceLogStep): string {
  switch (step.kind) {
    case 'add':
      return `send SRV 8.11 add the ${step.device} to the CHF Device Log with its install code (CCS01)`;
    case 'remove':
      return `send SRV 8.11 remove the ${step.device} from the CHF Device Log (CCS02)${step.settle ? ', then let a minute pass' : ''}`;
    case 'restore':
      return 'send SRV 8.12.1 restore the CHF Device Log from the DCC\'s record of this hub (CCS03)';
    case 'request':
    case 'advance':
      return describePremisesStep(step satisfies PremisesStep);
    case 'join-service':
      return step.service === 'join' ? 'send SRV 8.7.2 join the IHD to the GSME (CS03B, at its next wake)' : 'send SRV 8.8.2 unjoin the IHD from the GSME (CS04B, at its next wake)';
  }
}
