// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A seeded failure shrinks and replays: the premises property run on a world whose ESME
 * firmware profile answers ECS52 two minutes late (a fault the composition root injects, never a
 * suite) fails on one-outcome-in-window, its counterexample shrinks to the one request that shows
 * it, and `dit replay` with the printed token reproduces the failure step by step (exit 1) —
 * while on the fault-free world the same token holds (exit 0). A malformed token is a usage
 * error (exit 2). The device-logs property likewise, on a comms hub whose firmware profile never
 * sends CS14 0x8F12.
 */
import { describe, expect, it } from 'vitest';
import type { FaultOf } from '../../emulators/firmware/profile-schema.ts';
import { testFault, testProfile } from '../../emulators/testing/test-profiles.ts';
import type { WorldProfiles } from '../../emulators/world.ts';
import { PROPERTIES } from '../../suites/properties/property-catalogue.ts';
import type { PremisesSequence } from '../../suites/properties/premises-steps.ts';
import type { DeviceLogSequence } from '../../suites/properties/device-log-steps.ts';
import { checkProperty, propertyFailureReport } from '../dit/property-check.ts';
import { DEFAULT_RUN_CONFIG } from '../dit/run-config.ts';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { replayCommand } from './replay-command.ts';
import { createEmulatedTarget } from './targets.ts';
import { UserError } from './user-error.ts';

const premises = loadPremisesSpec();
const lateEsme: WorldProfiles = {
  esme: testProfile({
    id: 'LATE-ESME',
    kind: 'meter',
    faults: [testFault<FaultOf<'delay'>>({ id: 'ECS52-LATE', primitive: 'delay', useCase: 'ECS52', direction: 'response', delayMs: 120_000 })],
  }),
};

function captured(): { write(text: string): void; text(): string } {
  let text = '';
  return { write: (t: string) => void (text += t), text: () => text };
}

describe('dit replay: a seeded failure shrinks and replays', () => {
  it('fails on the faulted world, shrinks to the late request, and replays to the same invariant', async () => {
    const definition = PROPERTIES.get('premises')!;
    const property = definition.property((seed) => createEmulatedTarget({ config: DEFAULT_RUN_CONFIG, premises, seed }, { profiles: lateEsme }));
    const result = await checkProperty('premises', property, { numRuns: 200, seed: 5 });
    if (!result.failed) throw new Error('the property held on a world whose ESME answers ECS52 two minutes late');
    expect(result.error.message).toMatch(/^invariant one-outcome-in-window: SRV 11\.2 read the ESME firmware version/);
    // shrunk to the one ECS52 request, on world seed 0 (seed 5 fails on its third sequence; other
    // seeds may leave a harmless step after the request: fast-check shrinks an array from its front)
    expect(result.counterexample as PremisesSequence).toEqual({ worldSeed: 0, steps: [{ kind: 'request', request: 'esme-firmware-read' }] });
    const report = propertyFailureReport('premises', result, definition.describe as (v: unknown) => string[]);
    expect(report).toContain(`replay: dit replay ${result.token}`);
    expect(result.token).toMatch(/^premises:5:\d+(:\d+)*$/);

    const out = captured();
    expect(await replayCommand(result.token, { profiles: lateEsme }, out)).toBe(1);
    expect(out.text()).toContain('1. send SRV 11.2 read the ESME firmware version (ECS52)');
    expect(out.text()).toContain('step by step:');
    expect(out.text()).toContain(`broke: ${result.error.message}`);

    // the same token on the fault-free world: the property holds
    const clean = captured();
    expect(await replayCommand(result.token, {}, clean)).toBe(0);
    expect(clean.text()).toContain('holds');
  });

  it('device-logs: a comms hub that never sends CS14 fails on removal-alerted, shrinks to one removal, and replays', async () => {
    const silentHub: WorldProfiles = {
      commsHub: testProfile({ id: 'NO-CS14', faults: [testFault<FaultOf<'omit-alert'>>({ id: 'CS14-OMITTED', primitive: 'omit-alert', useCase: 'CS14', direction: 'alert' })] }),
    };
    const definition = PROPERTIES.get('device-logs')!;
    const property = definition.property((seed) => createEmulatedTarget({ config: DEFAULT_RUN_CONFIG, premises, seed }, { profiles: silentHub }));
    const result = await checkProperty('device-logs', property, { numRuns: 200, seed: 4 });
    if (!result.failed) throw new Error('the device-logs property held on a comms hub that sends no CS14');
    // seed 4 fails on its fourth sequence and shrinks to the one removal (fast-check shrinks an array from its front: other seeds may keep a harmless step after it)
    expect(result.error.message).toMatch(/^invariant removal-alerted: SRV 8\.11 remove the ESME/);
    expect(result.counterexample as DeviceLogSequence).toEqual({ worldSeed: 0, steps: [{ kind: 'remove', device: 'ESME', settle: false }] });
    expect(result.token).toMatch(/^device-logs:4:\d+(:\d+)*$/);

    const out = captured();
    expect(await replayCommand(result.token, { profiles: silentHub }, out)).toBe(1);
    expect(out.text()).toContain('1. send SRV 8.11 remove the ESME from the CHF Device Log (CCS02)');
    expect(out.text()).toContain(`broke: ${result.error.message}`);
    const clean = captured();
    expect(await replayCommand(result.token, {}, clean)).toBe(0);
  });

  it('refuses a malformed token or an unknown property as a usage error', async () => {
    await expect(replayCommand('premises', {}, captured())).rejects.toThrow(UserError);
    await expect(replayCommand('premises:x:1', {}, captured())).rejects.toThrow(/seed "x" is not a 32-bit integer/);
    await expect(replayCommand('premises:1:1:a', {}, captured())).rejects.toThrow(/path "1:a"/);
    await expect(replayCommand('no-such:1:0', {}, captured())).rejects.toThrow(/no property "no-such"/);
  });
});
