// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The soak's scheduler: the scripts of a soak (the half-hourly reads, the channel change, the
 * firmware update, the supply outage) share one world clock in one process as cooperative tasks.
 * One task runs at a time; it gives the turn back when it sleeps until a time (`until`) or waits
 * for a message with a deadline (`waitFor`). When no task can run, the scheduler lets world time
 * pass — through `passTime`, which the soak makes of the DUIS inbox's own wait, event by event on
 * the virtual clock — up to the earliest deadline, stopping early once a message arrives that a
 * waiting task wants. Tasks are resumed in the order they were added, so the same world gives the
 * same interleaving on every run: no wall clock, no race between tasks.
 *
 * Messages are handed to `deliver(message, at)` as they arrive (the soak subscribes it to the
 * inbox). A waiting task takes the first message, in arrival order, that arrived at or after the
 * moment it began waiting, no later than its deadline, and that its `pick` accepts; a message is
 * taken once. A task moves time only through its context (never the Bench's `advance`).
 */

/** Lets up to `ms` of world time pass, returning early once a message arrived that `wanted` accepts. */
export type PassTime<M> = (ms: number, wanted: (message: M) => boolean) => Promise<void>;

/** A message a task waited for, and when it arrived (world time, epoch ms). */
export interface Taken<T> {
  readonly value: T;
  readonly at: number;
}

/** What a task sees of the scheduler. */
export interface SoakTaskContext<M> {
  /** World time now, epoch ms. */
  now(): number;
  /** Gives the turn back until world time `at` (at once when it has passed). */
  until(at: number): Promise<void>;
  /**
   * Gives the turn back until a message arrives that `pick` returns a value for (the value and the
   * arrival time), or until `deadline` passes with none (null). Messages that arrived from `since`
   * on count (default: now; an earlier time takes one that came while the task was busy waiting
   * for something else, as long as no task took it).
   */
  waitFor<T>(pick: (message: M) => T | undefined, deadline: number, since?: number): Promise<Taken<T> | null>;
}

export type SoakTaskScript<M> = (context: SoakTaskContext<M>) => Promise<void>;

/** A task whose script threw: the soak reports it as a finding. */
export interface SoakTaskFailure {
  readonly task: string;
  readonly at: number;
  readonly error: Error;
}

export interface SoakSchedulerOptions<M> {
  /** World time, epoch ms. */
  readonly now: () => number;
  readonly passTime: PassTime<M>;
  /** Called after each stretch of passing time (e.g. to note responses whose window closed). */
  readonly afterPass?: () => void;
}

type Wait<M> =
  | { readonly kind: 'sleep'; readonly until: number }
  | { readonly kind: 'message'; readonly since: number; readonly deadline: number; readonly pick: (message: M) => unknown };

interface Task<M> {
  readonly name: string;
  readonly script: SoakTaskScript<M>;
  started: boolean;
  done: boolean;
  wait: Wait<M> | null;
  resume: ((value: unknown) => void) | null;
}

interface Arrival<M> {
  readonly message: M;
  readonly at: number;
  taken: boolean;
}

export class SoakScheduler<M> {
  private readonly tasks: Task<M>[] = [];
  private readonly arrivals: Arrival<M>[] = [];
  private readonly failures: SoakTaskFailure[] = [];
  /** Ends the scheduler's wait for the running task to give the turn back. */
  private turnBack: (() => void) | null = null;
  private running = false;

  constructor(private readonly options: SoakSchedulerOptions<M>) {}

  /** Adds a task; it starts at the next turn (tasks added earlier go first). */
  add(name: string, script: SoakTaskScript<M>): void {
    this.tasks.push({ name, script, started: false, done: false, wait: null, resume: null });
  }

  /** A message arrived (world time `at`). */
  deliver(message: M, at: number): void {
    this.arrivals.push({ message, at, taken: false });
  }

  /** Runs until every task has finished; returns the tasks that threw. */
  async run(): Promise<readonly SoakTaskFailure[]> {
    if (this.running) throw new Error('the soak scheduler is already running');
    this.running = true;
    try {
      for (;;) {
        const ready = this.nextReady();
        if (ready) {
          await this.turn(ready.task, ready.value);
          continue;
        }
        const waiting = this.tasks.filter((t) => !t.done);
        if (waiting.length === 0) return this.failures;
        const deadline = Math.min(...waiting.map((t) => (t.wait?.kind === 'sleep' ? t.wait.until : (t.wait?.deadline ?? this.options.now()))));
        const wanted = (message: M) => waiting.some((t) => t.wait?.kind === 'message' && t.wait.pick(message) !== undefined);
        await this.options.passTime(Math.max(0, deadline - this.options.now()), wanted);
        this.options.afterPass?.();
        this.forgetStale();
      }
    } finally {
      this.running = false;
    }
  }

  /** The first task, in the order added, that can run now, with what it is resumed with. */
  private nextReady(): { task: Task<M>; value: unknown } | null {
    const now = this.options.now();
    for (const task of this.tasks) {
      if (task.done) continue;
      const wait = task.wait;
      if (!task.started || wait === null) return { task, value: undefined };
      if (wait.kind === 'sleep') {
        if (wait.until <= now) return { task, value: undefined };
        continue;
      }
      for (const arrival of this.arrivals) {
        if (arrival.taken || arrival.at < wait.since || arrival.at > wait.deadline) continue;
        const value = wait.pick(arrival.message);
        if (value === undefined) continue;
        arrival.taken = true;
        return { task, value: { value, at: arrival.at } satisfies Taken<unknown> };
      }
      if (wait.deadline <= now) return { task, value: null };
    }
    return null;
  }

  /** Lets one task run until it gives the turn back (or ends). */
  private turn(task: Task<M>, value: unknown): Promise<void> {
    return new Promise<void>((turnBack) => {
      this.turnBack = turnBack;
      if (!task.started) {
        task.started = true;
        task.script(this.contextOf(task)).then(
          () => this.finish(task, null),
          (e: unknown) => this.finish(task, e instanceof Error ? e : new Error(String(e))),
        );
        return;
      }
      const resume = task.resume;
      task.resume = null;
      task.wait = null;
      resume?.(value);
    });
  }

  private finish(task: Task<M>, error: Error | null): void {
    task.done = true;
    task.wait = null;
    if (error) this.failures.push({ task: task.name, at: this.options.now(), error });
    this.giveBack();
  }

  private giveBack(): void {
    const turnBack = this.turnBack;
    this.turnBack = null;
    turnBack?.();
  }

  private block(task: Task<M>, wait: Wait<M>): Promise<unknown> {
    if (this.turnBack === null) throw new Error(`soak task "${task.name}" waited while it did not have the turn`);
    task.wait = wait;
    return new Promise((resume) => {
      task.resume = resume;
      this.giveBack();
    });
  }

  private contextOf(task: Task<M>): SoakTaskContext<M> {
    return {
      now: () => this.options.now(),
      until: async (at) => {
        if (!Number.isFinite(at)) throw new RangeError(`soak task "${task.name}": until needs a time, got ${at}`);
        await this.block(task, { kind: 'sleep', until: at });
      },
      waitFor: async <T>(pick: (message: M) => T | undefined, deadline: number, since?: number) => {
        if (!Number.isFinite(deadline)) throw new RangeError(`soak task "${task.name}": waitFor needs a deadline, got ${deadline}`);
        const from = Math.min(since ?? this.options.now(), this.options.now());
        return (await this.block(task, { kind: 'message', since: from, deadline, pick })) as Taken<T> | null;
      },
    };
  }

  /** Drops messages no task can take any more: taken ones, and those from before every wait began and before now. */
  private forgetStale(): void {
    const sinces = this.tasks.flatMap((t) => (t.wait?.kind === 'message' && !t.done ? [t.wait.since] : []));
    const keepFrom = Math.min(this.options.now(), ...sinces);
    let kept = 0;
    for (const arrival of this.arrivals) if (!arrival.taken && arrival.at >= keepFrom) this.arrivals[kept++] = arrival;
    this.arrivals.length = kept;
  }
}
