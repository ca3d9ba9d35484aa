// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * An energy scan: the CHF's radio listens on each channel of a list in turn and reads the energy
 * there (sub-ghz-noise.ts), then the quietest channel is known.
 *
 * - The scan takes ENERGY_SCAN_MS_PER_CHANNEL per channel [P: an 802.15.4 energy detection scan
 *   takes aBaseSuperframeDuration × (2^n + 1) symbols per channel; at the sub-GHz symbol rates
 *   and the exponents in use that is a fraction of a second].
 * - The quietest channel is the one with the lowest level; of equal levels, the first in the
 *   list (page 28 before 31, low channels first, as the configuration lists them).
 */
import type { SubGhzChannel } from './sub-ghz-channel.ts';
import type { SubGhzNoise } from './sub-ghz-noise.ts';

/** [P] Listening time per channel. */
export const ENERGY_SCAN_MS_PER_CHANNEL = 500;

export interface ChannelEnergy {
  readonly channel: SubGhzChannel;
  readonly levelDbm: number;
}

/** How long a scan of `channelCount` channels takes, ms. */
export function energyScanDurationMs(channelCount: number): number {
  return channelCount * ENERGY_SCAN_MS_PER_CHANNEL;
}

/** The level on each channel, in the order given. */
export function energyScan(noise: SubGhzNoise, channels: readonly SubGhzChannel[]): ChannelEnergy[] {
  return channels.map((channel) => ({ channel, levelDbm: noise.levelDbm(channel) }));
}

/** The quietest reading (the first of equals), or null for an empty scan. */
export function quietestChannel(readings: readonly ChannelEnergy[]): ChannelEnergy | null {
  let best: ChannelEnergy | null = null;
  for (const r of readings) if (best === null || r.levelDbm < best.levelDbm) best = r;
  return best;
}
