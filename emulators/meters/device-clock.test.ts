// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { DeviceClock } from './device-clock.ts';

const T0 = Date.UTC(2019, 3, 12);
const DAY = 86_400_000;

describe('DeviceClock', () => {
  it('reads the hub time when it does not drift', () => {
    const c = new DeviceClock(T0);
    expect(c.timeAt(T0 + 5 * DAY)).toBe(T0 + 5 * DAY);
    expect(c.errorAt(T0 + DAY)).toBe(0);
  });

  it('drifts by its rate per virtual day from its offset, in whole ms', () => {
    const c = new DeviceClock(T0, { offsetMs: 2_000, msPerDay: 90_000 });
    expect(c.errorAt(T0)).toBe(2_000);
    expect(c.errorAt(T0 + DAY)).toBe(92_000);
    expect(c.errorAt(T0 + DAY / 2)).toBe(47_000);
    expect(c.timeAt(T0 + 2 * DAY)).toBe(T0 + 2 * DAY + 182_000);
    expect(Number.isInteger(c.errorAt(T0 + 7))).toBe(true);
    expect(new DeviceClock(T0, { offsetMs: 0, msPerDay: -DAY / 1000 }).errorAt(T0 + DAY)).toBe(-DAY / 1000);
  });

  it('is set to a time and keeps drifting from there', () => {
    const c = new DeviceClock(T0, { offsetMs: 0, msPerDay: 60_000 });
    c.set(T0 + DAY, T0 + DAY);
    expect(c.errorAt(T0 + DAY)).toBe(0);
    expect(c.errorAt(T0 + 2 * DAY)).toBe(60_000);
  });

  it('adds a drift from a moment on', () => {
    const c = new DeviceClock(T0);
    c.addDrift(T0 + DAY, { offsetMs: -5_000, msPerDay: 10_000 });
    expect(c.errorAt(T0 + DAY)).toBe(-5_000);
    expect(c.errorAt(T0 + 2 * DAY)).toBe(5_000);
    expect(() => c.addDrift(T0, { offsetMs: NaN, msPerDay: 0 })).toThrow(RangeError);
  });
});
