// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Each HAN fault primitive is found by a DIT check through DUIS and the Bench alone: the check
 * (suites/han-checks.ts and suites/duty-cycle-checks.ts, registered as DIT cases by the suites) passes on a fault-free world
 * and fails on a world whose firmware profile declares the fault — run exactly as the DIT worker
 * runs a case, on a target built by the composition root, never looking into the emulators.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Fault, FaultOf } from '../../emulators/firmware/profile-schema.ts';
import { testFault, testProfile } from '../../emulators/testing/test-profiles.ts';
import type { WorldProfiles } from '../../emulators/world.ts';
import { combinationOf, type DitContext } from '../dit/dit-case.ts';
import type { DitTarget } from '../dit/dit-target.ts';
import { DEFAULT_RUN_CONFIG } from '../dit/run-config.ts';
import { measurementFailure } from '../dit/measurement.ts';
import { runCaseBody } from '../dit/run-case-body.ts';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import {
  esmeRejoinsAfterPowerCycle,
  gpfMirrorFollowsTheMeter,
  gsmeRejoinsAfterBatteryChange,
  lowBatteryAlertOnce,
  queuedCommandsAllAnswered,
} from '../../suites/han-checks.ts';
import { heldAlertsFollowTheSuspension, hubDutyCycleEscalatesAndRecovers } from '../../suites/duty-cycle-checks.ts';
import { channelReadMatchesThePremises } from '../../suites/sub-ghz-requests.ts';
import { createTarget } from './targets.ts';

const premises = loadPremisesSpec();

let open: DitTarget | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** Runs a check as a DIT case on the premises' meter of `type`, with these profiles; the error it ended with, or null. */
async function run(check: (ctx: DitContext) => Promise<void>, type: 'ESME' | 'GSME', profiles: WorldProfiles = {}, seed = 'han-fault-detection'): Promise<Error | null> {
  await open?.close();
  const meter = premises.meters.find((m) => m.type === type)!;
  open = await createTarget({ config: DEFAULT_RUN_CONFIG, premises, seed }, { profiles });
  // as the worker runs a case body: a skip, what it threw, or the first measurement outside its limits
  const ran = await runCaseBody(check, { target: open, premises, meter, combination: combinationOf(premises, meter) });
  if (ran.skipped !== null) return new Error(`skipped: ${ran.skipped}`);
  if (ran.thrown !== null) return ran.thrown instanceof Error ? ran.thrown : new Error(String(ran.thrown));
  return ran.outOfLimits[0] ? new Error(measurementFailure(ran.outOfLimits[0])) : null;
}

const hub = (fault: Fault): WorldProfiles => ({ commsHub: testProfile({ id: 'HUB', kind: 'comms-hub', faults: [fault] }) });
const meter = (role: 'esme' | 'gsme', fault: Fault): WorldProfiles => ({ [role]: testProfile({ id: role.toUpperCase(), kind: 'meter', faults: [fault] }) });

