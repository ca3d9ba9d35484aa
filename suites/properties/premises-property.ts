// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The premises property: a random sequence of service requests and Bench events
 * (premises-steps.ts) on one fresh premises, driven through the DUIS client and the Bench alone,
 * with every invariant of premises-invariants.ts checked after each step and once more when the
 * sequence is over and every window has passed. Any exception from the target while a step runs
 * breaks the property too (no-emulator-throws).
 *
 * The property does not build its premises: it asks `targetFor(worldSeed)` for a target (the
 * composition root's emulated world, or another target with the same Bench capabilities), so
 * suites never see an emulator.
 */
import fc from 'fast-check';
import type { DitTarget } from '../../harness/dit/dit-target.ts';
import { describeMessage } from '../../harness/transport/inbox.ts';
import { MINUTE } from '../han-checks.ts';
import { clockText, InvariantViolation, PremisesInvariants } from './premises-invariants.ts';
import { describeStep, premisesSequence, REQUEST_KINDS, type PremisesSequence, type PremisesStep } from './premises-steps.ts';

/** Builds the target a sequence runs on, from the sequence's world seed. */
export type TargetForSeed = (worldSeed: string) => Promise<DitTarget>;

/** Where a narrated run writes its lines (`dit replay`). */
export type SequenceLog = (line: string) => void;

/** The world seed of a sequence, as the target factory gets it. */
export function worldSeedOf(sequence: PremisesSequence): string {
  return `premises-property/${sequence.worldSeed}`;
}

/** The sequence for people: its world seed and its steps, numbered. */
export function describeSequence(sequence: PremisesSequence): string[] {
  return [`world seed ${worldSeedOf(sequence)}`, ...sequence.steps.map((s, i) => `${i + 1}. ${describeStep(s)}`)];
}

/** Switches the mains of the comms hub (its CHF) or the ESME off for `offSeconds`, then on, telling the invariants. */
async function powerCycle({ bench }: DitTarget, invariants: PremisesInvariants, device: 'CHF' | 'ESME', offSeconds: number): Promise<void> {
  const kind = device === 'CHF' ? 'hub-off' : 'esme-off';
  await bench.powerOff(invariants.eui(device));
  invariants.begin(kind);
  await bench.advance(offSeconds * 1000);
  await bench.powerOn(invariants.eui(device));
  invariants.end(kind);
}

async function runStep(step: PremisesStep, target: DitTarget, invariants: PremisesInvariants): Promise<void> {
  const { duis, bench } = target;
  switch (step.kind) {
    case 'request': {
      const info = REQUEST_KINDS[step.request];
      const exchange = await duis.send(info.template, { target: invariants.eui(info.target), ...('body' in info ? { body: info.body } : {}) });
      invariants.sent(step.request, exchange);
      return;
    }
    case 'advance':
      return bench.advance(step.minutes * MINUTE);
    case 'hub-power-cycle':
      return powerCycle(target, invariants, 'CHF', step.offSeconds);
    case 'esme-power-cycle':
      return powerCycle(target, invariants, 'ESME', step.offSeconds);
    case 'radio-loss': {
      const kind = step.meter === 'ESME' ? 'esme-link' : 'gsme-link';
      await bench.radioLoss(invariants.eui(step.meter));
      invariants.begin(kind);
      await bench.advance(step.minutes * MINUTE);
      await bench.radioRestore(invariants.eui(step.meter));
      invariants.end(kind);
      return;
    }
    case 'gsme-battery':
      await bench.setBattery(invariants.eui('GSME'), step.percent);
      if (step.percent === 0) invariants.begin('gsme-battery');
      else invariants.end('gsme-battery');
      return;
    case 'duty-cycle-pressure':
      await bench.transmitFiller(invariants.eui('GSME'), step.kilobytes * 1000);
      invariants.pressure();
      return;
  }
}

/**
 * Runs one sequence on a fresh target: each step, then the invariants; at the end the world runs
 * until every window has passed and the invariants are checked once more. Throws the first
 * InvariantViolation. `log` narrates it: each step and the DUIS messages that arrived after it.
 */
export async function runPremisesSequence(sequence: PremisesSequence, targetFor: TargetForSeed, log?: SequenceLog): Promise<void> {
  const target = await targetFor(worldSeedOf(sequence));
  const invariants = new PremisesInvariants(target.duis, target.bench, target.premises);
  let shown = 0;
  const narrate = (line: string) => {
    if (!log) return;
    log(line);
    for (const { at, message } of invariants.received.slice(shown)) log(`     ${clockText(at)}  ← ${describeMessage(message)}`);
    shown = invariants.received.length;
  };
  try {
    log?.(`${clockText(target.bench.now())}  world ${worldSeedOf(sequence)} on the ${target.bench.name} bench`);
    for (const [i, step] of sequence.steps.entries()) {
      const startedAt = target.bench.now();
      try {
        await runStep(step, target, invariants);
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        throw new InvariantViolation('no-emulator-throws', `step ${i + 1} (${describeStep(step)}) threw ${error.name}: ${error.message}`);
      }
      narrate(`${clockText(startedAt)}  ${i + 1}. ${describeStep(step)}`);
      invariants.check();
    }
    const horizon = invariants.horizon() + 1;
    const atEnd = target.bench.now();
    if (horizon > atEnd) {
      try {
        await target.bench.advance(horizon - atEnd);
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        throw new InvariantViolation('no-emulator-throws', `letting every window pass threw ${error.name}: ${error.message}`);
      }
    }
    narrate(`${clockText(atEnd)}  (every window passes: ${Math.round((horizon - atEnd) / 1000)} s)`);
    invariants.check(true);
  } finally {
    invariants.close();
    await target.close();
  }
}

/** The property over random sequences, for fast-check. */
export function premisesProperty(targetFor: TargetForSeed): fc.IAsyncPropertyWithHooks<[PremisesSequence]> {
  return fc.asyncProperty(premisesSequence, (sequence) => runPremisesSequence(sequence, targetFor));
}
