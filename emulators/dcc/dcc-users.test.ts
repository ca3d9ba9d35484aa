// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { DccUserRegistry } from './dcc-users.ts';
import { RequestCounterLog } from './request-counter-log.ts';

describe('DccUserRegistry', () => {
  it('knows the RTDS supplier as Import Supplier by default, in either EUI spelling', () => {
    const users = new DccUserRegistry();
    expect(users.roleOf('90B3D51F30010000')).toBe('IS');
    expect(users.roleOf('90-b3-d5-1f-30-01-00-00')).toBe('IS');
    expect(users.roleOf('90B3D51F30020000')).toBeUndefined();
    expect(users.roleOf('not an EUI')).toBeUndefined();
  });

  it('refuses an unknown role and a user registered twice', () => {
    expect(() => new DccUserRegistry([{ eui: '90B3D51F30010000', role: 'XX' as 'IS' }])).toThrow(/not a DUIS user role/);
    expect(() => new DccUserRegistry([{ eui: '90B3D51F30010000', role: 'IS' }, { eui: '90-B3-D5-1F-30-01-00-00', role: 'GS' }])).toThrow(/registered twice/);
  });
});

describe('RequestCounterLog', () => {
  it('takes counters strictly increasing per originator', () => {
    const log = new RequestCounterLog();
    expect(log.isFresh('A', 5n)).toBe(true);
    log.record('A', 5n);
    expect([log.isFresh('A', 5n), log.isFresh('A', 4n), log.isFresh('A', 6n), log.isFresh('B', 1n)]).toEqual([false, false, true, true]);
    expect(log.lastOf('A')).toBe(5n);
    expect(() => log.record('A', 5n)).toThrow(/not above/);
  });
});
