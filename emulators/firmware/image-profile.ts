// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The firmware behaviour profile of an image of the firmware catalogue (harness/programme/
 * firmware-catalogue.ts): the profile shipped for the image's release on its model — a meter
 * model's, or the one comms hub model of the vendor that has a profile for the release — or null
 * when there is none (or, for a hub, several: the image does not say which model). A device that
 * starts running the image (SRV 11.3) takes this profile (emulators/firmware-activation.ts).
 */
import type { FirmwareImage } from '../../harness/programme/firmware-catalogue.ts';
import type { ProfileCatalogue } from './profile-loader.ts';
import type { FirmwareProfile } from './profile-schema.ts';

export function profileOfImage(image: FirmwareImage, profiles: ProfileCatalogue): FirmwareProfile | null {
  const t = image.target;
  if (t.kind === 'meter') return profiles.resolveProfile(t.modelId, image.releaseId) ?? null;
  const hubs = profiles.commsHubProfiles(t.vendorId, image.releaseId).filter((p) => t.modelId === null || p.model === t.modelId);
  return hubs.length === 1 ? (hubs[0] as FirmwareProfile) : null;
}
