// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { Bench } from '../harness/bench/bench.ts';
import { ECS17B_COMMAND_FIELDS, ecs17b } from '../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { gcs38 } from '../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { createEmulatedBenchDriver, LOCAL_DELIVERY_WAIT_MS } from './bench-driver.ts';
import { VirtualClock } from './clock/virtual-clock.ts';
import { commandHeader, openDeviceMessage, sealCommand } from './testing/dcc-side.ts';
import { createPremises, DEFAULT_EUIS, type Premises } from './premises.ts';

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

  /** An ECS17b read (or a GCS38 to the GSME) from the supplier, MAC-wrapped as the DCC returns it for local delivery. */
  function localCommand(premises: Premises, recipient: string, counter: bigint): Uint8Array {
    const gsme = recipient === DEFAULT_EUIS.gsme;
    const header = commandHeader({ recipient, messageCode: gsme ? gcs38.messageCode : ecs17b.messageCode, counter });
    const payload = gsme ? gcs38.encodeCommand({ sequenceNumber: 0 }, { header }) : ecs17b.encodeCommand(ECS17B_COMMAND_FIELDS, { header });
    return sealCommand(premises.keys, header, payload);
  }

  it('hands a command to the ESME as a hand-held terminal would: the response comes back to the bench, none goes out on the WAN', async () => {
    const { bench, premises, clock } = setup();
    const onWan: string[] = [];
    premises.onDeviceMessage((_frame, info) => void onWan.push(`${info.useCase} ${info.kind}`));
    expect(bench.lacking('local-delivery')).toBeNull();
    // the comms hub's mains play no part: the terminal reaches the meter itself
    await bench.powerOff(DEFAULT_EUIS.chf);
    const outcome = await bench.deliverLocally(DEFAULT_EUIS.esme, localCommand(premises, DEFAULT_EUIS.esme, 1_000n));
    expect(outcome.note).toMatch(/ESME 00DB1234567890A0 answered after \d+ ms/);
    const opened = openDeviceMessage(premises.keys, outcome.response!);
    expect(opened).toMatchObject({ mac: 'valid', frame: { cra: 2, messageCode: ecs17b.messageCode, originator: DEFAULT_EUIS.esme, counter: 1_000n } });
    expect(clock.now() - START).toBeLessThanOrEqual(LOCAL_DELIVERY_WAIT_MS);
    await bench.advance(60_000);
    expect(onWan).toEqual([]);
    // the same command again: its counter is spent, the ESME acts on it no more
    expect(await bench.deliverLocally(DEFAULT_EUIS.esme, localCommand(premises, DEFAULT_EUIS.esme, 1_000n))).toEqual({ response: null, note: expect.stringMatching(/counter-not-increasing/) });
  });

  it('the GSME answers a local command at once, without waiting for its wake', async () => {
    const { bench, premises, clock } = setup();
    const before = clock.now();
    const outcome = await bench.deliverLocally(DEFAULT_EUIS.gsme, localCommand(premises, DEFAULT_EUIS.gsme, 2_000n));
    expect(openDeviceMessage(premises.keys, outcome.response!).frame).toMatchObject({ cra: 2, messageCode: gcs38.messageCode, originator: DEFAULT_EUIS.gsme });
    expect(clock.now() - before).toBeLessThan(premises.gsme.wakeIntervalMs);
  });

  it('gives no response for a command to another device, or to a meter without power, and says why', async () => {
    const { bench, premises } = setup();
    expect(await bench.deliverLocally(DEFAULT_EUIS.gsme, localCommand(premises, DEFAULT_EUIS.esme, 3_000n))).toEqual({ response: null, note: expect.stringMatching(/for 00DB1234567890A0, not the GSME 00DB1234567890A1 the terminal is at/) });
    await bench.powerOff(DEFAULT_EUIS.esme);
    expect(await bench.deliverLocally(DEFAULT_EUIS.esme, localCommand(premises, DEFAULT_EUIS.esme, 3_001n))).toEqual({ response: null, note: expect.stringMatching(/device-unreachable: the ESME 00DB1234567890A0 is without power/) });
  });

  it('says clearly what cannot be done to which device', async () => {
    const { bench } = setup();
    await expect(bench.powerOff(DEFAULT_EUIS.gsme)).rejects.toThrow(/battery powered/);
    await expect(bench.setBattery(DEFAULT_EUIS.esme, 50)).rejects.toThrow(/no battery/);
    await expect(bench.radioLoss(DEFAULT_EUIS.chf)).rejects.toThrow(/inside the comms hub/);
    await expect(bench.powerOff('00DB1234567890FF')).rejects.toThrow(/no device 00DB1234567890FF.*ESME 00DB1234567890A0/);
  });
});
