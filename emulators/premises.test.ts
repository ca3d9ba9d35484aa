// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock/virtual-clock.ts';
import { METERING_ATTRIBUTE, ZCL_CLUSTER } from './meters/zcl-clusters.ts';
import { createPremises, DEFAULT_EUIS } from './premises.ts';

const START = Date.UTC(2019, 3, 8);
const MINUTE = 60_000;

describe('createPremises', () => {
  it('creates a commissioned dual-band premises with the RTDS identities', () => {
    const p = createPremises({ seed: 'p1', clock: new VirtualClock(START) });
    expect(p.devices().map((d) => [d.deviceType, d.eui, d.band])).toEqual([
      ['CHF', DEFAULT_EUIS.chf, null],
      ['GPF', DEFAULT_EUIS.gpf, null],
      ['ESME', DEFAULT_EUIS.esme, '2.4GHz'],
      ['GSME', DEFAULT_EUIS.gsme, '868MHz'],
    ]);
    expect(p.commsHub.bands).toEqual(['2.4GHz', '868MHz']);
    expect(p.chf.deviceLog.entries().map((e) => [e.eui, e.deviceType, e.state])).toEqual([
      [DEFAULT_EUIS.esme, 'ESME', 'joined'],
      [DEFAULT_EUIS.gsme, 'GSME', 'joined'],
    ]);
    expect(p.chf.deviceLog.get(DEFAULT_EUIS.esme)?.installCode).toBe(p.installCodeOf(DEFAULT_EUIS.esme));
    expect(p.gpf.lastUpdatedAt).toBe(START);
    for (const d of p.devices()) {
      expect(d.firmwareVersion).toBe('0123ABCD');
      expect(d.keys?.eui).toBe(d.eui);
      expect(d.keys?.ka.privateKey).toHaveLength(32);
    }
    expect(p.gsme.nextWakeAt).not.toBeNull();
  });

  it('is the same world for the same seed and a different one for another seed', () => {
    const snapshot = (seed: string) => {
      const p = createPremises({ seed, clock: new VirtualClock(START) });
      return {
        codes: [p.installCodeOf(DEFAULT_EUIS.esme), p.installCodeOf(DEFAULT_EUIS.gsme)],
        esme: p.esme.consumption,
        gsme: p.gsme.consumption,
        wake: p.gsme.nextWakeAt,
        ka: p.esme.keys?.ka.publicKey,
      };
    };
    expect(snapshot('a')).toEqual(snapshot('a'));
    expect(snapshot('a')).not.toEqual(snapshot('b'));
  });

  it('takes overrides for any device', () => {
    const p = createPremises({
      seed: 'p2',
      clock: new VirtualClock(START),
      devices: {
        commsHub: { manufacturer: 'TOSH', firmwareVersion: '0C1A' },
        esme: { model: 'X', firmwareVersion: 'AABB', consumption: { activeImportW: 1000, initialActiveImportWh: 0 } },
        gsme: { band: '2.4GHz', profile: { wakeIntervalMs: 15 * MINUTE }, firstWakeAfterMs: MINUTE, batteryPercent: 40 },
      },
    });
    expect(p.commsHub.manufacturer).toBe('TOSH');
    expect(p.chf.firmwareVersion).toBe('0C1A');
    expect(p.gpf.firmwareVersion).toBe('0C1A');
    expect(p.esme.model).toBe('X');
    expect(p.esme.activeImportWh).toBe(0);
    expect(p.gsme.band).toBe('2.4GHz');
    expect(p.gsme.wakeIntervalMs).toBe(15 * MINUTE);
    expect(p.gsme.nextWakeAt).toBe(START + MINUTE);
    expect(p.gsme.batteryPercent).toBe(40);
  });

  it('refuses a meter on a band the hub does not run, and duplicate EUIs', () => {
    const clock = new VirtualClock(START);
    expect(() => createPremises({ seed: 'x', clock, devices: { commsHub: { bands: ['2.4GHz'] } } })).toThrow(/868MHz/);
    expect(() => createPremises({ seed: 'x', clock, devices: { gsme: { eui: DEFAULT_EUIS.esme } } })).toThrow(/two devices/);
  });

  it('can start uncommissioned: meters exist but are not in the device log', () => {
    const p = createPremises({ seed: 'p3', clock: new VirtualClock(START), commissioned: false });
    expect(p.chf.deviceLog.size).toBe(0);
    expect(p.gpf.lastUpdatedAt).toBeNull();
  });

  it('mirrors the GSME into the GPF at each wake, so GPF reads lag the meter until it reports', async () => {
    const clock = new VirtualClock(START);
    const p = createPremises({
      seed: 'p4',
      clock,
      devices: { gsme: { firstWakeAfterMs: 30 * MINUTE, consumption: { litresPerHour: 600, initialLitres: 1000 } } },
    });
    const mirrored = () => p.gpf.readAttributes(ZCL_CLUSTER.metering, [METERING_ATTRIBUTE.currentSummationDelivered])[0];
    expect(mirrored()).toMatchObject({ status: 'success', value: { value: 1000 } });
    await clock.advance(29 * MINUTE);
    expect(p.gsme.summation).toBe(1290);
    expect(mirrored()).toMatchObject({ value: { value: 1000 } });
    await clock.advance(MINUTE);
    expect(mirrored()).toMatchObject({ value: { value: 1300 } });
    expect(p.gpf.lastUpdatedAt).toBe(START + 30 * MINUTE);
  });

  it('hands queued commands to the GSME at its next wake, oldest first, not while the hub is off', async () => {
    const clock = new VirtualClock(START);
    const p = createPremises({ seed: 'p5', clock, devices: { gsme: { firstWakeAfterMs: 10 * MINUTE } } });
    const delivered: string[] = [];
    for (const label of ['first', 'second']) {
      const command = { originator: '90B3D51F30010000', counter: BigInt(clock.now()), useCase: label };
      p.commsHub.sleepyRelay.queue(p.gsme.eui, command, () => void delivered.push(`${label}@${(clock.now() - START) / MINUTE}`));
    }
    p.commsHub.setPowered(false);
    await clock.advance(10 * MINUTE);
    expect(delivered).toEqual([]);
    p.commsHub.setPowered(true);
    await clock.advance(30 * MINUTE);
    expect(delivered).toEqual(['first@40', 'second@40']);
    expect(p.chf.sleepyBuffer.pendingFor(p.gsme.eui)).toHaveLength(0);
  });

  it('stops the wake cycle on dispose', async () => {
    const clock = new VirtualClock(START);
    const p = createPremises({ seed: 'p6', clock });
    p.dispose();
    expect(clock.pendingCount).toBe(0);
    await clock.advance(120 * MINUTE);
    expect(p.gsme.wakeCount).toBe(0);
  });
});
