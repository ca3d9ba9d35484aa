// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The quality of one HAN link (comms hub ↔ device): its signal as the CHF reports it in its
 * device log read (CCS06) — received signal strength (maximum, average, minimum, dBm) and link
 * quality indicator (minimum, maximum, 0..255) [V: DOMAIN.md — CCS06 reports a signal strength
 * for sub-GHz devices] — and how often a frame sent over it is lost.
 *
 * A model [P] in one function (`seededLinkQuality`), to replace as a whole when a better one
 * lands: each link gets a fixed quality drawn from the seed and the link (hub, device, band) —
 * the same seed and link always give the same numbers, another link other numbers. Average RSSI
 * is drawn in a band plausible for a meter cupboard (sub-GHz −95..−55 dBm, 2.4 GHz −85..−45 dBm);
 * the maximum lies 3..15 dB above it, the minimum 5..25 dB below (never under −110 dBm); LQI
 * follows RSSI linearly (−100 dBm → 0, −40 dBm → 255), as 802.15.4 radios commonly derive it.
 * The frame error rate (one transmission attempt lost) falls tenfold per 10 dB of margin of the
 * average RSSI over the receiver's sensitivity (sub-GHz −105 dBm, 2.4 GHz −100 dBm [P]), from
 * 50 % at no margin: 5 % at 10 dB, 0.5 % at 20 dB. Retries (radio/han-medium.ts) make a lost
 * message rare on any of these links; interference (the Bench) adds to the rate.
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { SeededRandom } from '../clock/seeded-random.ts';
import type { HanBand } from '../device.ts';

export interface HanLink {
  readonly hub: Eui64;
  readonly device: Eui64;
  readonly band: HanBand;
}

export interface LinkSignal {
  readonly rssiMaxDbm: number;
  readonly rssiAverageDbm: number;
  readonly rssiMinDbm: number;
  readonly lqiMin: number;
  readonly lqiMax: number;
}

export interface LinkQuality {
  readonly signal: LinkSignal;
  /** Probability that one transmission attempt over the link is lost, in [0, 0.5]. */
  readonly frameErrorRate: number;
}

/** [P] Average RSSI ranges by band, dBm. */
const AVERAGE_RSSI_DBM: Readonly<Record<HanBand, readonly [number, number]>> = {
  '868MHz': [-95, -55],
  '2.4GHz': [-85, -45],
};
const FLOOR_DBM = -110;
/** [P] Receiver sensitivity by band, dBm. */
const SENSITIVITY_DBM: Readonly<Record<HanBand, number>> = { '868MHz': -105, '2.4GHz': -100 };

function lqiOf(rssiDbm: number): number {
  return Math.max(0, Math.min(255, Math.round(((rssiDbm + 100) * 255) / 60)));
}

/** The quality of a link, stable for a seed and a link (the model: see the file header). */
export function seededLinkQuality(seed: string, link: HanLink): LinkQuality {
  const random = new SeededRandom(`${seed}/han-link/${link.hub}/${link.device}/${link.band}`);
  const [low, high] = AVERAGE_RSSI_DBM[link.band];
  const average = random.int(low, high);
  const max = average + random.int(3, 15);
  const min = Math.max(FLOOR_DBM, average - random.int(5, 25));
  const marginDb = Math.max(0, average - SENSITIVITY_DBM[link.band]);
  return {
    signal: { rssiMaxDbm: max, rssiAverageDbm: average, rssiMinDbm: min, lqiMin: lqiOf(min), lqiMax: lqiOf(max) },
    frameErrorRate: 0.5 * 10 ** (-marginDb / 10),
  };
}

/** The signal of a link as CCS06 reports it (seededLinkQuality's). */
export function seededLinkSignal(seed: string, link: HanLink): LinkSignal {
  return seededLinkQuality(seed, link).signal;
}
