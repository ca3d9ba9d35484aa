// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How time passes while a suite waits for a DUIS response: injected, never read from the wall
 * clock by the waiting code. A WaitFn lets up to `ms` pass and returns early once `signal`
 * aborts (the inbox aborts it when the awaited message arrives).
 *
 * - virtualTimeWait: emulated runs. Advances the virtual clock (event by event when the clock
 *   can say when its next event is due, else in fixed steps) until the message arrives or the
 *   window is spent; costs no wall time and gives the same outcome on every run.
 * - realTimeWait: a lab. A real timer, cleared when the message arrives.
 * - noTimeWait: in process with no clock: lets already-started work settle, lets no time pass.
 */

export type WaitFn = (ms: number, signal: AbortSignal) => Promise<void>;

/** Lets callbacks already queued (promise jobs, I/O completions) run; no time passes. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export const noTimeWait: WaitFn = async () => {
  await settle();
};

export const realTimeWait: WaitFn = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, Math.max(0, ms));
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** What virtualTimeWait needs of a virtual clock. */
export interface AdvanceableClock {
  /** Moves virtual time forward by `ms`, running everything due in it. */
  advance(ms: number): Promise<void>;
  /** Milliseconds until the next scheduled event (0 = due now), or null when nothing is scheduled. */
  nextDueIn?(): number | null;
}

export interface VirtualTimeWaitOptions {
  /** Step when the clock cannot tell its next event. Default 1000 ms. */
  readonly stepMs?: number;
}

export function virtualTimeWait(clock: AdvanceableClock, options: VirtualTimeWaitOptions = {}): WaitFn {
  const stepMs = options.stepMs ?? 1000;
  if (!(stepMs > 0)) throw new Error(`virtualTimeWait: stepMs must be > 0, got ${stepMs}`);
  return async (ms, signal) => {
    let remaining = Math.max(0, ms);
    let stalls = 0;
    await settle();
    while (!signal.aborted && remaining > 0) {
      const due = clock.nextDueIn ? clock.nextDueIn() : undefined;
      const step = due === undefined ? Math.min(stepMs, remaining) : due === null ? remaining : Math.min(Math.max(0, due), remaining);
      if (step === 0) {
        if (++stalls > 10_000) throw new Error('virtualTimeWait: the clock keeps reporting an event due now without running it');
      } else {
        stalls = 0;
      }
      await clock.advance(step);
      remaining -= step;
      await settle();
    }
  };
}
