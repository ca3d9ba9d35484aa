// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Bench over HTTP: the wire protocol between a Bench driver in the harness
 * (http-bench-driver.ts) and a server that owns the physical world of a premises — the loopback
 * emulated DCC (emulators/dcc/world-server.ts) today, a lab bench controller tomorrow. JSON in,
 * JSON out; paths hang off a bench URL such as `http://127.0.0.1:8079/worlds/w1/bench`.
 *
 * | method | path            | body                          | answer (200)                  |
 * | ------ | --------------- | ----------------------------- | ----------------------------- |
 * | GET    | `/capabilities` |                               | `{ name, capabilities, now }` |
 * | GET    | `/now`          |                               | `{ now }`                     |
 * | POST   | `/advance`      | `{ ms }`                      | `{ now }` once all due ran    |
 * | POST   | `/supply`       | `{ device, on }`              | `{ now }`                     |
 * | POST   | `/battery`      | `{ device, percent }`         | `{ now }`                     |
 * | POST   | `/radio`        | `{ device, up }`              | `{ now }`                     |
 * | POST   | `/interference` | `{ page, channel, levelDbm }` | `{ now }` (levelDbm null: off) |
 * | POST   | `/filler`       | `{ device, bytes }`           | `{ now }` (the hub transmits filler to the device) |
 * | POST   | `/local-delivery` | `{ device, command }`       | `{ now, response, note }` once the device answered or the terminal's wait ended |
 *
 * `device` is an EUI-64 as 16 hex digits; `command` and `response` are GBCS frames as hex
 * (`response` null when the device gave none). Errors answer `{ error }`: 400 when the request is
 * wrong or the world refuses it (e.g. cutting the supply of a battery-powered GSME; the message
 * says why), 404 for an unknown path or world, 405 for a wrong method. Every successful answer
 * carries the world's time, so a driver's `now()` stays exact without another round trip:
 * on the loopback server world time moves only through `/advance`.
 */
import type { BenchCapability } from './bench.ts';
import type { Eui64 } from '../protocol/gbcs/frame-types.ts';

export const BENCH_PATH = {
  capabilities: '/capabilities',
  now: '/now',
  advance: '/advance',
  supply: '/supply',
  battery: '/battery',
  radio: '/radio',
  interference: '/interference',
  filler: '/filler',
  localDelivery: '/local-delivery',
} as const;

export type BenchPath = (typeof BENCH_PATH)[keyof typeof BENCH_PATH];

/** Every capability a Bench can have, for checking what a server claims. */
export const BENCH_CAPABILITIES: readonly BenchCapability[] = ['supply-power', 'battery', 'radio-loss', 'clock', 'consumption', 'interference', 'duty-cycle-pressure', 'local-delivery'];

export interface BenchTimeBody {
  /** World time, epoch milliseconds. */
  readonly now: number;
  /** When the world's next scheduled event is due (epoch ms), null when none; absent for a real lab. */
  readonly nextDueAt?: number | null;
}

export interface BenchCapabilitiesBody extends BenchTimeBody {
  /** The driver's name as the Bench reports it ("loopback", "lab-3"...). */
  readonly name: string;
  readonly capabilities: readonly BenchCapability[];
}

export interface BenchAdvanceBody {
  readonly ms: number;
}

export interface BenchSupplyBody {
  readonly device: Eui64;
  readonly on: boolean;
}

export interface BenchBatteryBody {
  readonly device: Eui64;
  readonly percent: number;
}

export interface BenchRadioBody {
  readonly device: Eui64;
  readonly up: boolean;
}

export interface BenchInterferenceBody {
  readonly page: number;
  readonly channel: number;
  /** dBm; null switches the interference off. */
  readonly levelDbm: number | null;
}

export interface BenchFillerBody {
  readonly device: Eui64;
  /** Filler bytes the comms hub transmits to the device, ≥ 1. */
  readonly bytes: number;
}

export interface BenchLocalDeliveryBody {
  readonly device: Eui64;
  /** The GBCS command frame, hex. */
  readonly command: string;
}

export interface BenchLocalDeliveryAnswer extends BenchTimeBody {
  /** The device's GBCS response frame, hex; null when none came. */
  readonly response: string | null;
  readonly note: string | null;
}

export interface BenchErrorBody {
  readonly error: string;
}

export function isBenchCapability(value: unknown): value is BenchCapability {
  return typeof value === 'string' && (BENCH_CAPABILITIES as readonly string[]).includes(value);
}
