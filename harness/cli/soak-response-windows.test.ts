// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ResponseWindows } from './soak-response-windows.ts';

const read = (requestId: string, sentAt: number, within = 60_000) => ({ requestId, srv: '4.1.1', useCase: 'ECS17b', target: '00DB1234567890A0', sentAt, within });

describe('response windows of a soak', () => {
  it('closes a window when its response arrives in time, and tells the ones that closed with none, once, oldest first', () => {
    const w = new ResponseWindows();
    w.expect(read('r1', 0));
    w.expect(read('r2', 10, 120_000));
    w.expect(read('r3', 20));
    expect(w.arrived('r1', 'I0', 59_000)).toBeNull();
    expect(w.pending).toBe(2);
    expect(w.lastDeadline()).toBe(120_010);
    expect(w.closed(60_020)).toEqual([]);
    expect(w.closed(200_000).map((f) => [f.at, f.text])).toEqual([
      [60_020, 'no response to SRV 4.1.1 (ECS17b) to 00DB1234567890A0, r3 within its 1 min window'],
      [120_010, 'no response to SRV 4.1.1 (ECS17b) to 00DB1234567890A0, r2 within its 2 min window'],
    ]);
    expect(w.closed(300_000)).toEqual([]);
    expect(w.pending).toBe(0);
  });

  it('takes a late response as missing, and an E-code as a finding', () => {
    const w = new ResponseWindows();
    w.expect(read('late', 0));
    w.expect(read('failed', 0));
    expect(w.arrived('late', 'I0', 61_000)).toBeNull();
    expect(w.arrived('failed', 'E21', 30_000)?.text).toBe('SRV 4.1.1 (ECS17b) to 00DB1234567890A0, failed was answered E21 after 30 s');
    expect(w.closed(61_001).map((f) => f.text)).toEqual(['no response to SRV 4.1.1 (ECS17b) to 00DB1234567890A0, late within its 1 min window']);
    expect(w.arrived('unknown', 'I0', 1)).toBeNull();
    expect([w.sentAt('late'), w.deadlineOf('failed'), w.sentAt('unknown')]).toEqual([0, 60_000, null]);
  });
});
