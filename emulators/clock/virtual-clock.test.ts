// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { VirtualClock, VirtualClockError } from './virtual-clock.ts';

const START = Date.UTC(2019, 3, 8); // programme date, 8 April 2019

describe('VirtualClock', () => {
  it('starts at the given epoch and moves only when told to', async () => {
    const clock = new VirtualClock(START);
    expect(clock.now()).toBe(START);
    await clock.advance(1500);
    expect(clock.now()).toBe(START + 1500);
    await clock.advanceTo(START + 60_000);
    expect(clock.now()).toBe(START + 60_000);
  });

  it('runs due events in time order, ties in insertion order, with now() at each event', async () => {
    const clock = new VirtualClock(START);
    const seen: string[] = [];
    const log = (name: string) => () => void seen.push(`${name}@${clock.now() - START}`);
    clock.schedule({ after: 30 }, log('c'), 'c');
    clock.schedule({ at: START + 10 }, log('a'), 'a');
    clock.schedule({ after: 20 }, log('b1'), 'b1');
    clock.schedule({ after: 20 }, log('b2'), 'b2');
    clock.schedule({ after: 20 }, log('b3'), 'b3');
    clock.schedule({ after: 31 }, log('late'), 'late');
    await clock.advance(30);
    expect(seen).toEqual(['a@10', 'b1@20', 'b2@20', 'b3@20', 'c@30']);
    expect(clock.pending().map((e) => e.label)).toEqual(['late']);
  });

  it('runs events scheduled by running events when they fall inside the window, in order', async () => {
    const clock = new VirtualClock(START);
    const seen: string[] = [];
    clock.schedule(
      { after: 10 },
      () => {
        seen.push('outer');
        clock.schedule({ after: 5 }, () => void seen.push(`inner@${clock.now() - START}`), 'inner');
        clock.schedule({ after: 0 }, () => void seen.push(`same-time@${clock.now() - START}`), 'same-time');
        clock.schedule({ after: 100 }, () => void seen.push('outside'), 'outside');
      },
      'outer',
    );
    clock.schedule({ after: 12 }, () => void seen.push('between'), 'between');
    await clock.advance(20);
    expect(seen).toEqual(['outer', 'same-time@10', 'between', 'inner@15']);
    expect(clock.pendingCount).toBe(1);
  });

  it('awaits async callbacks one at a time', async () => {
    const clock = new VirtualClock(START);
    const seen: string[] = [];
    clock.schedule(
      { after: 1 },
      async () => {
        seen.push('a-start');
        await Promise.resolve();
        seen.push('a-end');
      },
      'a',
    );
    clock.schedule({ after: 1 }, () => void seen.push('b'), 'b');
    await clock.advance(1);
    expect(seen).toEqual(['a-start', 'a-end', 'b']);
  });

  it('cancels an event before it runs, and reports a late cancel', async () => {
    const clock = new VirtualClock(START);
    const seen: string[] = [];
    const a = clock.schedule({ after: 10 }, () => void seen.push('a'), 'a');
    const b = clock.schedule({ after: 10 }, () => void seen.push('b'), 'b');
    expect(a.cancel()).toBe(true);
    expect(a.cancel()).toBe(false);
    expect(a.pending).toBe(false);
    await clock.advance(10);
    expect(seen).toEqual(['b']);
    expect(b.pending).toBe(false);
    expect(b.cancel()).toBe(false);
  });

  it('lets an event cancel a later one in the same window', async () => {
    const clock = new VirtualClock(START);
    const seen: string[] = [];
    const later = clock.schedule({ after: 5 }, () => void seen.push('later'), 'later');
    clock.schedule({ after: 1 }, () => void later.cancel(), 'canceller');
    await clock.advance(10);
    expect(seen).toEqual([]);
  });

  it('never goes back in time', async () => {
    const clock = new VirtualClock(START);
    await clock.advance(100);
    const seen: number[] = [];
    const past = clock.schedule({ at: START }, () => void seen.push(clock.now()), 'past');
    expect(past.at).toBe(START + 100);
    await clock.advance(0);
    expect(seen).toEqual([START + 100]);
    await expect(clock.advanceTo(START)).rejects.toThrow(RangeError);
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
    expect(() => clock.schedule({ after: -5 }, () => {}, 'bad')).toThrow(RangeError);
  });

  it('refuses moving time from inside an event', async () => {
    const clock = new VirtualClock(START);
    clock.schedule({ after: 1 }, () => clock.advance(5), 'nested');
    await expect(clock.advance(2)).rejects.toThrow(VirtualClockError);
    // the failed advance stopped at the failing event; the clock is usable again afterwards
    expect(clock.now()).toBe(START + 1);
    await clock.advance(3);
    expect(clock.now()).toBe(START + 4);
  });

  it('runUntilIdle runs foreground work, skipping past background-only time', async () => {
    const clock = new VirtualClock(START);
    const seen: string[] = [];
    const wake = (): void => {
      seen.push(`wake@${clock.now() - START}`);
      clock.schedule({ after: 100 }, wake, 'wake', { background: true });
    };
    clock.schedule({ after: 100 }, wake, 'wake', { background: true });
    clock.schedule({ after: 250 }, () => void seen.push('work@250'), 'work');
    const ran = await clock.runUntilIdle();
    expect(seen).toEqual(['wake@100', 'wake@200', 'work@250']);
    expect(ran).toBe(3);
    expect(clock.now()).toBe(START + 250);
    expect(await clock.runUntilIdle()).toBe(0);
  });

  it('runUntilIdle stops a foreground source that never ends, naming it', async () => {
    const clock = new VirtualClock(START);
    const tick = (): void => void clock.schedule({ after: 1 }, tick, 'runaway tick');
    tick();
    await expect(clock.runUntilIdle(50)).rejects.toThrow(/runaway tick/);
  });

  it('waitFor stops at the moment the condition becomes true', async () => {
    const clock = new VirtualClock(START);
    let answered = false;
    clock.schedule({ after: 1_000 }, () => void 0, 'noise');
    clock.schedule({ after: 4_000 }, () => void (answered = true), 'answer');
    clock.schedule({ after: 5_000 }, () => void 0, 'after');
    const outcome = await clock.waitFor(() => answered, { within: 10_000 });
    expect(outcome).toEqual({ met: true, at: START + 4_000, waited: 4_000 });
    expect(clock.pending().map((e) => e.label)).toEqual(['after']);
  });

  it('waitFor ends at the deadline when the condition never holds', async () => {
    const clock = new VirtualClock(START);
    let answered = false;
    clock.schedule({ after: 30_000 }, () => void (answered = true), 'too late');
    const outcome = await clock.waitFor(() => answered, { within: 10_000 });
    expect(outcome).toEqual({ met: false, at: START + 10_000, waited: 10_000 });
    expect(answered).toBe(false);
  });

  it('waitFor returns at once when the condition already holds', async () => {
    const clock = new VirtualClock(START);
    expect(await clock.waitFor(() => true, { within: 5 })).toEqual({ met: true, at: START, waited: 0 });
  });

  it('is deterministic: the same schedule gives the same trace', async () => {
    const trace = async (): Promise<string[]> => {
      const clock = new VirtualClock(START);
      const seen: string[] = [];
      for (let i = 0; i < 200; i++) {
        clock.schedule({ after: (i * 7919) % 97 }, () => void seen.push(`${i}@${clock.now()}`), `e${i}`);
      }
      await clock.advance(100);
      return seen;
    };
    const a = await trace();
    expect(a).toHaveLength(200);
    expect(await trace()).toEqual(a);
    const times = a.map((s) => Number(s.split('@')[1]));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });
});

describe('nextDueIn', () => {
  it('tells how long until the next pending event, skipping cancelled ones', async () => {
    const clock = new VirtualClock(1_000);
    expect(clock.nextDueIn()).toBeNull();
    const early = clock.schedule({ after: 50 }, () => {}, 'early');
    clock.schedule({ after: 200 }, () => {}, 'late');
    expect(clock.nextDueIn()).toBe(50);
    early.cancel();
    expect(clock.nextDueIn()).toBe(200);
    await clock.advance(200);
    expect(clock.nextDueIn()).toBeNull();
  });
});
