// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: a minimal virtual clock with a scheduler, enough to drive virtualTimeWait in
 * the transport's own tests (the product's virtual clock lives in emulators/clock). Events run
 * in time order, ties in scheduling order; advance() awaits each event's work.
 */
import type { AdvanceableClock } from '../wait.ts';

interface Scheduled {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void | Promise<void>;
}

export class ManualClock implements AdvanceableClock {
  private events: Scheduled[] = [];
  private seq = 0;
  /** Total virtual milliseconds advanced, for assertions. */
  advancedMs = 0;

  constructor(public now: number) {}

  schedule(delayMs: number, run: () => void | Promise<void>): void {
    this.events.push({ at: this.now + delayMs, seq: this.seq++, run });
    this.events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  nextDueIn(): number | null {
    const next = this.events[0];
    return next === undefined ? null : Math.max(0, next.at - this.now);
  }

  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (let next = this.events[0]; next !== undefined && next.at <= end; next = this.events[0]) {
      this.events.shift();
      this.now = next.at;
      await next.run();
    }
    this.now = end;
    this.advancedMs += ms;
  }
}
