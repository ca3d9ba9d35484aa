// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The premises property: a random sequence of service requests and Bench events
 * (premises-steps.ts) on one fresh premises, driven through the DUIS client and the Bench alone,
 * with every invariant of premises-invariants.ts checked after each step and once more when the
 * sequence is over and every window has passed (sequence-runner.ts runs it).
 */
import fc from 'fast-check';
import type { DitTarget } from '../../harness/dit/dit-target.ts';
import { MINUTE } from '../han-checks.ts';
import { PremisesInvariants } from './premises-invariants.ts';
import { describeStep, premisesSequence, REQUEST_KINDS, type PremisesSequence, type PremisesStep } from './premises-steps.ts';
import { describePropertySequence, runPropertySequence, type SequenceKind, type SequenceLog, type TargetForSeed } from './sequence-runner.ts';

/** The sequence for people: its world seed and its steps, numbered. */
export function describeSequence(sequence: PremisesSequence): string[] {
  return describePropertySequence(PREMISES_SEQUENCES, sequence);
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

/** How the premises property runs its sequences (sequence-runner.ts). */
export const PREMISES_SEQUENCES: SequenceKind<PremisesStep, PremisesInvariants> = {
  seedSpace: 'premises-property',
  describeStep,
  invariants: (target) => new PremisesInvariants(target.duis, target.bench, target.premises),
  runStep,
};

/** Runs one sequence on a fresh target, checking the invariants after each step and once every window has passed. */
export function runPremisesSequence(sequence: PremisesSequence, targetFor: TargetForSeed, log?: SequenceLog): Promise<void> {
  return runPropertySequence(PREMISES_SEQUENCES, sequence, targetFor, log);
}

/** The property over random sequences, for fast-check. */
export function premisesProperty(targetFor: TargetForSeed): fc.IAsyncPropertyWithHooks<[PremisesSequence]> {
  return fc.asyncProperty(premisesSequence, (sequence) => runPremisesSequence(sequence, targetFor));
}
