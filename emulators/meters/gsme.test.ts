// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { deviceProfile } from '../firmware/device-profile.ts';
import { Gsme } from './gsme.ts';
import { METERING_ATTRIBUTE, ZCL_CLUSTER } from './zcl-clusters.ts';

const START = Date.UTC(2019, 3, 8);
const MINUTE = 60_000;

function gsme(options: { wakeIntervalMs?: number; batteryPercent?: number } = {}) {
  const clock = new VirtualClock(START);
  const meter = new Gsme({
    identity: { eui: '00DB1234567890A1', manufacturer: 'MM2', model: 'g', firmwareVersion: '0123ABCD', band: '868MHz' },
    profile: deviceProfile('GSME', options.wakeIntervalMs ? { wakeIntervalMs: options.wakeIntervalMs } : {}),
    clock,
    consumption: { litresPerHour: 120, initialLitres: 12_345 },
    ...(options.batteryPercent !== undefined ? { batteryPercent: options.batteryPercent } : {}),
  });
  const wakes: number[] = [];
  meter.onWake(() => void wakes.push(clock.now() - START));
  return { meter, clock, wakes };
}

describe('Gsme', () => {
  it('wakes every 30 virtual minutes by default', async () => {
    const { meter, clock, wakes } = gsme();
    meter.start();
    await clock.advance(2 * 60 * MINUTE);
    expect(wakes).toEqual([30, 60, 90, 120].map((m) => m * MINUTE));
    expect(meter.wakeCount).toBe(4);
    expect(meter.nextWakeAt).toBe(START + 150 * MINUTE);
  });

  it('honours a configured interval, a first-wake phase and a change of interval', async () => {
    const { meter, clock, wakes } = gsme({ wakeIntervalMs: 10 * MINUTE });
    meter.start(3 * MINUTE);
    await clock.advance(25 * MINUTE);
    expect(wakes).toEqual([3, 13, 23].map((m) => m * MINUTE));
    meter.setWakeInterval(60 * MINUTE);
    expect(meter.nextWakeAt).toBe(START + 83 * MINUTE);
  });

  it('does not keep runUntilIdle busy (its wakes are background events)', async () => {
    const { meter, clock } = gsme();
    meter.start();
    expect(await clock.runUntilIdle()).toBe(0);
  });

  it('counts a missed wake when its HAN link is down, and does not wake on a flat battery', async () => {
    const { meter, clock, wakes } = gsme();
    meter.start();
    meter.linkUp = false;
    await clock.advance(60 * MINUTE);
    expect(wakes).toEqual([]);
    expect(meter.missedWakes).toBe(2);
    meter.linkUp = true;
    meter.setBatteryPercent(0);
    await clock.advance(60 * MINUTE);
    expect(meter.wakeCount).toBe(2);
    meter.setBatteryPercent(80);
    await clock.advance(30 * MINUTE);
    expect(wakes).toEqual([150 * MINUTE]);
  });

  it('advances current summation delivered with time and serves ZCL reads', async () => {
    const { meter, clock } = gsme();
    expect(meter.summation).toBe(12_345);
    await clock.advance(30 * MINUTE);
    expect(meter.readAttributes(ZCL_CLUSTER.metering, [METERING_ATTRIBUTE.divisor, METERING_ATTRIBUTE.currentSummationDelivered, 0x7777])).toEqual([
      { attributeId: METERING_ATTRIBUTE.divisor, status: 'success', value: { type: 'uint24', value: 1000 } },
      { attributeId: METERING_ATTRIBUTE.currentSummationDelivered, status: 'success', value: { type: 'uint48', value: 12_405 } },
      { attributeId: 0x7777, status: 'unsupported-attribute' },
    ]);
    expect(meter.readAttributes(0x0999, [0])).toEqual([{ attributeId: 0, status: 'unsupported-cluster' }]);
  });

  it('reports its firmware version as current meter id and flags a low battery', () => {
    const { meter } = gsme({ batteryPercent: 50 });
    meter.setFirmwareVersion('0A0B0C0D');
    expect(meter.readAttributes(ZCL_CLUSTER.metering, [METERING_ATTRIBUTE.currentMeterId])).toEqual([
      { attributeId: METERING_ATTRIBUTE.currentMeterId, status: 'success', value: { type: 'octet-string', value: Uint8Array.of(0x0a, 0x0b, 0x0c, 0x0d) } },
    ]);
    expect(meter.attributes.numberValue(ZCL_CLUSTER.metering, METERING_ATTRIBUTE.status)).toBe(0);
    meter.setBatteryPercent(5);
    expect(meter.attributes.numberValue(ZCL_CLUSTER.metering, METERING_ATTRIBUTE.status)).toBe(0x02);
    expect(meter.attributes.numberValue(ZCL_CLUSTER.powerConfiguration, 0x0021)).toBe(10);
    expect(() => meter.setBatteryPercent(101)).toThrow(RangeError);
  });
});
