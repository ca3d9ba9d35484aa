// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Virtual time for the emulated world: a clock that only moves when told to, and a scheduler
 * whose events run in time order (ties in the order they were scheduled). Every emulator and
 * every emulated wait reads this clock; nothing in the emulated world uses real timers or the
 * wall clock, so a GSME wake period or a response window costs no wall time and a seed
 * reproduces every trace.
 *
 * - `advance(ms)` / `advanceTo(t)` run every event due up to the target, including events
 *   scheduled by running events when they fall inside the window, then leave `now()` at the
 *   target. While an event runs, `now()` is that event's time.
 * - Callbacks may be async; each is awaited before the next runs, so ordering stays total.
 * - Moving time from inside a callback (or from two callers at once) is refused: it would let
 *   an event observe a later time than events still queued before it.
 * - `background` events (periodic sources such as a GSME wake) do not keep `runUntilIdle`
 *   going, like unref'd timers.
 */

export type ClockCallback = () => void | Promise<void>;

/** When an event is due: an absolute virtual time, or a delay from now. */
export type ScheduleWhen = { readonly at: number } | { readonly after: number };

export interface ScheduleOptions {
  /** A background event runs in time order but does not keep `runUntilIdle` busy. */
  readonly background?: boolean;
}

/** A scheduled event; `cancel()` removes it if it has not run yet. */
export interface ScheduledEvent {
  readonly id: number;
  readonly at: number;
  readonly label: string;
  readonly background: boolean;
  /** true until the event has run or was cancelled. */
  readonly pending: boolean;
  /** Cancels the event; returns false when it already ran or was cancelled. */
  cancel(): boolean;
}

/** Outcome of `waitFor`: whether the condition held, and the virtual time it was decided at. */
export interface WaitOutcome {
  readonly met: boolean;
  readonly at: number;
  /** Virtual milliseconds that passed inside the wait. */
  readonly waited: number;
}

/** Raised when a clock is driven in a way that would break time order. */
export class VirtualClockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VirtualClockError';
  }
}

interface QueueEntry {
  readonly id: number;
  readonly at: number;
  readonly seq: number;
  readonly label: string;
  readonly background: boolean;
  readonly callback: ClockCallback;
  state: 'pending' | 'ran' | 'cancelled';
}

