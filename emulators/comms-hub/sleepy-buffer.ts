// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The CHF's store-and-forward queue for sleepy devices: commands for a GSME wait here until
 * the GSME wakes and collects them, in arrival order. Each queue has a bound [P]; a full queue
 * refuses the command (the vendor SDK's "too many pending messages"). The queue itself knows no
 * time: the send timeout, the notification flags and what a DUIS user sees of each failure are
 * the sleepy relay's (sleepy-relay.ts).
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';

/** A queued item: delivered to the device when it wakes. */
export interface SleepyItem<D> {
  readonly label: string;
  readonly enqueuedAt: number;
  deliver(device: D): void | Promise<void>;
}

/** Pending commands per sleepy device [P]. */
export const DEFAULT_SLEEPY_QUEUE_LIMIT = 8;

export class SleepyBuffer<D> {
  private readonly queues = new Map<Eui64, SleepyItem<D>[]>();

  constructor(readonly limitPerDevice = DEFAULT_SLEEPY_QUEUE_LIMIT) {
    if (!Number.isInteger(limitPerDevice) || limitPerDevice < 1) throw new RangeError(`a sleepy queue needs a positive limit, got ${limitPerDevice}`);
  }

  /** Queues an item; false when the device's queue is full. */
  enqueue(eui: Eui64, item: SleepyItem<D>): boolean {
    const q = this.queues.get(eui) ?? [];
    if (q.length >= this.limitPerDevice) return false;
    q.push(item);
    this.queues.set(eui, q);
    return true;
  }

  pendingFor(eui: Eui64): readonly SleepyItem<D>[] {
    return this.queues.get(eui) ?? [];
  }

  /** Removes one item (a command that timed out); false when it is no longer queued. */
  remove(eui: Eui64, item: SleepyItem<D>): boolean {
    const q = this.queues.get(eui);
    const at = q?.indexOf(item) ?? -1;
    if (!q || at < 0) return false;
    q.splice(at, 1);
    if (q.length === 0) this.queues.delete(eui);
    return true;
  }

  /** Removes and returns everything queued for the device, oldest first. */
  take(eui: Eui64): SleepyItem<D>[] {
    const q = this.queues.get(eui) ?? [];
    this.queues.delete(eui);
    return q;
  }
}
