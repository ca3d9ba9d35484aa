// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A DIT target: what one execution talks to. Emulated, loopback or lab, a suite sees the same
 * three things — a DUIS client, a Bench, and the description of the premises — and never an
 * emulator. The composition root (harness/cli) registers the factory that builds targets.
 */
import type { Bench } from '../bench/bench.ts';
import type { PremisesSpec } from '../programme/premises-spec.ts';
import type { DccEdgeInjector } from '../transport/dcc-edge-injector.ts';
import type { DuisClient } from './duis-client.ts';
import type { DitRunConfig } from './run-config.ts';

export interface DitTarget {
  /** "emulated", "loopback" … as recorded in the ledger. */
  readonly kind: string;
  readonly premises: PremisesSpec;
  readonly duis: DuisClient;
  readonly bench: Bench;
  /**
   * The run's DCC edge faults for this execution, when a schedule is switched on: not for
   * suites (they see faults through DUIS alone) but for the worker, which reads what struck to
   * categorise a failure the schedule caused as an environment failure.
   */
  readonly edgeFaults?: DccEdgeInjector;
  close(): Promise<void>;
}

export interface TargetRequest {
  readonly config: DitRunConfig;
  readonly premises: PremisesSpec;
  /** Seed of this execution's world (derived from run seed, combination and test case). */
  readonly seed: string;
  /** The plan item this execution runs (its fault set, if the run gives one: DitRunConfig.faultSets). */
  readonly planItemId?: string;
}

export type TargetFactory = (request: TargetRequest) => Promise<DitTarget>;

let registered: TargetFactory | undefined;

/** Called once per worker by the composition root's setup file. */
export function registerTargetFactory(factory: TargetFactory): void {
  registered = factory;
}

export function targetFactory(): TargetFactory {
  if (!registered) {
    throw new Error('no DIT target factory registered: the dit project must load harness/cli/dit-worker-setup.ts as a setup file');
  }
  return registered;
}
