// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: the firmware catalogue images emulator tests distribute (SRV 11.1) and activate
 * (SRV 11.3) — a 256 KiB ESME image and a 512 KiB 868 MHz GSME image of the default programme —
 * and the virtual time they start at.
 */
import { defaultFirmwareCatalogue, type FirmwareImage } from '../../harness/programme/firmware-catalogue.ts';

/** 09:00 UTC on the programme's "today". */
export const FIRMWARE_TEST_START = Date.UTC(2019, 3, 12, 9);

export const FIRMWARE_CATALOGUE = defaultFirmwareCatalogue();

function image(releaseId: string): FirmwareImage {
  const found = FIRMWARE_CATALOGUE.byRelease(releaseId);
  if (!found) throw new Error(`the firmware catalogue has no release ${releaseId}`);
  return found;
}

export const ESME_IMAGE = image('MM1-E24-3.0.0');
export const GSME_IMAGE = image('MM2-G868-OPT1-1.0.3');
