// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ManualClock } from './testing/manual-clock.ts';
import { noTimeWait, realTimeWait, virtualTimeWait } from './wait.ts';

describe('virtualTimeWait', () => {
  it('advances event by event and stops once the signal aborts', async () => {
    const clock = new ManualClock(1_000);
    const abort = new AbortController();
    const seen: number[] = [];
    clock.schedule(300, () => void seen.push(clock.now));
    clock.schedule(700, () => {
      seen.push(clock.now);
      abort.abort();
    });
    clock.schedule(900, () => void seen.push(clock.now));
    await virtualTimeWait(clock)(5_000, abort.signal);
    expect(seen).toEqual([1_300, 1_700]);
    expect(clock.now).toBe(1_700);
  });

  it('spends the whole window when nothing arrives', async () => {
    const clock = new ManualClock(0);
    await virtualTimeWait(clock)(5_000, new AbortController().signal);
    expect(clock.now).toBe(5_000);
  });

  it('steps in fixed increments when the clock cannot tell its next event', async () => {
    const steps: number[] = [];
    const abort = new AbortController();
    const clock = {
      async advance(ms: number) {
        steps.push(ms);
        if (steps.length === 3) abort.abort();
      },
    };
    await virtualTimeWait(clock, { stepMs: 250 })(10_000, abort.signal);
    expect(steps).toEqual([250, 250, 250]);
  });
});

describe('realTimeWait and noTimeWait', () => {
  it('realTimeWait returns at once when already aborted (no timer runs)', async () => {
    const abort = new AbortController();
    abort.abort();
    await realTimeWait(3_600_000, abort.signal);
  });

  it('realTimeWait returns on abort', async () => {
    const abort = new AbortController();
    const done = realTimeWait(3_600_000, abort.signal);
    abort.abort();
    await done;
  });

  it('noTimeWait lets pending work settle', async () => {
    let settled = false;
    void Promise.resolve().then(() => (settled = true));
    await noTimeWait(1_000, new AbortController().signal);
    expect(settled).toBe(true);
  });
});
