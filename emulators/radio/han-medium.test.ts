// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock/seeded-random.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { EmulatedDevice, type HanBand } from '../device.ts';
import { deviceProfile } from '../firmware/device-profile.ts';
import { airtimeMs, RADIO_2_4_GHZ, subGhzRadio } from './airtime.ts';
import { DEFAULT_DUTY_CYCLE_THRESHOLDS, type DutyCycleThresholds } from './duty-cycle.ts';
import { BROADCAST_TRANSMISSIONS, HanMedium, interferenceLossRate, MAX_ATTEMPTS, type DutyCycleStepEvent } from './han-medium.ts';

const HUB = '00DB1234567890A2';
const GSME = '00DB1234567890A1';
const ESME = '00DB1234567890A0';
const HOUR = 3_600_000;
const START = Date.UTC(2019, 3, 12, 9);

function device(eui: string, band: HanBand): EmulatedDevice {
  return new EmulatedDevice({ eui, deviceType: band === '868MHz' ? 'GSME' : 'ESME', manufacturer: 'M', model: 'M', firmwareVersion: '01', band }, deviceProfile('GSME'));
}

function world(options: { thresholds?: () => DutyCycleThresholds; interferenceDbm?: number | null } = {}) {
  const clock = new VirtualClock(START);
  const gsme = device(GSME, '868MHz');
  const esme = device(ESME, '2.4GHz');
  const devices = [gsme, esme];
  const medium = new HanMedium({
    clock,
    seed: 'han-medium',
    random: new SeededRandom('han-medium'),
    hub: HUB,
    device: (eui) => devices.find((d) => d.eui === eui),
    devices: () => devices,
    ...(options.thresholds ? { thresholds: options.thresholds } : {}),
    interferenceDbm: (band) => (band === '868MHz' ? (options.interferenceDbm ?? null) : null),
  });
  const steps: DutyCycleStepEvent[] = [];
  medium.onStep((e) => steps.push(e));
  return { clock, medium, gsme, esme, steps };
}

/** Bytes of filler whose airtime on 868 MHz at 100 kbit/s is about `percent` of an hour. */
function bytesFor(percent: number): number {
  // 82 payload bytes per PHY frame carrying 139 bytes on the air
  return Math.round((((percent / 100) * HOUR * 100_000) / 8 / 1000) * (82 / 139));
}

