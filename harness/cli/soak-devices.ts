// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The devices a soak drives, from the premises description: the comms hub's CHF and GPF, the
 * ESME (read every 30 minutes, its supply cut once) and the GSME on 868 MHz (read through the
 * GPF mirror and now and then directly, its HAN moved to another channel once, its firmware
 * updated over the air once), with its wake interval and the catalogue image it is updated to —
 * the newest release of its model it does not run yet. A premises without them, or a GSME model
 * the firmware catalogue has no other release for, is refused with the reason (exit 2).
 */
import { defaultFirmwareCatalogue, type FirmwareCatalogue, type FirmwareImage } from '../programme/firmware-catalogue.ts';
import { meterOfType, type PremisesSpec } from '../programme/premises-spec.ts';
import type { Eui64 } from '../protocol/gbcs/frame-types.ts';
import { UserError } from './user-error.ts';

/** A GSME wakes every 30 minutes when the premises description gives no interval. */
const DEFAULT_WAKE_MINUTES = 30;

export interface SoakDevices {
  readonly chf: Eui64;
  readonly gpf: Eui64;
  readonly esme: Eui64;
  readonly gsme: Eui64;
  /** The GSME's wake interval, ms. */
  readonly wakeMs: number;
  /** The image the GSME is updated to over 868 MHz. */
  readonly gsmeImage: FirmwareImage;
}

export function soakDevices(premises: PremisesSpec, file: string, catalogue: FirmwareCatalogue = defaultFirmwareCatalogue()): SoakDevices {
  const esme = meterOfType(premises, 'ESME');
  const gsme = meterOfType(premises, 'GSME');
  if (!esme || !gsme) throw new UserError(`${file}: the soak needs an ESME and a GSME, the premises has ${premises.meters.map((m) => m.type).join(', ')}`);
  if (gsme.band !== '868MHz') throw new UserError(`${file}: the soak drives the sub-GHz HAN and needs the GSME on 868MHz, it is on ${gsme.band}`);
  if (premises.commsHub.bands && !premises.commsHub.bands.includes('868MHz')) throw new UserError(`${file}: the soak needs a comms hub running 868MHz, it runs ${premises.commsHub.bands.join(', ')}`);
  const modelId = gsme.modelId ?? gsme.model;
  const runs = (i: FirmwareImage) => i.versionOctets === gsme.firmwareImage.toUpperCase() || i.version === gsme.firmware;
  const images = catalogue.forDevice({ kind: 'meter', modelId }).filter((i) => !runs(i));
  const gsmeImage = images[images.length - 1];
  if (!gsmeImage) throw new UserError(`${file}: the firmware catalogue has no release of the GSME's model ${modelId} other than the one it runs (${gsme.firmware}): nothing to update it to`);
  return {
    chf: premises.commsHub.chf,
    gpf: premises.commsHub.gpf,
    esme: esme.eui,
    gsme: gsme.eui,
    wakeMs: (gsme.wakeIntervalMinutes ?? DEFAULT_WAKE_MINUTES) * 60_000,
    gsmeImage,
  };
}
