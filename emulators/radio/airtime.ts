// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Airtime: how long a HAN band's radio is on the air to carry a message of a given size.
 *
 * A message (a GBCS frame inside ZigBee APS) is cut into PHY frames of at most
 * `maxPsduBytes`, each carrying `headerBytes` of MAC + NWK + APS headers (plus security) and up
 * to the rest as payload; each PHY frame costs its synchronisation header and PHY header on top
 * of its PSDU, sent at the band's bit rate. Acknowledgements are the receiver's airtime, not the
 * sender's, and are not counted here.
 *
 * | band    | rate       | PHY overhead                      | max PSDU | source                  |
 * | ------- | ---------- | --------------------------------- | -------- | ----------------------- |
 * | 2.4 GHz | 250 kbit/s | preamble 4 + SFD 1 + PHR 1 bytes  | 127      | IEEE 802.15.4 O-QPSK [V] |
 * | 868 MHz | a parameter, 100 kbit/s by default [P: DOMAIN.md] | preamble 8 + SFD 2 + PHR 2 [P] | 127 [P] | |
 *
 * MAC + NWK + APS + security headers: 45 bytes per frame [P] (MAC 11, NWK 8 + NWK security
 * 14, APS 8 + MIC 4), leaving 82 bytes of application payload per PHY frame.
 */
import type { HanBand } from '../device.ts';

export interface BandRadio {
  readonly band: HanBand;
  readonly bitsPerSecond: number;
  /** Synchronisation header + PHY header bytes of every PHY frame. */
  readonly phyOverheadBytes: number;
  /** Largest PHY service data unit (MAC frame) in bytes. */
  readonly maxPsduBytes: number;
  /** MAC + NWK + APS headers and security of every PHY frame. */
  readonly headerBytes: number;
}

export const RADIO_2_4_GHZ: BandRadio = { band: '2.4GHz', bitsPerSecond: 250_000, phyOverheadBytes: 6, maxPsduBytes: 127, headerBytes: 45 };

/** The sub-GHz radio at a data rate (bit/s, default 100 kbit/s [P]). */
export function subGhzRadio(bitsPerSecond = 100_000): BandRadio {
  if (!Number.isFinite(bitsPerSecond) || bitsPerSecond <= 0) throw new RangeError(`a sub-GHz data rate must be a positive number of bit/s, got ${bitsPerSecond}`);
  return { band: '868MHz', bitsPerSecond, phyOverheadBytes: 12, maxPsduBytes: 127, headerBytes: 45 };
}

export const RADIO_868_MHZ: BandRadio = subGhzRadio();

/** The radio of a band at its default data rate. */
export function radioOf(band: HanBand): BandRadio {
  return band === '2.4GHz' ? RADIO_2_4_GHZ : RADIO_868_MHZ;
}

/** Application payload bytes one PHY frame carries. */
export function payloadPerFrame(radio: BandRadio): number {
  return radio.maxPsduBytes - radio.headerBytes;
}

/** PHY frames a message of `bytes` needs (an empty message still takes one frame). */
export function framesFor(radio: BandRadio, bytes: number): number {
  if (!Number.isInteger(bytes) || bytes < 0) throw new RangeError(`a message size must be a whole number of bytes ≥ 0, got ${bytes}`);
  return Math.max(1, Math.ceil(bytes / payloadPerFrame(radio)));
}

/** Airtime in milliseconds (fractional) of a message of `bytes` on the radio. */
export function airtimeMs(radio: BandRadio, bytes: number): number {
  const frames = framesFor(radio, bytes);
  const onAirBytes = bytes + frames * (radio.headerBytes + radio.phyOverheadBytes);
  return (onAirBytes * 8 * 1000) / radio.bitsPerSecond;
}
