// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * When things happen in a soak of N days, from its seed: the reads every 30 minutes, the slots
 * at which the GSME is also read directly (now and then: one slot in eight on average), and the
 * three one-off events — the channel change, the firmware update, the supply outage — each in its
 * own third of the run, in a seeded order, at a seeded slot of that third, ten minutes after the
 * slot's reads. The outage lasts a seeded 5–15 minutes (long enough to be reported: only an outage
 * of 3 minutes or more is, DOMAIN.md), so it ends before the next slot's reads.
 *
 * Each third leaves five hours at its end for the event to finish before the next one begins
 * (the longest, the firmware update on 868 MHz, takes one to two and a half hours for the image —
 * the hub's duty-cycle budget and the retries its link needs —, then a GSME
 * wake for the activation and one for the read-back). The plan draws from its own stream of the
 * seeded random, so it is the same for the same seed and days.
 */
import { SeededRandom } from '../../emulators/clock/seeded-random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The reads' period. */
export const READ_PERIOD_MS = 30 * MINUTE;
/** How far into its slot a one-off event starts (after the slot's reads are answered). */
export const EVENT_OFFSET_MS = 10 * MINUTE;
/** Room left at the end of each third for its event to finish. */
const EVENT_ROOM_MS = 5 * HOUR;
/** Room left at the start of each third. */
const EVENT_LEAD_MS = HOUR;
/** The GSME is read directly at about one slot in this many. */
const GSME_DIRECT_READ_ONE_IN = 8;

export type SoakEventName = 'channel-change' | 'firmware-update' | 'supply-outage';

export const SOAK_EVENTS: readonly SoakEventName[] = ['channel-change', 'firmware-update', 'supply-outage'];

export interface SoakPlan {
  readonly days: number;
  readonly startMs: number;
  /** When the last slot's reads may go (the soak then lets the open windows close). */
  readonly endMs: number;
  /** The read slots' times, every READ_PERIOD_MS from the start. */
  readonly slots: readonly number[];
  /** Indexes into `slots` at which the GSME is read directly too. */
  readonly gsmeDirectReads: ReadonlySet<number>;
  /** When each one-off event starts. */
  readonly events: Readonly<Record<SoakEventName, number>>;
  readonly outageMs: number;
}

/** The plan of a soak of `days` days from `startMs`, drawn from `seed`. */
export function planSoak(options: { readonly seed: string; readonly days: number; readonly startMs: number }): SoakPlan {
  const { seed, days, startMs } = options;
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`a soak lasts a whole number of days ≥ 1, got ${days}`);
  const random = new SeededRandom(seed).fork('soak/plan');
  const endMs = startMs + days * DAY;
  const slots: number[] = [];
  for (let t = startMs; t < endMs; t += READ_PERIOD_MS) slots.push(t);
  const gsmeDirectReads = new Set<number>();
  slots.forEach((_, i) => {
    if (random.int(1, GSME_DIRECT_READ_ONE_IN) === 1) gsmeDirectReads.add(i);
  });

  const order = [...SOAK_EVENTS];
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j] as SoakEventName, order[i] as SoakEventName];
  }
  const third = (days * DAY) / order.length;
  const slotsPerThird = Math.floor((third - EVENT_LEAD_MS - EVENT_ROOM_MS) / READ_PERIOD_MS);
  const events = {} as Record<SoakEventName, number>;
  order.forEach((name, i) => {
    const slot = random.int(0, slotsPerThird);
    events[name] = startMs + Math.ceil((i * third + EVENT_LEAD_MS) / READ_PERIOD_MS) * READ_PERIOD_MS + slot * READ_PERIOD_MS + EVENT_OFFSET_MS;
  });
  const outageMs = random.int(5, 15) * MINUTE;
  return { days, startMs, endMs, slots, gsmeDirectReads, events, outageMs };
}
