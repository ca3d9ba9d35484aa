// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Gas Proxy Function: a mirror of the GSME's ZCL attributes inside the comms hub, updated
 * each time the GSME wakes and reports, so that reads such as GCS13a are answered at once
 * without waking the meter. A read answers what the mirror held at the last report (never a
 * value the meter has not reported yet); before the first report the mirror is empty.
 *
 * The mirror exists from the GSME's first report after it joined; the GPF drops it when the GSME
 * leaves the HAN (removed from the CHF Device Log), and the next report after a rejoin makes a
 * new one [P: when a mirror goes is not in the material at hand]. The mirror also carries the
 * GSME's Functional Notification Flags (functional-notification-flags.ts), which the CHF sets
 * and clears and the GSME reads at each wake; without a mirror there is nowhere to set them
 * (the vendor SDK's "no mirror" delivery failure, sleepy-relay.ts).
 */
import type { PartyKeys } from '../../harness/protocol/gbcs/frame-types.ts';
import { EmulatedDevice, type DeviceIdentity } from '../device.ts';
import type { DeviceProfile } from '../firmware/device-profile.ts';
import { ZclAttributeTable, type ReadAttributeRecord, type ZclAttribute } from '../meters/zcl-clusters.ts';
import { JoinedDevices } from '../meters/joined-devices.ts';
import { functionalNotificationFlagNames } from './functional-notification-flags.ts';

export interface GpfOptions {
  readonly identity: Omit<DeviceIdentity, 'deviceType' | 'band'>;
  readonly profile: DeviceProfile;
  readonly keys?: PartyKeys | null;
}

export class Gpf extends EmulatedDevice {
  /**
   * The GPF Device Log: the devices the GPF serves, with their GBCS device type codes
   * (device-type-entry.ts) — the GSME it mirrors from commissioning, and what GCS59 restores
   * [P: its contents beyond RTDS GCS59 (a PPMID, a Type 2 device) are not in the material at hand].
   */
  readonly deviceLog = new JoinedDevices();
  private table = new ZclAttributeTable();
  private updatedAt: number | null = null;
  private reports = 0;
  private flags = 0;

  constructor(options: GpfOptions) {
    super({ ...options.identity, deviceType: 'GPF', band: null }, options.profile, options.keys ?? null);
  }

  /** The mirrored attributes (empty without a mirror). */
  get mirror(): ZclAttributeTable {
    return this.table;
  }

  /** Whether the GPF holds a mirror of the GSME: from its first report until it leaves the HAN. */
  get hasMirror(): boolean {
    return this.updatedAt !== null;
  }

  /** The mirror's Functional Notification Flags, or null without a mirror. */
  get functionalNotificationFlags(): number | null {
    return this.hasMirror ? this.flags : null;
  }

  /** Sets then clears flags on the mirror; false (nothing changed) when there is no mirror. */
  updateFunctionalNotificationFlags(set: number, clear = 0): boolean {
    if (!this.hasMirror) return false;
    this.flags = ((this.flags | set) & ~clear) >>> 0;
    return true;
  }

  /** The flags set now, by name (for traces). */
  functionalNotificationFlagNames(): string[] {
    return functionalNotificationFlagNames(this.flags);
  }

  /** The GSME left the HAN: its mirror, and the flags on it, are gone. */
  removeMirror(): void {
    this.table = new ZclAttributeTable();
    this.updatedAt = null;
    this.flags = 0;
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
