// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The CHF Sub GHz Channel Log (COSEM Profile Generic 0-0:94.44.10.3, read by SRV 6.32 DBCH02):
 * one entry per sub-GHz channel change, with its time, the alert code 0x8F26 and what alert
 * 0x8F26 carries (the new channel and the octet after it) [I: RTDS DBCH02_6.32 response, 11
 * entries each 0x8F26]. The oldest entry is overwritten past CHANNEL_LOG_CAPACITY [P: the
 * capacity is not in the sources at hand]. The log also answers how many changes the CHF made
 * in a period, for the weekly channel-change limit (sub-ghz-config.ts).
 */
import type { SubGhzChannelLogEntry } from '../../harness/protocol/gbcs/payload/use-cases/dbch02.ts';
import { ALERT_SUB_GHZ_CHANNEL_CHANGED } from '../../harness/protocol/gbcs/payload/use-cases/dbch07-channel-changed.ts';

/** [P] Entries kept. */
export const CHANNEL_LOG_CAPACITY = 100;

export class SubGhzChannelLog {
  private readonly list: SubGhzChannelLogEntry[] = [];

  constructor(readonly capacity = CHANNEL_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a channel log holds at least one entry, got capacity ${capacity}`);
  }

  /** Appends an entry (entries are kept in the order recorded); the oldest goes when the log is full. */
  record(entry: SubGhzChannelLogEntry): void {
    const last = this.list[this.list.length - 1];
    if (last && entry.at.getTime() < last.at.getTime()) throw new RangeError(`channel log entries are recorded in time order: ${entry.at.toISOString()} is before ${last.at.toISOString()}`);
    this.list.push(entry);
    if (this.list.length > this.capacity) this.list.shift();
  }

  entries(): readonly SubGhzChannelLogEntry[] {
    return [...this.list];
  }

  /** The entries from `from` to `to`, both included (a DBCH02 read of its log period). */
  between(from: Date, to: Date): SubGhzChannelLogEntry[] {
    return this.list.filter((e) => e.at.getTime() >= from.getTime() && e.at.getTime() <= to.getTime());
  }

  /** How many channel changes (0x8F26 entries) the log holds at or after `fromMs`. */
  changesSince(fromMs: number): number {
    return this.list.filter((e) => e.alertCode === ALERT_SUB_GHZ_CHANNEL_CHANGED && e.at.getTime() >= fromMs).length;
  }
}
