// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The property suites by name: what the default test run checks (harness/cli/properties.test.ts)
 * and what `dit replay NAME:SEED:PATH` looks up. Each names its arbitrary's value for people and
 * can re-run one value narrated, step by step.
 */
import type fc from 'fast-check';
import { describeDeviceLogSequence, deviceLogProperty, runDeviceLogSequence } from './device-log-property.ts';
import type { DeviceLogSequence } from './device-log-steps.ts';
import { describeSequence, premisesProperty, runPremisesSequence } from './premises-property.ts';
import type { SequenceLog, TargetForSeed } from './sequence-runner.ts';
import type { PremisesSequence } from './premises-steps.ts';

export interface PropertyDefinition<T> {
  readonly name: string;
  readonly title: string;
  /** The property over random values, each run on targets from `targetFor`. */
  property(targetFor: TargetForSeed): fc.IAsyncPropertyWithHooks<[T]>;
  /** A value (a counterexample) for people, one line each. */
  describe(value: T): string[];
  /** Runs one value again, narrating it; throws what broke. */
  replay(value: T, targetFor: TargetForSeed, log: SequenceLog): Promise<void>;
}

const premises: PropertyDefinition<PremisesSequence> = {
  name: 'premises',
  title: 'random service requests and Bench events on one premises keep its invariants',
  property: premisesProperty,
  describe: describeSequence,
  replay: runPremisesSequence,
};

const deviceLogs: PropertyDefinition<DeviceLogSequence> = {
  name: 'device-logs',
  title: 'random changes to the CHF Device Log, reads of it and the join service keep its invariants',
  property: deviceLogProperty,
  describe: describeDeviceLogSequence,
  replay: runDeviceLogSequence,
};

export const PROPERTIES: ReadonlyMap<string, PropertyDefinition<never>> = new Map<string, PropertyDefinition<never>>(
  [premises, deviceLogs].map((p) => [p.name, p as PropertyDefinition<never>]),
);