describe('HAN medium', () => {
  it('charges a frame to its sender on 868 MHz only, every attempt of every PHY frame', () => {
    const { medium } = world();
    const down = medium.carry({ from: HUB, to: GSME, bytes: 200, label: 'command' });
    expect(down).toMatchObject({ delivered: true, band: '868MHz' });
    expect(down.attempts).toBeGreaterThanOrEqual(3); // 200 bytes: three PHY frames
    expect(down.airtimeMs).toBeGreaterThanOrEqual(airtimeMs(subGhzRadio(), 200) - 1e-9);
    const up = medium.carry({ from: GSME, to: HUB, bytes: 60, label: 'response' });
    const [hub, gsme] = medium.usage();
    expect([hub?.transmitter, gsme?.transmitter]).toEqual([HUB, GSME]);
    expect(hub?.percent).toBeCloseTo((down.airtimeMs * 100) / HOUR, 6);
    expect(gsme?.percent).toBeCloseTo((up.airtimeMs * 100) / HOUR, 6);
    const esme = medium.carry({ from: HUB, to: ESME, bytes: 200, label: 'command' });
    expect(esme).toMatchObject({ delivered: true, band: '2.4GHz' });
    expect(esme.airtimeMs).toBeGreaterThanOrEqual(airtimeMs(RADIO_2_4_GHZ, 200) - 1e-9);
    expect(medium.usage(), 'nothing metered on 2.4 GHz').toHaveLength(2);
    expect(() => medium.carry({ from: GSME, to: ESME, bytes: 1, label: 'x' })).toThrow(/between the hub/);
  });

  it('steps up as frames are charged and back down on the clock, with nobody polling', async () => {
    const { clock, medium, steps } = world();
    medium.hubSend(GSME, bytesFor(2.6), 'filler');
    expect(steps.map((e) => [e.isHub, e.step.to, e.step.alertCode])).toEqual([
      [true, 'limited', 0x8f20],
      [true, 'critical', 0x8f22],
      [true, 'suspended', 0x8f24],
    ]);
    expect(clock.pending().some((p) => p.background && /duty cycle of the comms hub/.test(p.label))).toBe(true);
    await clock.advance(2 * HOUR);
    expect(steps.slice(3).map((e) => e.step.alertCode)).toEqual([0x8f25, 0x8f23, 0x8f21]);
    expect(steps.slice(3).every((e) => e.step.at > START + HOUR - 60_000 && e.step.at <= START + HOUR + 60_000)).toBe(true);
    expect(medium.stateOf(HUB)).toBe('normal');
  });

  it('a Suspended sender sends nothing until its usage falls', async () => {
    const { clock, medium } = world();
    medium.hubSend(GSME, bytesFor(2.6), 'filler');
    expect(medium.hubSend(GSME, 10, 'command')).toEqual({ delivered: false, reason: 'suspended', band: '868MHz', attempts: 0, airtimeMs: 0 });
    expect(medium.hubSend(ESME, 10, 'command'), 'the 2.4 GHz side is not held back').toMatchObject({ delivered: true });
    expect(medium.carry({ from: GSME, to: HUB, bytes: 10, label: 'alert' }), 'the device has its own budget').toMatchObject({ delivered: true });
    await clock.advance(HOUR + 60_000);
    expect(medium.hubSend(GSME, 10, 'command')).toMatchObject({ delivered: true });
  });

  it('a device off the air hears nothing: every attempt is spent', () => {
    const { medium, gsme } = world();
    gsme.linkUp = false;
    const lost = medium.hubSend(GSME, 10, 'command');
    expect(lost).toMatchObject({ delivered: false, reason: 'unreachable', attempts: MAX_ATTEMPTS });
    expect(lost.airtimeMs).toBeCloseTo(MAX_ATTEMPTS * airtimeMs(subGhzRadio(), 10), 9);
    gsme.linkUp = true;
    gsme.powered = false;
    expect(medium.hubSend(GSME, 10, 'command')).toMatchObject({ delivered: false, reason: 'unreachable' });
  });

  it('interference on the operating channel loses frames: all of them when it drowns the signal', () => {
    expect(interferenceLossRate(-70, -100)).toBe(0);
    expect(interferenceLossRate(-70, -60)).toBe(1);
    expect(interferenceLossRate(-70, -80)).toBeCloseTo(0.1, 12);
    const { medium } = world({ interferenceDbm: 0 });
    expect(medium.hubSend(GSME, 10, 'command')).toMatchObject({ delivered: false, reason: 'lost', attempts: MAX_ATTEMPTS });
    expect(medium.hubSend(ESME, 10, 'command'), '2.4 GHz is another band').toMatchObject({ delivered: true });
  });

  it('the same seed loses the same frames', () => {
    const run = () => {
      const { medium } = world({ interferenceDbm: -75 });
      return Array.from({ length: 40 }, () => medium.hubSend(GSME, 100, 'x').attempts);
    };
    expect(run()).toEqual(run());
  });

  it('tells the hub when it may send without reaching Limited, and when it sends then it stays below', async () => {
    const { clock, medium, steps } = world();
    expect(medium.hubSlot(ESME, 1000)).toMatchObject({ band: '2.4GHz', at: clock.now(), reachable: true });
    const first = medium.hubSlot(GSME, 1000);
    expect(first).toMatchObject({ band: '868MHz', at: clock.now() });
    const sent = medium.hubSend(GSME, bytesFor(1.25), 'image blocks');
    // a small block fits once the radio is free; a bigger one must wait for airtime to leave the window
    expect(medium.hubSlot(GSME, 1000).at).toBe(Math.ceil(clock.now() + sent.airtimeMs));
    const slot = medium.hubSlot(GSME, 20_000);
    expect(slot.at as number).toBeGreaterThan(clock.now() + HOUR / 2);
    expect(medium.hubSlot(GSME, 20_000, 'critical').at).toBe(Math.ceil(clock.now() + sent.airtimeMs));
    await clock.advanceTo(slot.at as number);
    medium.hubSend(GSME, 20_000, 'next block');
    expect(medium.stateOf(HUB), 'sent at its slot, the hub stays below Limited').toBe('normal');
    expect(steps).toEqual([]);
  });

  it('takes new thresholds from its source (SRV 6.28) and steps at once', () => {
    let thresholds = DEFAULT_DUTY_CYCLE_THRESHOLDS;
    const { medium, steps } = world({ thresholds: () => thresholds });
    medium.hubSend(GSME, bytesFor(1.0), 'filler');
    expect(steps).toEqual([]);
    thresholds = { limitedPercent: 0.5, criticalPercent: 0.9, regulatedPercent: 2.5 };
    medium.thresholdsChanged();
    expect(steps.map((e) => e.step.to)).toEqual(['limited', 'critical']);
  });

  it('a broadcast reaches the reachable 868 MHz devices, for BROADCAST_TRANSMISSIONS of airtime', () => {
    const { medium, gsme } = world();
    expect(medium.broadcast(4)).toEqual([GSME]);
    expect(medium.usage()[0]?.percent).toBeCloseTo((BROADCAST_TRANSMISSIONS * airtimeMs(subGhzRadio(), 4) * 100) / HOUR, 6);
    gsme.linkUp = false;
    expect(medium.broadcast(4)).toEqual([]);
  });

  it('tells steps in the order they were taken, also when a listener sends frames of its own', () => {
    const { medium, steps } = world();
    medium.onStep((e) => {
      if (e.step.to === 'limited') medium.hubSend(GSME, bytesFor(1.3), 'more');
    });
    medium.hubSend(GSME, bytesFor(1.4), 'filler');
    expect(steps.map((e) => e.step.to)).toEqual(['limited', 'critical', 'suspended']);
    expect(medium.busiestDevice()).toBe(GSME);
  });
});
