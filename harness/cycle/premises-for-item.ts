// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The premises one plan item runs on: the base premises description with its comms hub and
 * the meter of the combination's type replaced by the combination's vendor, model, firmware
 * and band. Programme ids ride along so the emulated world can apply the firmware behaviour
 * profile of that model and release. The other meter of the premises stays as described.
 */
import type { MeterSpec, PremisesSpec } from '../programme/premises-spec.ts';
import type { PlanItem } from './plan-item.ts';

/** The version octet string a device reports on 11.2: the release version in ASCII [P]. */
export function firmwareImageOf(version: string): string {
  return Buffer.from(version, 'utf8').toString('hex').toUpperCase();
}

export function premisesForItem(base: PremisesSpec, item: PlanItem): PremisesSpec {
  const c = item.combination;
  const meters = base.meters.map((m): MeterSpec => {
    if (m.type !== c.meter.type) return m;
    return {
      ...m,
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
