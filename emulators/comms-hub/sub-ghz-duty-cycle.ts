// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The CHF's duty-cycle management on 868 MHz: what the hub does as the duty cycles the HAN
 * medium meters (radio/han-medium.ts — each sub-GHz device's and the hub's own) step, as GBCS
 * gives it (DOMAIN.md "The two HAN bands"):
 *
 * | step                  | the CHF                                                             | alert  |
 * | --------------------- | ------------------------------------------------------------------- | ------ |
 * | Normal → Limited      | unicasts SuspendZCLMessages to the device (for its own meter: to the device most of the traffic is about [P]) | 0x8F20 naming it |
 * | Limited → Critical    | broadcasts SuspendZCLMessages on 868 MHz                            | 0x8F22 |
 * | Critical → Suspended  | — (the medium lets the suspended transmitter send nothing)          | 0x8F24 |
 * | back down a level     | —                                                                   | 0x8F25 / 0x8F23 / 0x8F21 |
 *
 * [V: the Sub-GHz server monitors its clients' and its own duty cycles; at Limited it tells the
 * offending client to suspend its ZCL messages, at Critical it broadcasts the command to all —
 * Silicon Labs' Sub-GHz server documentation, matching DOMAIN.md.] The period SuspendZCLMessages
 * carries is `suspendPeriodMinutes` [P: 60 minutes; no public figure]. A sleepy device (the GSME)
 * takes a SuspendZCLMessages at its next wake [P: it only listens then]; a mains-powered one at
 * once. Each reaches the device through the medium, so it costs the hub airtime; one the hub
 * cannot send (Suspended) is not sent.
 *
 * Also: a message the hub discards because its own duty cycle is Suspended raises 0x8F2C
 * naming it (`discarded`); a device joining on 868 MHz while the hub's duty cycle is Critical or
 * Suspended raises 0x8F2D "no more sub-GHz device capacity" naming it [P: when GBCS raises
 * 0x8F2D is not in the sources at hand; the join itself goes ahead].
 *
 * The alerts are built by use-cases/duty-cycle-alerts.ts and raised through `raiseAlert` (the
 * premises sends them as it sends every CHF alert).
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import type { DiscardedMessage } from '../../harness/protocol/gbcs/payload/use-cases/dbch10-message-discarded.ts';
import type { KeyDirectory } from '../key-directory.ts';
import type { DutyCycleStepEvent, HanMedium } from '../radio/han-medium.ts';
import { SUSPEND_ZCL_MESSAGES_BYTES } from '../radio/han-frame-sizes.ts';
import type { BuiltAlert } from '../use-cases/power-alerts.ts';
import { dutyCycleStepAlert, messageDiscardedAlert, noSubGhzCapacityAlert } from '../use-cases/duty-cycle-alerts.ts';
import type { Chf } from './chf.ts';

/** [P] The period a SuspendZCLMessages asks for, minutes: longer than a GSME wake interval, so a suspension a sleepy meter takes at its next wake outlasts that wake. */
export const DEFAULT_SUSPEND_PERIOD_MINUTES = 60;

export interface SubGhzDutyCycleOptions {
  readonly chf: Chf;
  readonly keys: KeyDirectory;
  readonly medium: HanMedium;
  /** The CHF raises one of its alerts, built at `at`. */
  readonly raiseAlert: (built: BuiltAlert, at: number) => void;
  /** SuspendZCLMessages reached a device: it acts on it (meters/zcl-suspension.ts). */
  readonly suspendZcl: (device: Eui64, periodMinutes: number) => void;
  /** Whether a device only listens at its wakes (the GSME). */
  readonly isSleepy: (device: Eui64) => boolean;
  /** The devices on 868 MHz. */
  readonly subGhzDevices: () => readonly Eui64[];
  readonly suspendPeriodMinutes?: number;
}

export class SubGhzDutyCycle {
  readonly suspendPeriodMinutes: number;
  /** SuspendZCLMessages waiting for a sleepy device's next wake, by device. */
  private readonly forNextWake = new Set<Eui64>();
  private readonly stop: () => void;

  constructor(private readonly options: SubGhzDutyCycleOptions) {
    this.suspendPeriodMinutes = options.suspendPeriodMinutes ?? DEFAULT_SUSPEND_PERIOD_MINUTES;
    if (!Number.isInteger(this.suspendPeriodMinutes) || this.suspendPeriodMinutes < 1 || this.suspendPeriodMinutes > 255) {
      throw new RangeError(`a SuspendZCLMessages period is 1..255 whole minutes, got ${this.suspendPeriodMinutes}`);
    }
    this.stop = options.medium.onStep((event) => this.stepped(event));
  }

  /** The hub discarded a message it could not send while Suspended: 0x8F2C. */
  discarded(message: DiscardedMessage, at: number): void {
    const { chf, keys, raiseAlert } = this.options;
    raiseAlert(messageDiscardedAlert(chf, keys, at, message), at);
  }

  /** A device joined the HAN: 0x8F2D when it is on 868 MHz and the hub has no duty-cycle room left for it. */
  deviceJoined(device: Eui64, at: number): void {
    const { chf, keys, medium, raiseAlert } = this.options;
    if (medium.bandOf(device) !== '868MHz') return;
    const state = medium.stateOf(chf.eui);
    if (state === 'critical' || state === 'suspended') raiseAlert(noSubGhzCapacityAlert(chf, keys, at, device), at);
  }

  /** A sleepy device woke and heard the hub: the SuspendZCLMessages kept for it go now. */
  deviceWoke(device: Eui64): void {
    if (this.forNextWake.delete(device)) this.send(device);
  }

  /** Stops following the medium's steps. */
  dispose(): void {
    this.stop();
  }

  private stepped({ transmitter, isHub, step }: DutyCycleStepEvent): void {
    const { chf, keys, medium, raiseAlert } = this.options;
    let named: Eui64 = transmitter;
    if (step.from === 'normal' && step.to === 'limited') {
      const device = isHub ? medium.busiestDevice() : transmitter;
      // [P] with no sub-GHz traffic to blame, 0x8F20 names the CHF itself and nothing is sent
      named = device ?? chf.eui;
      if (device) this.suspend(device);
    } else if (step.from === 'limited' && step.to === 'critical') {
      this.broadcastSuspend();
    }
    raiseAlert(dutyCycleStepAlert(chf, keys, step, named), step.at);
  }

  private suspend(device: Eui64): void {
    if (this.options.isSleepy(device)) this.forNextWake.add(device);
    else this.send(device);
  }

  /** One SuspendZCLMessages to every device on 868 MHz: sleepy ones at their next wake, the others now. */
  private broadcastSuspend(): void {
    const { medium, isSleepy, subGhzDevices, suspendZcl } = this.options;
    for (const device of subGhzDevices()) if (isSleepy(device)) this.forNextWake.add(device);
    const listening = subGhzDevices().filter((d) => !isSleepy(d));
    if (listening.length === 0) return;
    for (const device of medium.broadcast(SUSPEND_ZCL_MESSAGES_BYTES)) if (listening.includes(device)) suspendZcl(device, this.suspendPeriodMinutes);
  }

  private send(device: Eui64): void {
    const { chf, medium, suspendZcl } = this.options;
    const delivery = medium.carry({ from: chf.eui, to: device, bytes: SUSPEND_ZCL_MESSAGES_BYTES, label: 'SuspendZCLMessages' });
    if (delivery.delivered) suspendZcl(device, this.suspendPeriodMinutes);
  }
}
