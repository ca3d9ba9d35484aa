// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { deviceProfile } from '../firmware/device-profile.ts';
import { Chf, type DeviceLogChange } from './chf.ts';

const START = Date.UTC(2019, 3, 8);
const MINUTE = 60_000;
const ESME = '00DB1234567890A0';
const CODE = '0123456789ABCDEF0123456789ABCDEF';

function chf(options: { deviceLogCapacity?: number } = {}) {
  const clock = new VirtualClock(START);
  const hub = new Chf({
    identity: { eui: '00DB1234567890A2', manufacturer: 'WNC', model: 'h', firmwareVersion: '0123ABCD' },
    profile: deviceProfile('CHF'),
    clock,
    ...options,
  });
  const changes: DeviceLogChange[] = [];
  hub.onDeviceLogChanged((c) => void changes.push(c));
  return { hub, clock, changes };
}

describe('Chf join flow', () => {
  it('whitelists a device and lets it join with its install code inside the window', async () => {
    const { hub, clock, changes } = chf();
    const added = hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: CODE.toLowerCase(), joinTimeoutMs: 90 * MINUTE });
    expect(added).toMatchObject({ ok: true, entry: { state: 'whitelisted', joinWindowExpiresAt: START + 90 * MINUTE, installCode: CODE } });
    await clock.advance(10 * MINUTE);
    expect(hub.join(ESME, { installCode: CODE })).toMatchObject({ ok: true, entry: { state: 'joined', joinedAt: START + 10 * MINUTE } });
    expect(hub.isJoined(ESME)).toBe(true);
    expect(changes.map((c) => [c.kind, c.at - START])).toEqual([
      ['added', 0],
      ['joined', 10 * MINUTE],
    ]);
  });

  it('refuses a wrong install code, an unknown device and a join after the window closed', async () => {
    const { hub, clock } = chf();
    hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: CODE, joinTimeoutMs: 5 * MINUTE });
    expect(hub.join(ESME, { installCode: 'FF'.repeat(16) })).toEqual({ ok: false, reason: 'install-code-mismatch' });
    expect(hub.join('00DB1234567890AF', { installCode: CODE })).toEqual({ ok: false, reason: 'not-whitelisted' });
    await clock.advance(5 * MINUTE + 1);
    expect(hub.join(ESME, { installCode: CODE })).toEqual({ ok: false, reason: 'join-window-closed' });
    expect(hub.deviceLog.get(ESME)?.state).toBe('whitelisted');
    // re-adding opens a new window
    hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: CODE, joinTimeoutMs: 5 * MINUTE });
    expect(hub.join(ESME, { installCode: CODE }).ok).toBe(true);
  });

  it('moves a removed device to the historic log, from which it may rejoin in the first half of the window', async () => {
    const { hub, clock, changes } = chf();
    hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: CODE, joinTimeoutMs: 60 * MINUTE });
    hub.join(ESME, { installCode: CODE });
    expect(hub.removeDevice(ESME)).toMatchObject({ eui: ESME, removedAt: START });
    expect(hub.deviceLog.get(ESME)).toBeUndefined();
    expect(changes.at(-1)).toMatchObject({ kind: 'removed', overwritten: undefined });
    expect(hub.join(ESME, { historicLinkKey: true })).toEqual({ ok: false, reason: 'not-whitelisted' });

    hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: CODE, joinTimeoutMs: 60 * MINUTE });
    await clock.advance(31 * MINUTE);
    expect(hub.join(ESME, { historicLinkKey: true })).toEqual({ ok: false, reason: 'join-window-closed' });
    hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: CODE, joinTimeoutMs: 60 * MINUTE });
    await clock.advance(29 * MINUTE);
    expect(hub.join(ESME, { historicLinkKey: true }).ok).toBe(true);
    expect(hub.historicLog.get(ESME)).toBeUndefined();
    expect(hub.join('00DB1234567890AE', { historicLinkKey: true })).toEqual({ ok: false, reason: 'not-whitelisted' });
  });

  it('reports a full device log and rejects malformed requests', () => {
    const { hub } = chf({ deviceLogCapacity: 1 });
    hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: CODE, joinTimeoutMs: 1 });
    expect(hub.addDevice({ eui: '00DB1234567890A1', deviceType: 'GSME', installCode: CODE, joinTimeoutMs: 1 })).toEqual({
      ok: false,
      reason: 'device-log-full',
    });
    expect(() => hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: 'ABC', joinTimeoutMs: 1 })).toThrow(/install code/);
    expect(() => hub.addDevice({ eui: 'nope', deviceType: 'ESME', installCode: CODE, joinTimeoutMs: 1 })).toThrow();
  });

  it('reports its sub-GHz channel as the GBCS page/channel mask', () => {
    const { hub } = chf();
    expect(hub.subGhzChannelMask).toBe(0xe0000001);
    hub.setChannels({ channel24GHz: 15, subGhz: { page: 28, channel: 5 } });
    expect(hub.subGhzChannelMask).toBe(0xe0000020);
    expect(() => hub.setChannels({ channel24GHz: 27, subGhz: { page: 28, channel: 5 } })).toThrow(RangeError);
  });
});

