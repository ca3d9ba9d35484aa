// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A meter told by the CHF to suspend its ZCL messages (SuspendZCLMessages, Sub-GHz cluster
 * 0x070B command 0x00, a period in minutes [V: DOMAIN.md; the Sub-GHz client suspends its ZCL
 * messages for the period it is given]): for that period it holds back its non-essential
 * messages and sends them, oldest first, when the period ends [P: what "suspend" does with a
 * message the device still has to send is not in the sources at hand; holding it is what the
 * programme's fault "loses queued messages after a suspension" implies]. A second
 * SuspendZCLMessages during a suspension extends it to the later end.
 *
 * Which messages are non-essential [P]: alerts, except the power alerts a user must not miss
 * (0x8F1D GSME power supply loss — a last gasp —, 0x8F35 / 0x8F36 supply restored); responses
 * to commands are essential (someone is waiting for them).
 *
 * Two firmware faults act here (firmware/profile-schema.ts, as HAN events of the meter):
 * `ignores-suspend-zcl` (the meter does not suspend at all) and `loses-held-after-suspension`
 * (what it held is dropped when the period ends). `faults` answers whether one acts.
 */
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { DeviceMessageInfo } from '../device-message.ts';

/** [P] Alerts a suspended meter still sends at once. */
export const ESSENTIAL_ALERT_CODES: ReadonlySet<number> = new Set([0x8f1d, 0x8f35, 0x8f36]);

/** Whether a message may be held back by a suspension. */
export function isNonEssential(info: Pick<DeviceMessageInfo, 'kind' | 'alertCode'>): boolean {
  return info.kind === 'alert' && !(info.alertCode !== undefined && ESSENTIAL_ALERT_CODES.has(info.alertCode));
}

/** Where the meter's firmware faults decide what a suspension does (true: the fault acts). */
export interface ZclSuspensionFaults {
  ignoresSuspend(): boolean;
  losesHeld(): boolean;
}

interface Held {
  readonly label: string;
  send(): void | Promise<void>;
}

export class ZclSuspension {
  private until: number | null = null;
  private readonly held: Held[] = [];
  private release: { cancel(): boolean } | null = null;

  constructor(
    private readonly clock: VirtualClock,
    private readonly meter: string,
    private readonly faults: ZclSuspensionFaults,
  ) {}

  /** When the suspension ends; null when the meter is not suspended. */
  get suspendedUntil(): number | null {
    return this.until !== null && this.until > this.clock.now() ? this.until : null;
  }

  /** Messages held now. */
  get heldCount(): number {
    return this.held.length;
  }

  /** SuspendZCLMessages reached the meter: false when its firmware ignores it. */
  suspend(periodMinutes: number): boolean {
    if (!Number.isInteger(periodMinutes) || periodMinutes < 1 || periodMinutes > 255) {
      throw new RangeError(`a SuspendZCLMessages period is 1..255 minutes, got ${periodMinutes}`);
    }
    if (this.faults.ignoresSuspend()) return false;
    const end = this.clock.now() + periodMinutes * 60_000;
    if (this.until !== null && this.until >= end) return true;
    this.until = end;
    this.release?.cancel();
    this.release = this.clock.schedule({ at: end }, () => this.resume(), `${this.meter} resumes its ZCL messages`);
    return true;
  }

  /**
   * A message the meter is about to send now: true when the suspension holds it back (`send`
   * runs when the period ends), false when it goes now.
   */
  hold(info: Pick<DeviceMessageInfo, 'kind' | 'alertCode' | 'useCase'>, send: () => void | Promise<void>): boolean {
    if (this.suspendedUntil === null || !isNonEssential(info)) return false;
    this.held.push({ label: info.useCase, send });
    return true;
  }

  private async resume(): Promise<void> {
    this.until = null;
    this.release = null;
    const held = this.held.splice(0);
    if (held.length === 0 || this.faults.losesHeld()) return;
    for (const message of held) await message.send();
  }
}
