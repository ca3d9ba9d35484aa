// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How every property suite runs one random sequence: on a fresh target built from the
 * sequence's world seed, each step, then the invariants; at the end the world runs until every
 * window has passed and the invariants are checked once more. Any exception from the target
 * while a step runs breaks the property (no-emulator-throws). A narrated run (`dit replay`)
 * writes each step and the DUIS messages that arrived after it.
 *
 * A property does not build its premises: it asks `targetFor(worldSeed)` for a target (the
 * composition root's emulated world, or another target with the same Bench capabilities), so
 * suites never see an emulator.
 */
import type { DitTarget } from '../../harness/dit/dit-target.ts';
import { describeMessage } from '../../harness/transport/inbox.ts';
import { clockText, InvariantViolation, type Arrival } from './premises-invariants.ts';
import type { PropertySequence } from './property-sequence.ts';

/** Builds the target a sequence runs on, from the sequence's world seed. */
export type TargetForSeed = (worldSeed: string) => Promise<DitTarget>;

/** Where a narrated run writes its lines (`dit replay`). */
export type SequenceLog = (line: string) => void;


/** What a property's invariants give the runner. */
export interface SequenceInvariants {
  /** Every message that arrived, with the world time it arrived at, in order. */
  readonly received: readonly Arrival[];
  /** World time by which every window has closed. */
  horizon(): number;
  /** Throws the first violation; `final`: the sequence is over. */
  check(final?: boolean): void;
  close(): void;
}

/** How a property runs its sequences: the world seed's namespace, its steps for people, each step on the target. */
export interface SequenceKind<S, I extends SequenceInvariants> {
  /** Prefix of the world seed the target factory gets (`premises-property` → `premises-property/42`). */
  readonly seedSpace: string;
  describeStep(step: S): string;
  invariants(target: DitTarget): I;
  runStep(step: S, target: DitTarget, invariants: I): Promise<void>;
}

/** The world seed of a sequence, as the target factory gets it. */
export function worldSeedIn(seedSpace: string, sequence: PropertySequence<unknown>): string {
  return `${seedSpace}/${sequence.worldSeed}`;
}

/** The sequence for people: its world seed and its steps, numbered. */
export function describePropertySequence<S>(kind: Pick<SequenceKind<S, SequenceInvariants>, 'seedSpace' | 'describeStep'>, sequence: PropertySequence<S>): string[] {
  return [`world seed ${worldSeedIn(kind.seedSpace, sequence)}`, ...sequence.steps.map((s, i) => `${i + 1}. ${kind.describeStep(s)}`)];
}

function thrown(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** Runs one sequence on a fresh target (see the file header); throws the first InvariantViolation. */
export async function runPropertySequence<S, I extends SequenceInvariants>(kind: SequenceKind<S, I>, sequence: PropertySequence<S>, targetFor: TargetForSeed, log?: SequenceLog): Promise<void> {
  const worldSeed = worldSeedIn(kind.seedSpace, sequence);
  const target = await targetFor(worldSeed);
  let invariants: I | undefined;
  try {
    const inv = (invariants = kind.invariants(target));
    let shown = 0;
    const narrate = (line: string) => {
      if (!log) return;
      log(line);
      for (const { at, message } of inv.received.slice(shown)) log(`     ${clockText(at)}  ← ${describeMessage(message)}`);
      shown = inv.received.length;
    };
    log?.(`${clockText(target.bench.now())}  world ${worldSeed} on the ${target.bench.name} bench`);
    for (const [i, step] of sequence.steps.entries()) {
      const startedAt = target.bench.now();
      try {
        await kind.runStep(step, target, inv);
      } catch (e) {
        const error = thrown(e);
        throw new InvariantViolation('no-emulator-throws', `step ${i + 1} (${kind.describeStep(step)}) threw ${error.name}: ${error.message}`);
      }
      narrate(`${clockText(startedAt)}  ${i + 1}. ${kind.describeStep(step)}`);
      inv.check();
    }
    const horizon = inv.horizon() + 1;
    const atEnd = target.bench.now();
    if (horizon > atEnd) {
      try {
        await target.bench.advance(horizon - atEnd);
      } catch (e) {
        const error = thrown(e);
        throw new InvariantViolation('no-emulator-throws', `letting every window pass threw ${error.name}: ${error.message}`);
      }
    }
    narrate(`${clockText(atEnd)}  (every window passes: ${Math.round((horizon - atEnd) / 1000)} s)`);
    inv.check(true);
  } finally {
    invariants?.close();
    await target.close();
  }
}
