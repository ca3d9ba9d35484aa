// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { Bench } from '../harness/bench/bench.ts';
import { createEmulatedBenchDriver } from './bench-driver.ts';
import { VirtualClock } from './clock/virtual-clock.ts';
import { createPremises, DEFAULT_EUIS } from './premises.ts';

const START = Date.UTC(2019, 3, 8);

function setup() {
  const clock = new VirtualClock(START);
  const premises = createPremises({ seed: 'bench', clock, devices: { esme: { consumption: { activeImportW: 3600, initialActiveImportWh: 0 } } } });
  return { clock, premises, bench: new Bench(createEmulatedBenchDriver(premises)) };
}

describe('EmulatedBenchDriver', () => {
  it('offers supply power, battery, radio loss and the virtual clock', async () => {
    const { bench, clock, premises } = setup();
    expect(bench.lacking('supply-power', 'battery', 'radio-loss', 'clock')).toBeNull();
    expect(bench.lacking('consumption')).toMatch(/consumption/);
    await bench.advance(3_600_000);
    expect(bench.now()).toBe(START + 3_600_000);
    expect(clock.now()).toBe(bench.now());
    expect(premises.esme.activeImportWh).toBe(3600);
  });

  it('switches the ESME and the hub mains, sets the GSME battery and cuts meter links', async () => {
    const { bench, premises } = setup();
    await bench.powerOff(DEFAULT_EUIS.esme);
    expect(premises.esme.powered).toBe(false);
    await bench.powerOff(DEFAULT_EUIS.gpf);
    expect(premises.commsHub.powered).toBe(false);
    expect(premises.chf.powered).toBe(false);
    await bench.powerOn(DEFAULT_EUIS.chf);
    expect(premises.gpf.powered).toBe(true);
    await bench.setBattery(DEFAULT_EUIS.gsme, 12);
    expect(premises.gsme.batteryPercent).toBe(12);
    await bench.radioLoss(DEFAULT_EUIS.gsme);
    expect(premises.gsme.linkUp).toBe(false);
    await bench.radioRestore(DEFAULT_EUIS.gsme);
    expect(premises.gsme.linkUp).toBe(true);
  });

  it('puts interference on a sub-GHz channel of the premises and refuses a channel off the GB pages', async () => {
    const { bench, premises } = setup();
    const channel = { page: 28, channel: 0 } as const;
    const floor = premises.subGhzNoise.levelDbm(channel);
    expect(bench.lacking('interference')).toBeNull();
    await bench.interfere(channel, -60);
    expect(premises.subGhzNoise.levelDbm(channel)).toBeCloseTo(-60, 0);
    await bench.clearInterference(channel);
    expect(premises.subGhzNoise.levelDbm(channel)).toBe(floor);
    await expect(bench.interfere({ page: 27, channel: 0 }, -60)).rejects.toThrow(/pages are 28–31, got 27/);
    await expect(bench.interfere({ page: 28, channel: 40 }, -60)).rejects.toThrow(/channel 40 is not on page 28 \(its channels are 0–26\)/);
    await expect(bench.interfere(channel, 50)).rejects.toThrow(/-120\.\.10 dBm/);
  });

  it('makes the hub transmit filler to a meter: metered against the hub on 868 MHz, not on 2.4 GHz', async () => {
    const { bench, premises } = setup();
    expect(bench.lacking('duty-cycle-pressure')).toBeNull();
    await bench.transmitFiller(DEFAULT_EUIS.esme, 100_000);
    expect(premises.han.medium.usage()).toEqual([]);
    await bench.transmitFiller(DEFAULT_EUIS.gsme, 100_000);
    expect(premises.han.medium.usage()[0]).toMatchObject({ transmitter: DEFAULT_EUIS.chf, isHub: true, state: 'normal' });
    await expect(bench.transmitFiller(DEFAULT_EUIS.gpf, 10)).rejects.toThrow(/not a meter on the HAN/);
  });

  it('says clearly what cannot be done to which device', async () => {
    const { bench } = setup();
    await expect(bench.powerOff(DEFAULT_EUIS.gsme)).rejects.toThrow(/battery powered/);
    await expect(bench.setBattery(DEFAULT_EUIS.esme, 50)).rejects.toThrow(/no battery/);
    await expect(bench.radioLoss(DEFAULT_EUIS.chf)).rejects.toThrow(/inside the comms hub/);
    await expect(bench.powerOff('00DB1234567890FF')).rejects.toThrow(/no device 00DB1234567890FF.*ESME 00DB1234567890A0/);
  });
});
