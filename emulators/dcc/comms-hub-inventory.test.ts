// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { CommsHubInventory } from './comms-hub-inventory.ts';

const DEVICES = [
  { eui: '00DB1234567890A2', deviceType: 'CHF' as const },
  { eui: '00DB1234567890A3', deviceType: 'GPF' as const },
  { eui: '00DB1234567890A0', deviceType: 'ESME' as const },
];
const CHF = '00DB1234567890A2';

describe('CommsHubInventory (SRV 8.14 statuses)', () => {
  it('starts installed and serves every device of the premises', () => {
    const inv = new CommsHubInventory(() => DEVICES);
    expect(inv.statusOf(CHF)).toBe('installed');
    expect(inv.statusOf('00DB1234567890A0')).toBeUndefined();
    expect(inv.servingHubOf('00DB1234567890A0')).toBe(CHF);
    expect(inv.servingHubOf('00DB1234567890FF')).toBeUndefined();
    expect(inv.refusalFor('00DB1234567890A0')).toBeNull();
  });

  it('no SM WAN: requests refused until 8.14.1 says the WAN is there', () => {
    const inv = new CommsHubInventory(() => DEVICES);
    expect(inv.update(CHF, '8.14.2')).toEqual({ ok: true, from: 'installed', to: 'installed-no-sm-wan' });
    expect(inv.refusalFor('00DB1234567890A3')?.problem).toBe('no-wan');
    expect(inv.update(CHF, '8.14.1')).toMatchObject({ ok: true, to: 'installed' });
    expect(inv.refusalFor('00DB1234567890A3')).toBeNull();
  });

  it('a hub returned as faulty serves nothing and takes no further update', () => {
    const inv = new CommsHubInventory(() => DEVICES);
    expect(inv.update(CHF, '8.14.3')).toMatchObject({ ok: true, to: 'returned-faulty' });
    expect(inv.refusalFor(CHF)).toMatchObject({ problem: 'invalid-device-status' });
    expect(inv.refusalFor('00DB1234567890A0')?.detail).toMatch(/returned/);
    for (const u of ['8.14.1', '8.14.2', '8.14.3', '8.14.4'] as const) expect(inv.update(CHF, u)).toMatchObject({ ok: false, reason: 'invalid-status' });
  });

  it('a hub returned with no fault may be installed again, not returned twice', () => {
    const inv = new CommsHubInventory(() => DEVICES);
    expect(inv.update(CHF, '8.14.4')).toMatchObject({ ok: true, to: 'returned-no-fault' });
    expect(inv.update(CHF, '8.14.4')).toMatchObject({ ok: false, reason: 'invalid-status' });
    expect(inv.update(CHF, '8.14.1')).toMatchObject({ ok: true, from: 'returned-no-fault', to: 'installed' });
    expect(inv.update('00DB1234567890A0', '8.14.1')).toMatchObject({ ok: false, reason: 'not-a-comms-hub' });
  });
});
