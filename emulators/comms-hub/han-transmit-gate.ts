// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The comms hub's HAN as traffic the hub paces itself sees it (a firmware image, block by block,
 * ota-transfer.ts): may the hub send N bytes to device X now, and when may it if not; then the
 * frames themselves, each way, with what they cost on the air and whether they arrived.
 *
 * On 2.4 GHz nothing limits the hub beyond the radio: `ALWAYS_CLEAR_GATE` says "now" and every
 * frame arrives with its airtime (radio/airtime.ts at the band's default rate) — the default, and
 * what a premises without HAN accounting uses. On 868 MHz the hub's own duty-cycle budget decides
 * (DOMAIN.md: the CH's transmissions count against a duty-cycle budget too) [I]: han-medium-gate.ts
 * puts the premises' HAN medium (radio/han-medium.ts: duty cycles, losses, retries) behind this
 * interface.
 */
import type { EmulatedDevice, HanBand } from '../device.ts';
import { airtimeMs, radioOf, type BandRadio } from '../radio/airtime.ts';

/** What became of one frame: whether it arrived, and the airtime it took (retries included). */
export interface HanSend {
  readonly delivered: boolean;
  readonly airtimeMs: number;
}

export interface HanTransmitGate {
  /** The radio of a band (its data rate), to size frames. */
  radio(band: HanBand): BandRadio;
  /**
   * The earliest virtual time, at or after `at`, at which the hub may send `bytes` to `device`:
   * `at` itself when it may then; null when it may not and cannot say when (ask again later).
   */
  clearAt(device: EmulatedDevice, bytes: number, at: number): number | null;
  /** The hub sends `bytes` to `device` now. */
  hubSends(device: EmulatedDevice, bytes: number, label: string): HanSend;
  /** `device` sends `bytes` to the hub now. */
  deviceSends(device: EmulatedDevice, bytes: number, label: string): HanSend;
}

function sent(device: EmulatedDevice, bytes: number): HanSend {
  return { delivered: true, airtimeMs: device.band ? airtimeMs(radioOf(device.band), bytes) : 0 };
}

/** A gate that never holds the hub back and loses nothing (2.4 GHz, or no HAN accounting wired). */
export const ALWAYS_CLEAR_GATE: HanTransmitGate = {
  radio: radioOf,
  clearAt: (_device, _bytes, at) => at,
  hubSends: (device, bytes) => sent(device, bytes),
  deviceSends: (device, bytes) => sent(device, bytes),
};