function earlier(a: QueueEntry, b: QueueEntry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** Binary min-heap on (at, seq); cancelled entries are dropped lazily when they surface. */
class EventHeap {
  private readonly items: QueueEntry[] = [];

  get size(): number {
    return this.items.length;
  }

  push(entry: QueueEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as QueueEntry;
      if (!earlier(entry, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = entry;
  }

  /** The earliest pending entry, discarding cancelled ones on the way. */
  peek(): QueueEntry | undefined {
    while (this.items.length > 0 && (this.items[0] as QueueEntry).state !== 'pending') this.pop();
    return this.items[0];
  }

  pop(): QueueEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = last;
      let at = -1;
      const left = items[l];
      if (left !== undefined && earlier(left, smallest)) {
        smallest = left;
        at = l;
      }
      const right = items[r];
      if (right !== undefined && earlier(right, smallest)) {
        smallest = right;
        at = r;
      }
      if (at < 0) break;
      items[i] = smallest;
      i = at;
    }
    items[i] = last;
    return top;
  }

  pendingEntries(): QueueEntry[] {
    return this.items.filter((e) => e.state === 'pending').sort((a, b) => (earlier(a, b) ? -1 : 1));
  }
}

function checkTime(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number of milliseconds, got ${value}`);
}

export class VirtualClock {
  private current: number;
  private readonly queue = new EventHeap();
  private nextSeq = 0;
  private foregroundPending = 0;
  private driving = false;

  /** @param startMs the epoch milliseconds the world starts at (e.g. the programme date). */
  constructor(startMs: number) {
    checkTime('the start time', startMs);
    this.current = startMs;
  }

  /** Current virtual time, epoch milliseconds. */
  now(): number {
    return this.current;
  }

  /** Number of events still pending (background ones included). */
  /** Milliseconds until the next pending event (0: due now), or null when nothing is scheduled. */
  nextDueIn(): number | null {
    const next = this.queue.peek();
    return next === undefined ? null : Math.max(0, next.at - this.now());
  }

  get pendingCount(): number {
    return this.queue.pendingEntries().length;
  }

  /** The pending events in the order they will run: for traces and debugging. */
  pending(): ReadonlyArray<{ readonly at: number; readonly label: string; readonly background: boolean }> {
    return this.queue.pendingEntries().map(({ at, label, background }) => ({ at, label, background }));
  }

  /**
   * Schedules `callback` at an absolute time or after a delay. A time in the past runs at the
   * next opportunity, at the current time (virtual time never goes backwards).
   */
  schedule(when: ScheduleWhen, callback: ClockCallback, label: string, options: ScheduleOptions = {}): ScheduledEvent {
    const requested = 'at' in when ? when.at : this.current + when.after;
    if ('after' in when) {
      checkTime('the delay', when.after);
      if (when.after < 0) throw new RangeError(`a delay cannot be negative, got ${when.after} (${label})`);
    }
    checkTime('the event time', requested);
    const entry: QueueEntry = {
      id: this.nextSeq,
      seq: this.nextSeq++,
      at: Math.max(requested, this.current),
      label,
      background: options.background ?? false,
      callback,
      state: 'pending',
    };
    this.queue.push(entry);
    if (!entry.background) this.foregroundPending += 1;
    const clock = this;
    return {
      id: entry.id,
      at: entry.at,
      label: entry.label,
      background: entry.background,
      get pending() {
        return entry.state === 'pending';
      },
      cancel(): boolean {
        if (entry.state !== 'pending') return false;
        entry.state = 'cancelled';
        if (!entry.background) clock.foregroundPending -= 1;
        return true;
      },
    };
  }

  /** Lets `ms` of virtual time pass, running every event due in it. */
  async advance(ms: number): Promise<void> {
    checkTime('the duration', ms);
    if (ms < 0) throw new RangeError(`cannot advance by a negative duration (${ms} ms)`);
    await this.advanceTo(this.current + ms);
  }

  /** Moves virtual time to `t` (not before now), running every event due up to and including `t`. */
  async advanceTo(t: number): Promise<void> {
    checkTime('the target time', t);
    if (t < this.current) throw new RangeError(`cannot move virtual time back from ${this.current} to ${t}`);
    await this.drive('advance', async () => {
      for (let next = this.queue.peek(); next !== undefined && next.at <= t; next = this.queue.peek()) {
        await this.runNext();
      }
      this.current = t;
    });
  }

  /**
   * Runs foreground events in time order until none is left, moving time to each; background
   * events due before the last foreground one run on the way. Throws when more than `limit`
   * events ran (a source that keeps rescheduling itself in the foreground). Returns the number
   * of events run.
   */
  async runUntilIdle(limit = 10_000): Promise<number> {
    let ran = 0;
    await this.drive('runUntilIdle', async () => {
      while (this.foregroundPending > 0) {
        if (ran >= limit) {
          const next = this.queue.peek();
          throw new VirtualClockError(
            `runUntilIdle ran ${limit} events and the clock is still busy (next: ${next?.label ?? '?'} at ${next?.at ?? '?'}); ` +
              'a foreground event keeps rescheduling itself: schedule it as background or use advance()',
          );
        }
        await this.runNext();
        ran += 1;
      }
    });
    return ran;
  }

  /**
   * Awaits a condition in virtual time: runs events one by one (checking `predicate` before
   * the first and after each) until it holds or `within` ms have passed. On success time stays
   * at the moment it became true; on timeout time is at the deadline.
   */
  async waitFor(predicate: () => boolean, options: { readonly within: number }): Promise<WaitOutcome> {
    checkTime('the wait window', options.within);
    if (options.within < 0) throw new RangeError(`a wait window cannot be negative, got ${options.within}`);
    const start = this.current;
    const deadline = start + options.within;
    let met = predicate();
    await this.drive('waitFor', async () => {
      for (let next = this.queue.peek(); !met && next !== undefined && next.at <= deadline; next = this.queue.peek()) {
        await this.runNext();
        met = predicate();
      }
      if (!met) this.current = deadline;
    });
    return { met, at: this.current, waited: this.current - start };
  }

  private async runNext(): Promise<void> {
    const entry = this.queue.pop();
    if (entry === undefined || entry.state !== 'pending') return;
    entry.state = 'ran';
    if (!entry.background) this.foregroundPending -= 1;
    this.current = entry.at;
    await entry.callback();
  }

  private async drive(what: string, body: () => Promise<void>): Promise<void> {
    if (this.driving) {
      throw new VirtualClockError(
        `${what} was called while the clock is already running events; schedule the work instead of moving time from inside an event`,
      );
    }
    this.driving = true;
    try {
      await body();
    } finally {
      this.driving = false;
    }
  }
}
