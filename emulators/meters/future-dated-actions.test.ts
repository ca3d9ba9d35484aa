// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { FutureDatedActions } from './future-dated-actions.ts';

const START = Date.UTC(2019, 3, 12);

describe('a meter’s future-dated actions', () => {
  it('acts when the meter’s clock reaches the execution time, one action per key', async () => {
    const clock = new VirtualClock(START);
    const actions = new FutureDatedActions();
    const done: string[] = [];
    actions.schedule('b', clock, START + 1000, 0, 'b', () => done.push(`b@${clock.now() - START}`));
    actions.schedule('a', clock, START + 5000, 0, 'a', () => done.push('a old'));
    actions.schedule('a', clock, START + 5000, 2000, 'a', () => done.push(`a@${clock.now() - START}`));
    expect(actions.list()).toEqual([{ key: 'a', executesAt: START + 5000 }, { key: 'b', executesAt: START + 1000 }]);
    await clock.advance(10_000);
    // the meter's clock runs 2 s ahead: it reads 5 s at virtual 3 s
    expect(done).toEqual(['b@1000', 'a@3000']);
    expect(actions.list()).toEqual([]);
  });

  it('a cancelled action never runs; a time already passed acts at once; background events leave the clock idle', async () => {
    const clock = new VirtualClock(START);
    const actions = new FutureDatedActions();
    const done: string[] = [];
    actions.schedule('x', clock, START + 1000, 0, 'x', () => done.push('x'));
    expect(actions.cancel('x')).toBe(true);
    expect(actions.cancel('x')).toBe(false);
    actions.schedule('late', clock, START - 60_000, 0, 'late', () => done.push('late'));
    await clock.advance(1);
    expect(done).toEqual(['late']);
    actions.schedule('far', clock, START + 365 * 86_400_000, 0, 'far', () => done.push('far'));
    await clock.runUntilIdle();
    expect(clock.now()).toBe(START + 1);
  });
});
