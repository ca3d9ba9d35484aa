// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The premises one plan item runs on: the base premises description with its comms hub and
 * the meter of the combination's type replaced by the combination's vendor, model, firmware
 * and band (the base meter's band capability goes with its model). Programme ids ride along
 * so the emulated world can apply the firmware behaviour profile of that model and release.
 * The other meter of the premises stays as described.
 */
import { versionOctetsOf } from '../programme/firmware-catalogue.ts';
import type { MeterSpec, PremisesSpec } from '../programme/premises-spec.ts';
import type { PlanItem } from './plan-item.ts';

/** The version octet string a device reports on 11.2: the release version in ASCII [P] (the firmware catalogue's). */
export const firmwareImageOf = versionOctetsOf;

export function premisesForItem(base: PremisesSpec, item: PlanItem): PremisesSpec {
  const c = item.combination;
  const meters = base.meters.map((m): MeterSpec => {
    if (m.type !== c.meter.type) return m;
    // the base meter's band capability is its model's: the combination's model is planned on a band it has
    const { bands: _baseModelBands, ...rest } = m;
    return {
      ...rest,
      manufacturer: c.meter.manufacturer,
      model: c.meter.model,
      firmware: c.meter.firmware,
      firmwareImage: firmwareImageOf(c.meter.firmware),
      band: c.band,
      modelId: item.devices.meter.modelId,
      ...(item.devices.meter.releaseId ? { releaseId: item.devices.meter.releaseId } : {}),
    };
  });
  return {
    ...base,
    commsHub: {
      ...base.commsHub,
      vendor: c.commsHub.vendor,
      firmware: c.commsHub.firmware,
      firmwareImage: firmwareImageOf(c.commsHub.firmware),
      vendorId: item.devices.commsHub.vendorId,
      ...(item.devices.commsHub.releaseId ? { releaseId: item.devices.commsHub.releaseId } : {}),
    },
    meters,
  };
}