describe('each HAN fault primitive is found through DUIS and the Bench alone', () => {
  it('stale-mirror: SLEEPY-GPF-MIRROR-FOLLOWS finds a GPF mirror the GSME no longer refreshes', async () => {
    expect(await run(gpfMirrorFollowsTheMeter, 'GSME')).toBeNull();
    const found = await run(gpfMirrorFollowsTheMeter, 'GSME', hub(testFault<FaultOf<'stale-mirror'>>({ id: 'STALE', primitive: 'stale-mirror' })));
    expect(found?.message).toMatch(/GPF mirror after the GSME reported at its wake/);
  });

  it('lose-queued: SLEEPY-QUEUED-COMMANDS-ANSWERED finds commands the CHF loses', async () => {
    expect(await run(queuedCommandsAllAnswered, 'GSME')).toBeNull();
    const found = await run(queuedCommandsAllAnswered, 'GSME', hub(testFault<FaultOf<'lose-queued'>>({ id: 'LOST', primitive: 'lose-queued' })));
    expect(found?.message).toMatch(/no DUIS response/);
  });

  it('fails-to-rejoin: JOIN-ESME-REJOIN-AFTER-POWER-CYCLE and JOIN-GSME-REJOIN-AFTER-BATTERY-CHANGE find a meter that stays off the HAN', async () => {
    const fault = testFault<FaultOf<'fails-to-rejoin'>>({ id: 'NO-REJOIN', primitive: 'fails-to-rejoin' });
    expect(await run(esmeRejoinsAfterPowerCycle, 'ESME')).toBeNull();
    expect((await run(esmeRejoinsAfterPowerCycle, 'ESME', meter('esme', fault)))?.message).toMatch(/no DUIS response/);
    expect(await run(gsmeRejoinsAfterBatteryChange, 'GSME')).toBeNull();
    expect((await run(gsmeRejoinsAfterBatteryChange, 'GSME', meter('gsme', fault)))?.message).toMatch(/no DUIS response/);
  });

  it('alert-storm: ALERT-GSME-LOW-BATTERY finds a GSME that repeats its low battery alert', async () => {
    expect(await run(lowBatteryAlertOnce, 'GSME')).toBeNull();
    const storm = testFault<FaultOf<'alert-storm'>>({ id: 'STORM', primitive: 'alert-storm', useCase: 'GNCA', direction: 'alert', alertCode: '8F1F', times: 3, intervalMs: 60_000 });
    expect((await run(lowBatteryAlertOnce, 'GSME', meter('gsme', storm)))?.message).toMatch(/messages nobody asked for/);
  });
});

describe('the duty-cycle fault primitives are found through DUIS and the Bench alone (DUTY-CYCLE-SUSPENDED-METER-HOLDS-ALERTS)', () => {
  it('ignores-suspend-zcl: the low battery alert comes at once, while the meter should be suspended', async () => {
    expect(await run(heldAlertsFollowTheSuspension, 'GSME')).toBeNull();
    const fault = testFault<FaultOf<'ignores-suspend-zcl'>>({ id: 'NO-SUSPEND', primitive: 'ignores-suspend-zcl' });
    expect((await run(heldAlertsFollowTheSuspension, 'GSME', meter('gsme', fault)))?.message).toMatch(/held while the meter is suspended/);
  });

  it('loses-held-after-suspension: the alert the meter held never comes', async () => {
    const fault = testFault<FaultOf<'loses-held-after-suspension'>>({ id: 'LOSES-HELD', primitive: 'loses-held-after-suspension' });
    expect((await run(heldAlertsFollowTheSuspension, 'GSME', meter('gsme', fault)))?.message).toMatch(/no DUIS device-alert 8F1F/);
  });

  it('the duty-cycle checks pass whatever the GSME\'s seeded wake phase', async () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      expect(await run(hubDutyCycleEscalatesAndRecovers, 'GSME', {}, `duty-cycle/${seed}`), seed).toBeNull();
      expect(await run(heldAlertsFollowTheSuspension, 'GSME', {}, `duty-cycle/${seed}`), seed).toBeNull();
    }
  });

  it('reports the wrong channel (wrong-value on DBCH01 channel.mask): SUBGHZ-CHANNEL-READ finds a hub naming another channel', async () => {
    expect(await run(channelReadMatchesThePremises, 'GSME')).toBeNull();
    // page 28 channel 5 instead of channel 0: the mask and the channel list change together
    const wrongValue = (id: string, field: string, value: number) =>
      testFault({ id, primitive: 'wrong-value', useCase: 'DBCH01', direction: 'response', field, replacement: { kind: 'constant', value } } as Fault);
    const profiles: WorldProfiles = {
      commsHub: testProfile({ id: 'HUB', kind: 'comms-hub', faults: [wrongValue('WRONG-CHANNEL-MASK', 'channel.mask', 0xe0000020), wrongValue('WRONG-CHANNEL', 'channel.channels.0', 5)] }),
    };
    expect((await run(channelReadMatchesThePremises, 'GSME', profiles))?.message).toMatch(/operating channel the premises description gives/);
  });
});