describe('Chf Device Log restore (CCS03)', () => {
  const GSME = '00DB1234567890A1';
  const KEY = 'AB'.repeat(16);

  it('adds missing devices as joined, keeps the ones present, takes them off the Historic Device Log: one change', () => {
    const { hub, clock, changes } = chf();
    hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: CODE, joinTimeoutMs: MINUTE });
    hub.join(ESME, { installCode: CODE });
    const kept = hub.deviceLog.get(ESME)!;
    hub.addDevice({ eui: GSME, deviceType: 'GSME', installCode: CODE, joinTimeoutMs: MINUTE });
    hub.removeDevice(GSME);
    expect(hub.historicLog.get(GSME)).toBeDefined();
    clock.advance(MINUTE);
    changes.length = 0;

    const outcome = hub.restoreDeviceLog([
      { eui: ESME, deviceType: 'ESME', keyHash: KEY },
      { eui: GSME, deviceType: 'GSME', keyHash: KEY.toLowerCase() },
    ]);
    expect(outcome).toMatchObject({ ok: true, kept: [ESME], added: [{ eui: GSME, state: 'joined', installCode: null, keyHash: KEY, joinedAt: START + MINUTE }] });
    expect(hub.deviceLog.get(ESME)).toEqual(kept);
    expect(hub.isJoined(GSME)).toBe(true);
    expect(hub.historicLog.get(GSME)).toBeUndefined();
    expect(changes.map((c) => c.kind)).toEqual(['restored']);
    expect(hub.deviceLogChangedAt).toBe(START + MINUTE);
    // a restored entry has no install code to join with
    hub.removeDevice(GSME);
    expect(hub.restoreDeviceLog([{ eui: GSME, deviceType: 'GSME', keyHash: KEY }]).ok).toBe(true);
  });

  it('changes nothing (and tells nothing) when nothing is missing, or when the new entries do not fit', () => {
    const { hub, changes } = chf({ deviceLogCapacity: 1 });
    hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: CODE, joinTimeoutMs: MINUTE });
    changes.length = 0;
    expect(hub.restoreDeviceLog([{ eui: ESME, deviceType: 'ESME', keyHash: KEY }])).toEqual({ ok: true, added: [], kept: [ESME] });
    expect(hub.restoreDeviceLog([{ eui: GSME, deviceType: 'GSME', keyHash: KEY }])).toEqual({ ok: false, reason: 'device-log-full' });
    expect(hub.deviceLog.get(GSME)).toBeUndefined();
    expect(changes).toEqual([]);
    expect(() => hub.restoreDeviceLog([{ eui: GSME, deviceType: null, keyHash: 'AB' }])).toThrow(/16 bytes/);
  });

  it('keeps the key material of an install code', () => {
    const { hub } = chf();
    const added = hub.addDevice({ eui: ESME, deviceType: 'ESME', installCode: CODE, joinTimeoutMs: MINUTE });
    expect(added.ok && added.entry.keyHash).toMatch(/^[0-9A-F]{32}$/);
    expect(added.ok && added.entry.installCode).toBe(CODE);
  });
});
