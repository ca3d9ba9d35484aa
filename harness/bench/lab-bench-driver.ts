// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Bench of a real lab (a DCC Boxed instance with real devices on a rig): time is the lab's
 * own — the wall clock — and passing time means waiting for it, so a GSME wake or a firmware
 * transfer costs the real time it takes. Nothing else of the physical world is driven from here
 * yet: switching supplies, batteries, radio links, signal generators, filler traffic and
 * hand-held terminals need lab equipment (a PDU, an attenuator, an operator), so the driver lacks
 * those capabilities and every test needing one is skipped with that reason.
 */
import type { BenchCapability, BenchDriver } from './bench.ts';

export interface LabBenchOptions {
  /** The lab's time, epoch ms (default: the wall clock; injected by tests). */
  readonly now?: () => number;
  /** Waits `ms` of real time (default: a timer; injected by tests). */
  readonly sleep?: (ms: number) => Promise<void>;
}

const LAB_CAPABILITIES: ReadonlySet<BenchCapability> = new Set<BenchCapability>(['clock']);

function lacks(capability: BenchCapability): never {
  throw new Error(`the lab bench cannot ${capability}: it needs lab equipment the harness does not drive yet`);
}

export function createLabBenchDriver(options: LabBenchOptions = {}): BenchDriver {
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    name: 'lab',
    capabilities: LAB_CAPABILITIES,
    now,
    advance: (ms) => sleep(ms),
    setSupply: async () => lacks('supply-power'),
    setBatteryPercent: async () => lacks('battery'),
    setRadioLink: async () => lacks('radio-loss'),
    setInterference: async () => lacks('interference'),
  };
}
