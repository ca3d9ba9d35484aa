// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The firmware catalogue: the upgrade images the DCC may distribute over the air (SRV 11.1), one
 * per firmware release of the programme (`firmware-releases.json`) — the role the Central
 * Products List plays for a real DCC, which checks an image against the device model it is for
 * before distributing it [V: SEC "Central Products List" lists device models with their firmware
 * versions and image hashes; the public material at hand does not give DUIS's check in detail].
 *
 * Each image carries what the emulators and the suites need:
 * - the release, its target (a meter model, or a comms hub vendor and optionally one of its
 *   models) and version;
 * - `versionOctets`: the firmware version octet string the device reports on SRV 11.2 once it
 *   runs the image — the release version in ASCII [P: as premises-for-item.ts names devices];
 * - `sizeBytes`: the release's `image.sizeBytes`, else a default by kind [P]: ESME 256 KiB, GSME
 *   512 KiB, comms hub 1 MiB (no public figures; typical of metering firmware of the time);
 * - `imageHash`: SHA-256 over the manufacturer image, the hash CS06 (SRV 11.3) carries and the
 *   device checks [V: GBCS — the device hashes the image it holds and compares]. The image bytes
 *   are invented: an AES-128-CTR keystream keyed by the release id, `sizeBytes` long [P];
 * - `gbcs`: the GBCS version it implements (the release's, else its model's): a comms hub image
 *   of GBCS 1.x is Release 1 firmware, of 2.x Release 2 [V: DOMAIN.md release pairs].
 * Withdrawn releases are not in the catalogue [P: a withdrawn image is not distributed].
 */
import { createCipheriv, createHash } from 'node:crypto';
import type { FirmwareRelease } from './firmware-release.ts';
import type { Programme } from './programme.ts';
import { loadProgramme } from './load-programme.ts';

/** The version octet string a device reports on 11.2 for a release version: its ASCII bytes, hex [P]. */
export function versionOctetsOf(version: string): string {
  return Buffer.from(version, 'utf8').toString('hex').toUpperCase();
}

/** Default image sizes by kind of target [P]. */
export const DEFAULT_IMAGE_BYTES = { ESME: 256 * 1024, GSME: 512 * 1024, 'comms-hub': 1024 * 1024 } as const;

export type ImageTarget =
  | { readonly kind: 'meter'; readonly modelId: string; readonly meterType: 'ESME' | 'GSME' }
  | { readonly kind: 'comms-hub'; readonly vendorId: string; readonly modelId: string | null };

export interface FirmwareImage {
  readonly releaseId: string;
  readonly target: ImageTarget;
  /** The release version, e.g. "2.1.0". */
  readonly version: string;
  /** What the device reports on SRV 11.2 once it runs the image, upper-case hex. */
  readonly versionOctets: string;
  readonly sizeBytes: number;
  /** SHA-256 over the manufacturer image, 64 upper-case hex digits. */
  readonly imageHash: string;
  /** GBCS version the firmware implements. */
  readonly gbcs: string;
  readonly status: FirmwareRelease['status'];
}

/** A device as the catalogue matches it: a meter by its model, the comms hub by its vendor (and model). */
export type CatalogueDevice = { readonly kind: 'meter'; readonly modelId: string } | { readonly kind: 'comms-hub'; readonly vendorId: string; readonly modelId?: string };

/** The invented manufacturer image of a release: `sizeBytes` bytes of AES-128-CTR keystream keyed by SHA-256(releaseId) [P]. */
export function manufacturerImage(releaseId: string, sizeBytes: number): Uint8Array {
  const key = createHash('sha256').update(releaseId).digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  return new Uint8Array(Buffer.concat([cipher.update(Buffer.alloc(sizeBytes)), cipher.final()]));
}

function imageHashOf(releaseId: string, sizeBytes: number): string {
  return createHash('sha256').update(manufacturerImage(releaseId, sizeBytes)).digest('hex').toUpperCase();
}

function fits(image: FirmwareImage, device: CatalogueDevice): boolean {
  const t = image.target;
  if (device.kind === 'meter') return t.kind === 'meter' && t.modelId === device.modelId;
  return t.kind === 'comms-hub' && t.vendorId === device.vendorId && (t.modelId === null || device.modelId === undefined || t.modelId === device.modelId);
}

function describe(device: CatalogueDevice): string {
  return device.kind === 'meter' ? `model ${device.modelId}` : `comms hub vendor ${device.vendorId}${device.modelId ? ` (model ${device.modelId})` : ''}`;
}

/** What the catalogue says about a version for a device: its image, or why there is none. */
export type CatalogueLookup = { readonly ok: true; readonly image: FirmwareImage } | { readonly ok: false; readonly reason: 'not-in-catalogue' | 'other-model'; readonly detail: string };

export class FirmwareCatalogue {
  constructor(readonly images: readonly FirmwareImage[]) {}

  /** The images for a device, in release order. */
  forDevice(device: CatalogueDevice): FirmwareImage[] {
    return this.images.filter((i) => fits(i, device));
  }

  byRelease(releaseId: string): FirmwareImage | undefined {
    return this.images.find((i) => i.releaseId === releaseId);
  }

  byHash(imageHash: string): FirmwareImage | undefined {
    const h = imageHash.toUpperCase();
    return this.images.find((i) => i.imageHash === h);
  }

  /**
   * The image of version `versionOctets` (hex, as 11.2 reports it) for a device; refused with a
   * reason when no release has that version, or only releases for other models do.
   */
  lookup(device: CatalogueDevice, versionOctets: string): CatalogueLookup {
    const v = versionOctets.toUpperCase();
    const same = this.images.filter((i) => i.versionOctets === v);
    const image = same.find((i) => fits(i, device));
    if (image) return { ok: true, image };
    const known = this.forDevice(device).map((i) => `${i.releaseId} (${i.versionOctets})`);
    const mine = known.length > 0 ? `the catalogue's firmware for ${describe(device)}: ${known.join(', ')}` : `the catalogue has no firmware for ${describe(device)}`;
    if (same.length === 0) return { ok: false, reason: 'not-in-catalogue', detail: `firmware version ${v} is in no release of the firmware catalogue; ${mine}` };
    const whose = same.map((i) => `${i.releaseId} for ${i.target.kind === 'meter' ? `model ${i.target.modelId}` : `comms hub vendor ${i.target.vendorId}`}`);
    return { ok: false, reason: 'other-model', detail: `firmware version ${v} is ${whose.join(', ')}, not for ${describe(device)}; ${mine}` };
  }
}

/** The catalogue of a programme's releases (withdrawn ones left out). */
export function firmwareCatalogue(programme: Pick<Programme, 'firmwareReleases' | 'deviceModels' | 'commsHubVendors'>): FirmwareCatalogue {
  const images: FirmwareImage[] = [];
  for (const r of programme.firmwareReleases) {
    if (r.status === 'withdrawn') continue;
    let target: ImageTarget;
    let modelGbcs: string | undefined;
    if (r.target.deviceModel !== undefined) {
      const model = programme.deviceModels.find((m) => m.id === r.target.deviceModel);
      if (!model) continue;
      target = { kind: 'meter', modelId: model.id, meterType: model.type };
      modelGbcs = model.gbcs;
    } else {
      const vendor = programme.commsHubVendors.find((v) => v.id === r.target.commsHubVendor);
      if (!vendor) continue;
      target = { kind: 'comms-hub', vendorId: vendor.id, modelId: r.target.commsHubModel ?? null };
      modelGbcs = vendor.models.find((m) => m.id === r.target.commsHubModel)?.gbcs ?? vendor.models[0]?.gbcs;
    }
    const sizeBytes = r.image?.sizeBytes ?? DEFAULT_IMAGE_BYTES[target.kind === 'meter' ? target.meterType : 'comms-hub'];
    images.push({
      releaseId: r.id,
      target,
      version: r.version,
      versionOctets: versionOctetsOf(r.version),
      sizeBytes,
      imageHash: imageHashOf(r.id, sizeBytes),
      gbcs: r.gbcs ?? modelGbcs ?? 'unknown',
      status: r.status,
    });
  }
  return new FirmwareCatalogue(images);
}

let loaded: FirmwareCatalogue | undefined;

/** The catalogue of the default programme, built once. */
export function defaultFirmwareCatalogue(): FirmwareCatalogue {
  loaded ??= firmwareCatalogue(loadProgramme());
  return loaded;
}
