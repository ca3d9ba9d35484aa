// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The sub-GHz radio environment of a premises: the energy a receiver reads on each GB channel
 * (pages 28–31), which the CHF's energy scan measures (energy-scan.ts).
 *
 * - Each channel has an ambient noise floor drawn from the seed and the channel: the same seed
 *   and channel always give the same level, another channel another level, in
 *   NOISE_FLOOR_DBM [P: a plausible quiet 868 MHz band in a meter cupboard; no public figure].
 * - Interference is injected on one channel through the Bench (a signal generator in a lab):
 *   a level in dBm, until cleared. What a receiver reads is the floor and the interference
 *   added as powers (mW), rounded to 0.1 dB.
 * - A channel that is not on a GB page, or not a channel of its page, is refused with a
 *   RangeError saying why (sub-ghz-channel.ts).
 * Listeners hear each change of the interference (the CHF's noise measurement, the channel
 * manager).
 */
import { SeededRandom } from '../clock/seeded-random.ts';
import { Listeners } from '../listeners.ts';
import { subGhzChannelMask, type SubGhzChannel } from './sub-ghz-channel.ts';

/** [P] Ambient noise floor range, dBm. */
export const NOISE_FLOOR_DBM: readonly [number, number] = [-104, -92];

/** [P] Interference levels the Bench may inject, dBm (a signal generator's range). */
export const INTERFERENCE_DBM: readonly [number, number] = [-120, 10];

export interface InterferenceChange {
  readonly channel: SubGhzChannel;
  /** The interference now on the channel, dBm; null: cleared. */
  readonly levelDbm: number | null;
  readonly at: number;
}

export type InterferenceListener = (change: InterferenceChange) => void;

function key(channel: SubGhzChannel): string {
  subGhzChannelMask(channel); // a GB channel, or a RangeError saying why not
  return `${channel.page}/${channel.channel}`;
}

const toMw = (dbm: number): number => 10 ** (dbm / 10);

export class SubGhzNoise {
  private readonly interference = new Map<string, number>();
  private readonly listeners = new Listeners<InterferenceListener>();

  constructor(readonly seed: string) {}

  /** The channel's ambient noise floor, dBm (whole dB). */
  floorDbm(channel: SubGhzChannel): number {
    const [low, high] = NOISE_FLOOR_DBM;
    return new SeededRandom(`${this.seed}/sub-ghz-noise/${key(channel)}`).int(low, high);
  }

  /** The interference injected on the channel, dBm, or null. */
  interferenceDbm(channel: SubGhzChannel): number | null {
    return this.interference.get(key(channel)) ?? null;
  }

  /** What a receiver reads on the channel now, dBm (0.1 dB). */
  levelDbm(channel: SubGhzChannel): number {
    const floor = this.floorDbm(channel);
    const extra = this.interferenceDbm(channel);
    if (extra === null) return floor;
    return Math.round(100 * Math.log10(toMw(floor) + toMw(extra))) / 10;
  }

  /** Injects interference on a channel (null clears it); listeners hear it at `at`. */
  setInterference(channel: SubGhzChannel, levelDbm: number | null, at: number): void {
    const k = key(channel);
    const [low, high] = INTERFERENCE_DBM;
    if (levelDbm !== null && !(Number.isFinite(levelDbm) && levelDbm >= low && levelDbm <= high)) {
      throw new RangeError(`an interference level is ${low}..${high} dBm, got ${levelDbm}`);
    }
    if (levelDbm === null) this.interference.delete(k);
    else this.interference.set(k, levelDbm);
    const change: InterferenceChange = { channel: { page: channel.page, channel: channel.channel }, levelDbm, at };
    for (const listener of this.listeners.snapshot()) listener(change);
  }

  /** Registers a listener for interference changes; returns a function that removes it. */
  onInterference(listener: InterferenceListener): () => void {
    return this.listeners.add(listener);
  }
}
