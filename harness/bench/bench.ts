// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Bench: how a suite acts on the physical world of a premises. Suites never touch an
 * emulator; they ask the Bench, whose driver is emulated (virtual time, emulated devices),
 * a lab (a PDU, an operator prompt) or absent. A capability a driver lacks is reported, so the
 * suite can skip the test with that reason instead of failing it.
 */
import type { Eui64 } from '../protocol/gbcs/frame-types.ts';

/** What a Bench driver can do. */
export type BenchCapability =
  | 'supply-power' // switch a mains-powered device's supply (ESME, comms hub)
  | 'battery' // set a battery-powered device's battery level (GSME)
  | 'radio-loss' // cut and restore a device's HAN link
  | 'clock' // move time (virtual when emulated)
  | 'consumption' // drive metered consumption
  | 'interference' // put a signal on a sub-GHz channel (a signal generator)
  | 'duty-cycle-pressure' // make the comms hub transmit filler to a device (a traffic generator on the hub)
  | 'local-delivery'; // hand a GBCS command to a device over the HAN and take its response back (a hand-held terminal)

/** What a device gave back for a command handed to it locally (`local-delivery`). */
export interface LocalDeliveryOutcome {
  /** The device's GBCS response frame, or null when none came within the terminal's wait. */
  readonly response: Uint8Array | null;
  /** For people: what happened (answered after how long, refused and why when the bench can tell); null when it cannot say. */
  readonly note: string | null;
}

/** A sub-GHz channel as the Bench names it: a GB channel page (28–31) and a channel of that page. */
export interface SubGhzChannelRef {
  readonly page: number;
  readonly channel: number;
}

export interface BenchDriver {
  readonly name: string;
  readonly capabilities: ReadonlySet<BenchCapability>;
  /** Current time of the world the devices live in, epoch milliseconds. */
  now(): number;
  /** Lets `ms` of world time pass, running everything due in it (virtual: instant in wall time). */
  advance(ms: number): Promise<void>;
  /**
   * Virtual worlds only: ms until the world's next scheduled event (null: none), so a wait can
   * move from event to event instead of in fixed steps. A real lab has no such thing.
   */
  nextDueIn?(): number | null;
  setSupply(device: Eui64, on: boolean): Promise<void>;
  setBatteryPercent(device: Eui64, percent: number): Promise<void>;
  setRadioLink(device: Eui64, up: boolean): Promise<void>;
  /** Interference on a sub-GHz channel at `levelDbm`, or none (null). */
  setInterference(channel: SubGhzChannelRef, levelDbm: number | null): Promise<void>;
  /** duty-cycle-pressure: the comms hub transmits `bytes` of filler to `device`, on the device's band. */
  transmitFiller?(device: Eui64, bytes: number): Promise<void>;
  /** local-delivery: hands `command` to `device` over the HAN and waits (world time) for its response. */
  deliverLocally?(device: Eui64, command: Uint8Array): Promise<LocalDeliveryOutcome>;
}

/** Raised when a suite asks for a capability the target lacks; suites turn it into a skip. */
export class BenchCapabilityMissing extends Error {
  constructor(
    readonly capability: BenchCapability,
    readonly driver: string,
  ) {
    super(`the ${driver} bench cannot ${capability}: this test needs it`);
    this.name = 'BenchCapabilityMissing';
  }
}

/** The Bench a suite uses: a driver plus capability checks with a reason for skipping. */
export class Bench {
  constructor(private readonly driver: BenchDriver) {}

  get name(): string {
    return this.driver.name;
  }

  has(capability: BenchCapability): boolean {
    return this.driver.capabilities.has(capability);
  }

  /** The reason a test needing these capabilities must be skipped on this bench, or null. */
  lacking(...needed: BenchCapability[]): string | null {
    const missing = needed.filter((c) => !this.has(c));
    return missing.length === 0 ? null : `the ${this.driver.name} bench lacks ${missing.join(', ')}`;
  }

  now(): number {
    return this.driver.now();
  }

  async advance(ms: number): Promise<void> {
    this.require('clock');
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance needs a non-negative duration, got ${ms}`);
    await this.driver.advance(ms);
  }

  async powerOff(device: Eui64): Promise<void> {
    this.require('supply-power');
    await this.driver.setSupply(device, false);
  }

  async powerOn(device: Eui64): Promise<void> {
    this.require('supply-power');
    await this.driver.setSupply(device, true);
  }

  async setBattery(device: Eui64, percent: number): Promise<void> {
    this.require('battery');
    if (!(percent >= 0 && percent <= 100)) throw new RangeError(`battery level must be 0..100 %, got ${percent}`);
    await this.driver.setBatteryPercent(device, percent);
  }

  async radioLoss(device: Eui64): Promise<void> {
    this.require('radio-loss');
    await this.driver.setRadioLink(device, false);
  }

  async radioRestore(device: Eui64): Promise<void> {
    this.require('radio-loss');
    await this.driver.setRadioLink(device, true);
  }

  /** Cuts a device's HAN link for `ms` of world time, then restores it (the device is unreachable meanwhile). */
  async radioLossFor(device: Eui64, ms: number): Promise<void> {
    await this.radioLoss(device);
    await this.advance(ms);
    await this.radioRestore(device);
  }

  /**
   * Duty-cycle pressure: the comms hub transmits `bytes` of filler to `device` on the device's
   * band, as a traffic generator on the hub would — airtime that counts against the hub's duty
   * cycle on 868 MHz (nothing on 2.4 GHz). A hub whose duty cycle is Suspended sends none.
   */
  async transmitFiller(device: Eui64, bytes: number): Promise<void> {
    this.require('duty-cycle-pressure');
    if (!Number.isSafeInteger(bytes) || bytes < 1) throw new RangeError(`filler is a whole number of bytes ≥ 1, got ${bytes}`);
    if (!this.driver.transmitFiller) throw new BenchCapabilityMissing('duty-cycle-pressure', this.driver.name);
    await this.driver.transmitFiller(device, bytes);
  }

  /**
   * Local delivery: hands a GBCS command the DCC returned for local delivery (DUIS command
   * variants 2, 3, 6, 7) to `device` over the HAN, as a hand-held terminal at the premises would,
   * and returns the device's response frame — for the user to return to the DCC (SRV 8.13). World
   * time passes while the terminal waits; null when no response came within its wait.
   */
  async deliverLocally(device: Eui64, command: Uint8Array): Promise<LocalDeliveryOutcome> {
    this.require('local-delivery');
    if (command.length === 0) throw new RangeError('local delivery needs a GBCS command frame, got no bytes');
    if (!this.driver.deliverLocally) throw new BenchCapabilityMissing('local-delivery', this.driver.name);
    return this.driver.deliverLocally(device, command);
  }

  /** Puts a signal of `levelDbm` on a sub-GHz channel until cleared (a channel off the GB pages is refused by the target). */
  async interfere(channel: SubGhzChannelRef, levelDbm: number): Promise<void> {
    this.require('interference');
    if (!Number.isFinite(levelDbm)) throw new RangeError(`an interference level is a number of dBm, got ${levelDbm}`);
    await this.driver.setInterference(channel, levelDbm);
  }

  async clearInterference(channel: SubGhzChannelRef): Promise<void> {
    this.require('interference');
    await this.driver.setInterference(channel, null);
  }

  private require(capability: BenchCapability): void {
    if (!this.has(capability)) throw new BenchCapabilityMissing(capability, this.driver.name);
  }
}
