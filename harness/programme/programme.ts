// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A programme: the state of a DIT programme as a test engineer keeps it, one JSON file per kind
 * of entity in a folder (`fixtures/programme/<name>/`). This file names those files, binds each
 * to its schema and defines the loaded whole, with the few look-ups the planner needs.
 */
import type { z } from 'zod';
import type { Band } from '../dit/test-case-meta.ts';
import { type CommsHubVendor, CommsHubVendorSchema } from './comms-hub-vendor.ts';
import { type ControlPoint, ControlPointSchema } from './control-point.ts';
import { type Cycle, CycleSchema } from './cycle.ts';
import { type Delivery, DeliverySchema } from './delivery.ts';
import { type DeviceModel, DeviceModelSchema } from './device-model.ts';
import { type FirmwareRelease, FirmwareReleaseSchema } from './firmware-release.ts';
import { type Manufacturer, ManufacturerSchema } from './manufacturer.ts';
import type { ProgrammeInfo } from './programme-info.ts';

/** The programme's parts, each read from its own file. */
export interface ProgrammeParts {
  readonly info: ProgrammeInfo;
  readonly manufacturers: readonly Manufacturer[];
  readonly deviceModels: readonly DeviceModel[];
  readonly commsHubVendors: readonly CommsHubVendor[];
  readonly firmwareReleases: readonly FirmwareRelease[];
  readonly deliveries: readonly Delivery[];
  readonly cycles: readonly Cycle[];
  readonly controlPoints: readonly ControlPoint[];
}
export type ProgrammePart = keyof ProgrammeParts;
/** The parts that are lists of entities (every file but programme.json). */
export type EntityPart = Exclude<ProgrammePart, 'info'>;
export type EntityOf<P extends EntityPart> = ProgrammeParts[P][number];

/** Each part's file, in the order problems are reported. */
export const PROGRAMME_FILES: { readonly [P in ProgrammePart]: string } = {
  info: 'programme.json',
  manufacturers: 'manufacturers.json',
  deviceModels: 'device-models.json',
  commsHubVendors: 'comms-hub-vendors.json',
  firmwareReleases: 'firmware-releases.json',
  deliveries: 'deliveries.json',
  cycles: 'cycles.json',
  controlPoints: 'control-points.json',
};

export const PROGRAMME_PARTS = Object.keys(PROGRAMME_FILES) as ProgrammePart[];

/** The schema of one entry of each entity file (the file is a JSON array of them). */
export const ENTITY_SCHEMAS: { readonly [P in EntityPart]: z.ZodType<EntityOf<P>, unknown> } = {
  manufacturers: ManufacturerSchema,
  deviceModels: DeviceModelSchema,
  commsHubVendors: CommsHubVendorSchema,
  firmwareReleases: FirmwareReleaseSchema,
  deliveries: DeliverySchema,
  cycles: CycleSchema,
  controlPoints: ControlPointSchema,
};

/** A loaded, checked programme: programme.json's fields at the top, the entity lists beside them. */
export interface Programme extends ProgrammeInfo, Omit<ProgrammeParts, 'info'> {
  /** The folder it was read from (absolute), or a label when parsed from memory. */
  readonly folder: string;
}

export function findDeviceModel(programme: Pick<Programme, 'deviceModels'>, id: string): DeviceModel | undefined {
  return programme.deviceModels.find((m) => m.id === id);
}

export function findRelease(programme: Pick<Programme, 'firmwareReleases'>, id: string): FirmwareRelease | undefined {
  return programme.firmwareReleases.find((r) => r.id === id);
}

/** The releases for one target (a comms hub vendor id or a device model id), in file order. */
export function releasesFor(programme: Pick<Programme, 'firmwareReleases'>, targetId: string): FirmwareRelease[] {
  return programme.firmwareReleases.filter(
    (r) => r.target.deviceModel === targetId || r.target.commsHubVendor === targetId,
  );
}

/**
 * The bands a release works on: its own `bands` when given, else its target's — the device
 * model's, the comms hub model's, or every band of the vendor's comms hub models.
 */
export function releaseBands(
  programme: Pick<Programme, 'deviceModels' | 'commsHubVendors'>,
  release: FirmwareRelease,
): Band[] {
  if (release.bands !== undefined) return [...release.bands];
  const { deviceModel, commsHubVendor, commsHubModel } = release.target;
  if (deviceModel !== undefined) return [...(findDeviceModel(programme, deviceModel)?.bands ?? [])];
  const vendor = programme.commsHubVendors.find((v) => v.id === commsHubVendor);
  const models = vendor?.models.filter((m) => commsHubModel === undefined || m.id === commsHubModel) ?? [];
  return [...new Set(models.flatMap((m) => m.bands))];
}
