// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What `dit run` tells the DIT workers about the run (through vitest's provide/inject). A plain
 * `vitest run --project dit` (as `npm test` does) gets the defaults: emulated, seed "dit".
 */
import { inject } from 'vitest';
import type { KnownDefect } from '../cycle/failure-marker.ts';
import type { PlanItem } from '../cycle/plan-item.ts';
import type { DccEdgeSchedule } from '../transport/dcc-edge-schedule.ts';
import { DEFAULT_PREMISES_FILE } from '../programme/premises-spec.ts';

export type TargetKind = 'emulated' | 'loopback' | 'lab';

/**
 * How to reach a real lab (`--target lab`): the DCC (DCC Boxed) at `url`, as the Service User
 * `user` whose private keys and the devices' certificates are in `keystore` (RTDS keystore
 * layout, which DCC Boxed's test PKI uses), with the DUIS receiver the DCC posts asynchronous
 * responses and alerts to listening at `receiver` (configure that URL as the user's response
 * URL in the DCC).
 */
export interface LabConfig {
  readonly keystore: string;
  /** The Service User's EUI-64 (16 hex digits). */
  readonly user: string;
  readonly receiver: { readonly host: string; readonly port: number; readonly advertisedUrl?: string };
}

export interface DitRunConfig {
  readonly runId: string;
  readonly runSeed: string;
  readonly target: TargetKind;
  /** Base URL of the DCC for a loopback (or lab) target. */
  readonly url?: string;
  /** A lab target's keys and receiver (`--target lab`). */
  readonly lab?: LabConfig;
  /** Programme date (YYYY-MM-DD): the emulated world's clock starts at 09:00 UTC that day. */
  readonly programmeDate: string;
  readonly premisesFile: string;
  /**
   * 'collect': register one placeholder test per case (the planner reads the catalogue);
   * 'run' (default): run the plan, or without a plan, every case on the premises as described.
   */
  readonly mode?: 'collect' | 'run';
  /** The plan items this worker runs (already sharded and, on resume, without finished items). */
  readonly plan?: readonly PlanItem[];
  /** How many times a failing execution is tried (each attempt is recorded). Default 1. */
  readonly attempts?: number;
  /**
   * DCC edge faults (`--dcc-faults FILE`, `--inject-dcc-error STATUS/N`; emulated and loopback
   * targets): the schedule every execution's world lives through (harness/transport/dcc-edge-schedule.ts).
   */
  readonly dccFaults?: DccEdgeSchedule;
  /** Defects the ledger knows before the run: a failure matching one is reported as known. */
  readonly knownDefects?: readonly KnownDefect[];
  /**
   * Firmware faults per plan item (`dit profiles audit`; emulated target only): for each plan
   * item id listed, the faults each device's firmware profile has in that execution in place of
   * its own. Plain JSON here (harness never reads emulators); the composition root checks it.
   */
  readonly faultSets?: Readonly<Record<string, PlanItemFaultSet>>;
}

/**
 * The faults of one execution's devices, by role: each list replaces the faults of that device's
 * firmware profile (its timings kept; a device with no profile gets one with only these faults).
 * The entries are fault objects of emulators/firmware/profile-schema.ts, unchecked here.
 */
export interface PlanItemFaultSet {
  readonly commsHub?: readonly unknown[];
  readonly esme?: readonly unknown[];
  readonly gsme?: readonly unknown[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    ditRun: DitRunConfig;
  }
}

export const DEFAULT_RUN_CONFIG: DitRunConfig = {
  runId: 'vitest',
  runSeed: 'dit',
  target: 'emulated',
  programmeDate: '2019-04-12',
  premisesFile: DEFAULT_PREMISES_FILE,
};

export function currentRunConfig(): DitRunConfig {
  let provided: DitRunConfig | undefined;
  try {
    provided = inject('ditRun');
  } catch {
    provided = undefined;
  }
  return provided ?? DEFAULT_RUN_CONFIG;
}

/** Epoch ms at which an emulated world starts on a programme date (09:00 UTC). */
export function worldStartMs(programmeDate: string): number {
  const t = Date.parse(`${programmeDate}T09:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`programme date "${programmeDate}" is not a date (YYYY-MM-DD)`);
  return t;
}
