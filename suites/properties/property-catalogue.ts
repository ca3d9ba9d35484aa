// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The property suites by name: what the default test run checks (harness/cli/properties.test.ts)
 * and what `dit replay NAME:SEED:PATH` looks up. Each names its arbitrary's value for people and
 * can re-run one value narrated, step by step.
 */
import type fc from 'fast-check';
import { describeSequence, premisesProperty, runPremisesSequence, type SequenceLog, type TargetForSeed } from './premises-property.ts';
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

export const PROPERTIES: ReadonlyMap<string, PropertyDefinition<never>> = new Map<string, PropertyDefinition<never>>([[premises.name, premises as PropertyDefinition<never>]]);
