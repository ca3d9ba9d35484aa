// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Gas Proxy Function: a mirror of the GSME's ZCL attributes inside the comms hub, updated
 * each time the GSME wakes and reports, so that reads such as GCS13a are answered at once
 * without waking the meter. A read answers what the mirror held at the last report (never a
 * value the meter has not reported yet); before the first report the mirror is empty.
 */
import type { PartyKeys } from '../../harness/protocol/gbcs/frame-types.ts';
import { EmulatedDevice, type DeviceIdentity } from '../device.ts';
import type { DeviceProfile } from '../firmware/device-profile.ts';
import { ZclAttributeTable, type ReadAttributeRecord, type ZclAttribute } from '../meters/zcl-clusters.ts';

export interface GpfOptions {
  readonly identity: Omit<DeviceIdentity, 'deviceType' | 'band'>;
  readonly profile: DeviceProfile;
  readonly keys?: PartyKeys | null;
}

export class Gpf extends EmulatedDevice {
  readonly mirror = new ZclAttributeTable();
  private updatedAt: number | null = null;
  private reports = 0;

  constructor(options: GpfOptions) {
    super({ ...options.identity, deviceType: 'GPF', band: null }, options.profile, options.keys ?? null);
  }

  /** Virtual time of the last GSME report, or null before the first. */
  get lastUpdatedAt(): number | null {
    return this.updatedAt;
  }

  get reportCount(): number {
    return this.reports;
  }

  /** Takes a GSME report: every reported attribute replaces its mirrored value. */
  updateMirror(report: readonly ZclAttribute[], at: number): void {
    for (const attribute of report) this.mirror.put(attribute);
    this.updatedAt = at;
    this.reports += 1;
  }

  /** ZCL Read Attributes answered from the mirror. */
  readAttributes(clusterId: number, attributeIds: readonly number[]): ReadAttributeRecord[] {
    return this.mirror.read(clusterId, attributeIds);
  }
}
