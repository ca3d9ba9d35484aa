// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A meter's pending future-dated actions: what it will do when its own clock reaches an
 * execution time (a future-dated tariff element taking effect, ECS01a / GCS01a), kept by key —
 * one pending action per key, a new one replacing the old, a cancellation removing it.
 *
 * [P] The meter acts when its own clock (device-clock.ts) reads the execution time: the action
 * is scheduled on the virtual clock at the execution time less the meter's clock error at the
 * moment it is scheduled (a drifting clock is not followed further). An execution time already
 * passed acts at once. The events are background events, as the meter's own timers.
 */
import type { ScheduledEvent, VirtualClock } from '../clock/virtual-clock.ts';

export interface PendingAction {
  readonly key: string;
  /** Execution time on the meter's clock (epoch ms). */
  readonly executesAt: number;
}

export class FutureDatedActions {
  private readonly pending = new Map<string, { readonly executesAt: number; readonly event: ScheduledEvent }>();

  /**
   * Schedules `act` for when the meter's clock reads `executesAt`; `errorMs` is the meter's clock
   * minus the virtual clock now. Replaces an action pending under the same key.
   */
  schedule(key: string, clock: VirtualClock, executesAt: number, errorMs: number, label: string, act: () => void): void {
    this.cancel(key);
    const at = Math.max(clock.now(), executesAt - errorMs);
    const event = clock.schedule(
      { at },
      () => {
        this.pending.delete(key);
        act();
      },
      label,
      { background: true },
    );
    this.pending.set(key, { executesAt, event });
  }

  /** Removes the action pending under `key`; false when there was none. */
  cancel(key: string): boolean {
    const p = this.pending.get(key);
    if (!p) return false;
    p.event.cancel();
    this.pending.delete(key);
    return true;
  }

  /** What is pending, in key order. */
  list(): PendingAction[] {
    return [...this.pending.entries()].map(([key, p]) => ({ key, executesAt: p.executesAt })).sort((a, b) => a.key.localeCompare(b.key));
  }
}
