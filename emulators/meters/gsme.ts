// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The emulated gas meter: ZCL attributes (gsme-clusters.ts), battery powered and sleepy. It
 * wakes every `wakeIntervalMs` of virtual time (a background event on the clock); at a wake
 * with a live HAN link it hands itself to its wake listeners, which (the comms hub) mirror its
 * attributes into the GPF and deliver the commands queued for it. With a dead battery it does
 * not wake; with the link down it wakes, finds no hub and counts a missed wake.
 * Gas flows at a (seeded) rate while the meter runs, accumulated exactly in litre-milliseconds.
 * Its Time attribute reads the meter's own clock (device-clock.ts: the virtual clock plus any
 * drift its firmware has).
 */
import type { PartyKeys } from '../../harness/protocol/gbcs/frame-types.ts';
import type { ScheduledEvent, VirtualClock } from '../clock/virtual-clock.ts';
import type { SeededRandom } from '../clock/seeded-random.ts';
import { EmulatedDevice, type DeviceIdentity } from '../device.ts';
import type { DeviceProfile } from '../firmware/device-profile.ts';
import { Listeners } from '../listeners.ts';
import { DeviceClock } from './device-clock.ts';
import { JoinedDevices } from './joined-devices.ts';
import { FutureDatedActions } from './future-dated-actions.ts';
import { GsmeTariff } from './gsme-tariff.ts';
import { hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { dateToZclUtc } from '../../harness/protocol/gbcs/payload/zcl/zcl-utc-time.ts';
import { batteryHalfPercent, gsmeAttributeDefinitions } from './gsme-clusters.ts';
import {
  METERING_ATTRIBUTE,
  METERING_STATUS_BIT,
  POWER_CONFIGURATION_ATTRIBUTE,
  TIME_ATTRIBUTE,
  ZCL_CLUSTER,
  ZclAttributeTable,
  type ReadAttributeRecord,
  type ZclAttribute,
} from './zcl-clusters.ts';

const MS_PER_HOUR = 3_600_000;
const SUMMATION_MODULUS = 2 ** 48;
/** Below this battery level the Metering Status LowBattery bit is set [P]. */
export const LOW_BATTERY_PERCENT = 10;

/**
 * What the GSME notices about its own power, the moment it happens [P]:
 * - 'power-supply-loss': the battery is removed or exhausted (level set to 0). The meter reports
 *   it at once as a last gasp, on the energy it still holds (GBCS 0x8F1D; SMETS2 GSMEs keep
 *   enough to send one message — assumption, no public timing).
 * - 'low-battery': the level falls below LOW_BATTERY_PERCENT from at or above it (GBCS 0x8F1F),
 *   once per crossing; it re-arms when the level is back at or above the threshold.
 * - 'battery-restored': a battery back in a meter that had none (level from 0 to above 0): the
 *   meter starts again and rejoins the HAN; no alert [P].
 * A sleepy GSME transmits whenever it has something to say and only listens at its wakes, so
 * the alerts are raised immediately, not at the next wake [P].
 */
export type GsmePowerEvent = { readonly kind: 'power-supply-loss' | 'low-battery' | 'battery-restored'; readonly at: number; readonly batteryPercent: number };
export type GsmePowerListener = (event: GsmePowerEvent) => void;

export interface GsmeConsumption {
  /** Mean gas flow in summation units per hour (divisor 1000: litres per hour), integer. */
  readonly litresPerHour: number;
  readonly initialLitres: number;
}

export function seededGsmeConsumption(random: SeededRandom): GsmeConsumption {
  return { litresPerHour: random.int(20, 250), initialLitres: random.int(100_000, 9_000_000) };
}

export type GsmeWakeListener = (gsme: Gsme) => void | Promise<void>;

export interface GsmeOptions {
  readonly identity: Omit<DeviceIdentity, 'deviceType'>;
  /** Its `wakeIntervalMs` sets the wake period (default 30 min in the default profile). */
  readonly profile: DeviceProfile;
  readonly clock: VirtualClock;
  readonly consumption: GsmeConsumption;
  readonly batteryPercent?: number;
  readonly keys?: PartyKeys | null;
}

export class Gsme extends EmulatedDevice {
  readonly attributes: ZclAttributeTable;
  /** Other HAN devices joined through the join service (CS03B / CS04B, CS03C / CS04AC). */
  readonly joinedDevices = new JoinedDevices();
  /** Future-dated actions pending on the meter's clock (tariff elements of a GCS01a, use-cases/gcs01a.ts). */
  readonly futureDated = new FutureDatedActions();
  /** The import tariff published to it (GCS01a); its price elements are also Price cluster attributes. */
  readonly tariff = new GsmeTariff();
  /** The meter's own clock: what its Time attribute and the time stamps it writes read. */
  readonly deviceClock: DeviceClock;
  private readonly clock: VirtualClock;
  private readonly listeners = new Listeners<GsmeWakeListener>();
  private readonly powerListeners = new Listeners<GsmePowerListener>();
  private rates: GsmeConsumption;
  private interval: number;
  private battery: number;
  private accruedAt: number;
  private litreMs = 0;
  private nextWake: ScheduledEvent | null = null;
  private wakes = 0;
  private missed = 0;
  private lastWake: number | null = null;

  constructor(options: GsmeOptions) {
    super({ ...options.identity, deviceType: 'GSME' }, options.profile, options.keys ?? null);
    const { litresPerHour, initialLitres } = options.consumption;
    for (const [name, v] of Object.entries({ litresPerHour, initialLitres })) {
      if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`GSME ${name} must be a non-negative integer, got ${v}`);
    }
    this.clock = options.clock;
    this.deviceClock = new DeviceClock(options.clock.now());
    this.rates = options.consumption;
    this.interval = Gsme.checkInterval(options.profile.wakeIntervalMs);
    this.battery = Gsme.checkBattery(options.batteryPercent ?? 100);
    this.powered = this.battery > 0;
    this.accruedAt = options.clock.now();
    this.attributes = new ZclAttributeTable(
      gsmeAttributeDefinitions({
        manufacturer: this.manufacturer,
        model: this.model,
        firmwareVersion: this.firmwareVersion,
        summation: initialLitres % SUMMATION_MODULUS,
        batteryPercent: this.battery,
        nowMs: options.clock.now(),
      }),
    );
    this.updateStatus();
  }

  override timeAt(virtualMs: number): number {
    return this.deviceClock.timeAt(virtualMs);
  }

  get wakeIntervalMs(): number {
    return this.interval;
  }

  get batteryPercent(): number {
    return this.battery;
  }

  get consumption(): GsmeConsumption {
    return this.rates;
  }

  /** Wakes that happened with battery (reached the hub or not). */
  get wakeCount(): number {
    return this.wakes;
  }

  /** Wakes at which the HAN link was down. */
  get missedWakes(): number {
    return this.missed;
  }

  get lastWakeAt(): number | null {
    return this.lastWake;
  }

  /** When the next wake is due, or null when the wake cycle is stopped. */
  get nextWakeAt(): number | null {
    return this.nextWake?.pending ? this.nextWake.at : null;
  }

  /** Starts the wake cycle; the first wake comes after `firstWakeAfterMs` (default: one interval). */
  start(firstWakeAfterMs = this.interval): void {
    this.stop();
    this.scheduleWake(firstWakeAfterMs);
  }

  stop(): void {
    this.nextWake?.cancel();
    this.nextWake = null;
  }

  /** Changes the wake period; a running cycle continues from the last wake (or from now). */
  setWakeInterval(ms: number): void {
    this.interval = Gsme.checkInterval(ms);
    if (this.nextWake?.pending) {
      const from = this.lastWake ?? this.clock.now();
      this.stop();
      this.scheduleWake(Math.max(0, from + this.interval - this.clock.now()));
    }
  }

  /** Registers a wake listener; returns a function that removes it. */
  onWake(listener: GsmeWakeListener): () => void {
    return this.listeners.add(listener);
  }

  /** Sets the battery level (the Bench's battery capability); 0 stops the meter. */
  setBatteryPercent(percent: number): void {
    this.sync();
    const before = this.battery;
    this.battery = Gsme.checkBattery(percent);
    this.powered = this.battery > 0;
    this.attributes.set(ZCL_CLUSTER.powerConfiguration, POWER_CONFIGURATION_ATTRIBUTE.batteryPercentageRemaining, batteryHalfPercent(percent));
    this.updateStatus();
    const at = this.clock.now();
    let kind: GsmePowerEvent['kind'] | null = null;
    if (before > 0 && this.battery === 0) kind = 'power-supply-loss';
    else if (before >= LOW_BATTERY_PERCENT && this.battery > 0 && this.battery < LOW_BATTERY_PERCENT) kind = 'low-battery';
    else if (before === 0 && this.battery > 0) kind = 'battery-restored';
    if (kind) for (const l of this.powerListeners.snapshot()) l({ kind, at, batteryPercent: this.battery });
  }

  /** Registers a listener for power supply loss and low battery (see GsmePowerEvent); returns a function that removes it. */
  onPowerEvent(listener: GsmePowerListener): () => void {
    return this.powerListeners.add(listener);
  }

  setConsumption(litresPerHour: number): void {
    if (!Number.isSafeInteger(litresPerHour) || litresPerHour < 0) throw new RangeError(`litresPerHour must be a non-negative integer, got ${litresPerHour}`);
    this.sync();
    this.rates = { ...this.rates, litresPerHour };
  }

  override setFirmwareVersion(hex: string): void {
    super.setFirmwareVersion(hex);
    this.attributes.set(ZCL_CLUSTER.metering, METERING_ATTRIBUTE.currentMeterId, hexToBytes(this.firmwareVersion));
  }

  /** Current summation delivered (litres with divisor 1000). */
  get summation(): number {
    this.sync();
    return this.attributes.numberValue(ZCL_CLUSTER.metering, METERING_ATTRIBUTE.currentSummationDelivered);
  }

  /** ZCL Read Attributes on the meter itself (commands delivered at a wake). */
  readAttributes(clusterId: number, attributeIds: readonly number[]): ReadAttributeRecord[] {
    this.sync();
    return this.attributes.read(clusterId, attributeIds);
  }

  /** Every attribute as it is now, for the GPF mirror. */
  report(): ZclAttribute[] {
    this.sync();
    return this.attributes.snapshot();
  }

  /** Brings summation and time up to the virtual clock. */
  sync(): void {
    const now = this.clock.now();
    const elapsed = now - this.accruedAt;
    if (elapsed > 0 && this.powered) {
      this.litreMs += this.rates.litresPerHour * elapsed;
      const whole = Math.floor(this.litreMs / MS_PER_HOUR);
      this.litreMs %= MS_PER_HOUR;
      if (whole > 0) {
        const at = [ZCL_CLUSTER.metering, METERING_ATTRIBUTE.currentSummationDelivered] as const;
        this.attributes.set(...at, (this.attributes.numberValue(...at) + whole) % SUMMATION_MODULUS);
      }
    }
    this.accruedAt = Math.max(this.accruedAt, now);
    if (this.powered) this.attributes.set(ZCL_CLUSTER.time, TIME_ATTRIBUTE.time, dateToZclUtc(new Date(this.timeAt(now))));
  }

  private scheduleWake(afterMs: number): void {
    this.nextWake = this.clock.schedule({ after: afterMs }, () => this.wake(), `GSME ${this.eui} wake`, { background: true });
  }

  private async wake(): Promise<void> {
    this.scheduleWake(this.interval);
    if (!this.powered) return;
    this.sync();
    this.wakes += 1;
    this.lastWake = this.clock.now();
    if (!this.linkUp) {
      this.missed += 1;
      return;
    }
    for (const listener of this.listeners.snapshot()) await listener(this);
  }

  private updateStatus(): void {
    const at = [ZCL_CLUSTER.metering, METERING_ATTRIBUTE.status] as const;
    const status = this.attributes.numberValue(...at);
    const low = this.battery < LOW_BATTERY_PERCENT;
    this.attributes.set(...at, low ? status | METERING_STATUS_BIT.lowBattery : status & ~METERING_STATUS_BIT.lowBattery);
  }

  private static checkInterval(ms: number | undefined): number {
    if (ms === undefined || !Number.isFinite(ms) || ms <= 0) {
      throw new RangeError(`a GSME needs a positive wake interval in ms, got ${String(ms)}`);
    }
    return ms;
  }

  private static checkBattery(percent: number): number {
    if (!(percent >= 0 && percent <= 100)) throw new RangeError(`battery level must be 0..100 %, got ${percent}`);
    return percent;
  }
}
