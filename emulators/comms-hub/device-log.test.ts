// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { DeviceLog, HistoricDeviceLog, HISTORIC_DEVICE_LOG_CAPACITY, type DeviceLogEntry } from './device-log.ts';

const eui = (n: number): string => `00DB1234567891${n.toString(16).padStart(2, '0').toUpperCase()}`;
const historic = (n: number) => ({ eui: eui(n), deviceType: 'ESME' as const, installCode: '00'.repeat(16), removedAt: n });

describe('HistoricDeviceLog', () => {
  it('holds at most 15 entries: the 16th overwrites the oldest', () => {
    const log = new HistoricDeviceLog();
    expect(log.capacity).toBe(15);
    for (let n = 1; n <= HISTORIC_DEVICE_LOG_CAPACITY; n++) expect(log.add(historic(n))).toBeUndefined();
    expect(log.size).toBe(15);
    const overwritten = log.add(historic(16));
    expect(overwritten?.eui).toBe(eui(1));
    expect(log.size).toBe(15);
    expect(log.entries().map((e) => e.eui)).toEqual(Array.from({ length: 15 }, (_, i) => eui(i + 2)));
    expect(log.get(eui(1))).toBeUndefined();
  });

  it('keeps one entry per device, moving a re-removed device to the newest place', () => {
    const log = new HistoricDeviceLog();
    log.add(historic(1));
    log.add(historic(2));
    log.add({ ...historic(1), removedAt: 99 });
    expect(log.entries().map((e) => [e.eui, e.removedAt])).toEqual([
      [eui(2), 2],
      [eui(1), 99],
    ]);
  });
});

describe('DeviceLog', () => {
  const entry = (n: number): DeviceLogEntry => ({
    eui: eui(n),
    deviceType: 'GSME',
    installCode: '11'.repeat(16),
    keyHash: '22'.repeat(16),
    addedAt: 0,
    joinWindowExpiresAt: 10,
    state: 'whitelisted',
    joinedAt: null,
  });

  it('refuses a new entry past its capacity but lets an entry be replaced', () => {
    const log = new DeviceLog(2);
    log.put(entry(1));
    log.put(entry(2));
    expect(log.full).toBe(true);
    expect(() => log.put(entry(3))).toThrow(/full/);
    log.put({ ...entry(2), state: 'joined', joinedAt: 5 });
    expect(log.get(eui(2))?.state).toBe('joined');
    expect(log.remove(eui(1))?.eui).toBe(eui(1));
    expect(log.entries().map((e) => e.eui)).toEqual([eui(2)]);
  });
});
