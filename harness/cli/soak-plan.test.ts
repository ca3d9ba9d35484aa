// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { DAY, planSoak, READ_PERIOD_MS, SOAK_EVENTS } from './soak-plan.ts';

const START = Date.parse('2019-04-12T09:00:00Z');
const HOUR = 3_600_000;

describe('the plan of a soak', () => {
  it('is the same for the same seed and days, another for another seed', () => {
    const a = planSoak({ seed: 's', days: 7, startMs: START });
    expect(planSoak({ seed: 's', days: 7, startMs: START })).toEqual(a);
    const b = planSoak({ seed: 't', days: 7, startMs: START });
    expect([b.events, [...b.gsmeDirectReads], b.outageMs]).not.toEqual([a.events, [...a.gsmeDirectReads], a.outageMs]);
  });

  it('reads every 30 minutes over the days, the GSME directly now and then', () => {
    const plan = planSoak({ seed: 's', days: 7, startMs: START });
    expect(plan.slots).toHaveLength((7 * DAY) / READ_PERIOD_MS);
    expect(plan.slots.every((t, i) => t === START + i * READ_PERIOD_MS)).toBe(true);
    expect(plan.endMs).toBe(START + 7 * DAY);
    expect(plan.gsmeDirectReads.size).toBeGreaterThan(7 * 2);
    expect(plan.gsmeDirectReads.size).toBeLessThan(plan.slots.length / 3);
  });

  it.each([1, 2, 7])('puts each event in its own third of a %i-day run, leaving it five hours to finish, the outage between two slots', (days) => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const plan = planSoak({ seed, days, startMs: START });
      const thirds = SOAK_EVENTS.map((e) => Math.floor((plan.events[e] - START) / ((days * DAY) / 3)));
      expect(new Set(thirds), `${seed}: one event per third`).toEqual(new Set([0, 1, 2]));
      for (const e of SOAK_EVENTS) {
        const at = plan.events[e];
        const thirdEnd = START + (Math.floor((at - START) / ((days * DAY) / 3)) + 1) * ((days * DAY) / 3);
        expect(thirdEnd - at, `${seed} ${e}: room to finish`).toBeGreaterThanOrEqual(4.5 * HOUR);
        expect((at - START) % READ_PERIOD_MS, `${seed} ${e}: ten minutes into a slot`).toBe(10 * 60_000);
      }
      expect(plan.outageMs).toBeGreaterThanOrEqual(5 * 60_000);
      expect(plan.outageMs).toBeLessThanOrEqual(15 * 60_000);
    }
  });

  it('refuses a soak that is not a whole number of days', () => {
    expect(() => planSoak({ seed: 's', days: 0, startMs: START })).toThrow(/whole number of days/);
    expect(() => planSoak({ seed: 's', days: 1.5, startMs: START })).toThrow(/whole number of days/);
  });
});
