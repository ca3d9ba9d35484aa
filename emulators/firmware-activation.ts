// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * SRV 11.3 Activate Firmware on a device (CS06, use-cases/cs06.ts): the device hashes the image it
 * holds (firmware-distribution.ts) and, when the hash is the command's, runs it
 * [V: GBCS — the device calculates a hash over the manufacturer image it holds and activates it
 * only when it matches the Activate Firmware command's; RTDS 11.3_CS06 outcomes: 0 success, 1 no
 * image held, 2 hash mismatch]:
 *
 * - now: the outcome is the CS06 response (the version it runs after the command);
 * - future-dated: the device keeps the command (meters: their own future-dated actions,
 *   meters/future-dated-actions.ts, on their own clock; the CHF: the same kind of schedule here),
 *   answers "accepted" and, when its clock reaches the time, tries it and tells the command's
 *   originator with the 0x00CA alert: 0x8F66 and its outcome when it ran the image, 0x8F67 and the
 *   failed outcome when not (RTDS: hash mismatch). A cancellation removes the pending one. A new
 *   future-dated activation replaces a pending one [P].
 *
 * Running the new image [P]: the device's firmware version becomes the image's (what SRV 11.2
 * reads: ECS52 / GCS38); for the comms hub, the CHF's and the GPF's. Its firmware behaviour
 * profile becomes the new release's (`Premises.firmwareProfileOf`: its faults replace the old
 * release's, its timings replace the ones it sets; none: the old faults go, the timings stay).
 * After a restart (`RESTART_MS`) it tells the command's originator with 0x8F43 "executing
 * firmware changed".
 */
import type { FirmwareImage } from '../harness/programme/firmware-catalogue.ts';
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import type { ActivateFirmwareOutcome } from '../harness/protocol/gbcs/payload/use-cases/cs06.ts';
import type { EmulatedDevice } from './device.ts';
import type { FirmwareDistribution } from './firmware-distribution.ts';
import { FutureDatedActions } from './meters/future-dated-actions.ts';
import { Esme } from './meters/esme.ts';
import { Gsme } from './meters/gsme.ts';
import type { Premises } from './premises.ts';
import type { BuiltAlert } from './use-cases/power-alerts.ts';
import { executingFirmwareChangedAlert, futureDatedActivationAlert } from './use-cases/firmware-alerts.ts';

/** [P] From running the new image to its 0x8F43 alert: the device restarts on it. */
export const RESTART_MS = 10_000;

const PENDING_KEY = 'CS06 activate firmware';

/** The CS06 command a device acts on. */
export interface ActivationCommand {
  readonly originator: Eui64;
  readonly originatorCounter: bigint;
  /** The manufacturer image hash the command names, hex. */
  readonly imageHash: string;
}

export class FirmwareActivation {
  private readonly hubFutureDated = new FutureDatedActions();

  constructor(
    private readonly premises: Premises,
    private readonly distribution: FirmwareDistribution,
  ) {}

  /** The device tries the command now; the outcome is what it reports. */
  activateNow(device: EmulatedDevice, command: ActivationCommand): ActivateFirmwareOutcome {
    const held = this.distribution.heldImage(device.eui);
    if (!held) return { result: 'no-image-held', firmwareVersion: device.firmwareVersion };
    if (held.imageHash !== command.imageHash.toUpperCase()) return { result: 'hash-mismatch', firmwareVersion: device.firmwareVersion };
    this.run(device, held, command.originator);
    return { result: 'success', firmwareVersion: device.firmwareVersion };
  }

  /** Keeps the command for `dueAt` on the device's own clock; at that time tries it and sends 0x00CA. */
  schedule(device: EmulatedDevice, command: ActivationCommand, dueAt: number): void {
    const { premises } = this;
    const now = premises.clock.now();
    this.futureDatedOf(device).schedule(PENDING_KEY, premises.clock, dueAt, device.timeAt(now) - now, `CS06 ${command.originatorCounter} activates firmware on ${device.eui}`, () => {
      const outcome = this.activateNow(device, command);
      const at = premises.clock.now();
      this.raise(device, futureDatedActivationAlert(device, premises.keys, at, { originator: command.originator, originatorCounter: command.originatorCounter, dueAt }, outcome), at);
    });
  }

  /** Removes a pending future-dated activation; false when there was none. */
  cancel(device: EmulatedDevice): boolean {
    return this.futureDatedOf(device).cancel(PENDING_KEY);
  }

  /** When a future-dated activation is pending on the device (its clock), or null. */
  pendingAt(device: EmulatedDevice): number | null {
    return this.futureDatedOf(device).list().find((p) => p.key === PENDING_KEY)?.executesAt ?? null;
  }

  private futureDatedOf(device: EmulatedDevice): FutureDatedActions {
    return device instanceof Esme || device instanceof Gsme ? device.futureDated : this.hubFutureDated;
  }

  /** The device runs `image` now (see the file header). */
  private run(device: EmulatedDevice, image: FirmwareImage, originator: Eui64): void {
    const { premises } = this;
    const hub = device === premises.chf || device === premises.gpf;
    if (hub) premises.commsHub.setFirmwareVersion(image.versionOctets);
    else device.setFirmwareVersion(image.versionOctets);
    const profile = premises.firmwareProfileOf(device, image);
    premises.firmwareFaults.replaceProfile(hub ? 'all' : [device.eui], profile);
    for (const d of hub ? [premises.chf, premises.gpf] : [device]) {
      d.profile = { ...d.profile, ...profile?.timings?.[d.deviceType] };
    }
    const wake = premises.gsme.profile.wakeIntervalMs;
    if (device === premises.gsme && wake !== undefined && wake !== premises.gsme.wakeIntervalMs) premises.gsme.setWakeInterval(wake);
    const at = premises.clock.now();
    premises.clock.schedule(
      { after: RESTART_MS },
      () => {
        const now = premises.clock.now();
        this.raise(device, executingFirmwareChangedAlert(device, premises.keys, now, originator), now);
      },
      `${device.deviceType} ${device.eui} restarts on ${image.releaseId} (activated at ${at})`,
    );
  }

  private raise(device: EmulatedDevice, built: BuiltAlert, at: number): void {
    const { premises } = this;
    if (device instanceof Esme || device instanceof Gsme) premises.raiseMeterAlert(device, built, at);
    else premises.raiseChfAlert(built, at, `${built.info.useCase} 0x${built.info.alertCode?.toString(16).toUpperCase()} from ${device.eui}`);
  }
}
