// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A random sequence of a property suite: the world's seed (keys, wake phase, consumption of the
 * premises it runs on) and its steps, in order — plain data, so fast-check shrinks it (dropping
 * steps, lowering numbers) and prints it, and `dit replay` re-runs it.
 */
import fc from 'fast-check';

export interface PropertySequence<S> {
  readonly worldSeed: number;
  readonly steps: readonly S[];
}

/** The arbitrary of a sequence: a world seed and 1..maxSteps steps drawn from `step`. */
export function propertySequenceOf<S>(step: fc.Arbitrary<S>, maxSteps: number): fc.Arbitrary<PropertySequence<S>> {
  return fc.record({ worldSeed: fc.nat({ max: 9999 }), steps: fc.array(step, { minLength: 1, maxLength: maxSteps }) });
}
