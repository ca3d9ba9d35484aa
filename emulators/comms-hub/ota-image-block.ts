// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One block of a ZigBee OTA upgrade: how the CHF sends a firmware image to a HAN device (GBCS:
 * the image is distributed as a ZigBee OTA upgrade image [V: DOMAIN.md]). The device (OTA client)
 * asks for each block with an Image Block Request; the CHF (OTA server) answers with an Image
 * Block Response carrying the data. What a block costs on the air follows from the two frames'
 * sizes (radio/airtime.ts) plus a turnaround.
 *
 * Frame sizes, ZCL header (3 bytes) included [V: the OTA Upgrade cluster's command fields as
 * public ZigBee OTA server documentation lists them]:
 * - Image Block Request: field control 1, manufacturer code 2, image type 2, file version 4,
 *   file offset 4, maximum data size 1 → 17 bytes;
 * - Image Block Response (status success): status 1, manufacturer code 2, image type 2, file
 *   version 4, file offset 4, data size 1, data → 17 + data bytes.
 * [P] Data per block: 64 bytes (ZigBee OTA clients commonly ask for 48–64; 64 keeps a response
 * in one 868 MHz or 2.4 GHz PHY frame: 81 ≤ 82 payload bytes per frame, airtime.ts).
 * [P] Turnaround per block: 20 ms — the client writing the block to flash and asking for the
 * next, MAC acknowledgements included. No public figure.
 */
import { airtimeMs, type BandRadio } from '../radio/airtime.ts';

export const OTA_BLOCK_DATA_BYTES = 64;
export const IMAGE_BLOCK_REQUEST_BYTES = 17;
export const IMAGE_BLOCK_RESPONSE_HEADER_BYTES = 17;
export const OTA_BLOCK_TURNAROUND_MS = 20;

/** Blocks an image of `sizeBytes` takes. */
export function otaBlockCount(sizeBytes: number, dataBytes = OTA_BLOCK_DATA_BYTES): number {
  if (!Number.isInteger(sizeBytes) || sizeBytes <= 0) throw new RangeError(`an image size must be a positive whole number of bytes, got ${sizeBytes}`);
  return Math.ceil(sizeBytes / dataBytes);
}

/** What one block costs on a band: the hub's response airtime, the device's request airtime, and the whole cycle. */
export interface OtaBlockTiming {
  readonly responseBytes: number;
  /** The hub's airtime for the Image Block Response (what its duty cycle counts). */
  readonly responseAirtimeMs: number;
  /** The device's airtime for the Image Block Request. */
  readonly requestAirtimeMs: number;
  /** Request + response + turnaround: the time one block takes when nothing holds it up. */
  readonly cycleMs: number;
}

export function otaBlockTiming(radio: BandRadio, dataBytes = OTA_BLOCK_DATA_BYTES): OtaBlockTiming {
  const responseBytes = IMAGE_BLOCK_RESPONSE_HEADER_BYTES + dataBytes;
  const responseAirtimeMs = airtimeMs(radio, responseBytes);
  const requestAirtimeMs = airtimeMs(radio, IMAGE_BLOCK_REQUEST_BYTES);
  return { responseBytes, responseAirtimeMs, requestAirtimeMs, cycleMs: requestAirtimeMs + responseAirtimeMs + OTA_BLOCK_TURNAROUND_MS };
}
