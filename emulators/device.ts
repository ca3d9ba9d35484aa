// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What every emulated GBCS party on a premises has in common: its EUI-64, type, manufacturer,
 * model, firmware version, HAN band and the bands its model can use, keys, behaviour profile,
 * whether it is powered and linked, the last originator counter it accepted from each remote
 * party (GBCS replay protection: a command whose counter is not above the last accepted one from
 * that originator is refused), and its own originator counter for the alerts it raises (epoch
 * ms of the virtual clock, kept strictly increasing, as DOMAIN.md describes counters). A device
 * on a band its model cannot use is refused (radio/band-capability.ts).
 */
import { normalizeEui } from '../harness/protocol/gbcs/eui.ts';
import type { Eui64, PartyKeys } from '../harness/protocol/gbcs/frame-types.ts';
import type { DeviceProfile } from './firmware/device-profile.ts';
import { bandCapability, bandRefusal } from './radio/band-capability.ts';

/** GBCS party types emulated so far (IHD, PPMID, HCALCS, CAD can join this list). */
export type DeviceType = 'ESME' | 'GSME' | 'CHF' | 'GPF';

/** The HAN band a device sits on; null for the functions inside the comms hub. */
export type HanBand = '2.4GHz' | '868MHz';

const HEX_PATTERN = /^([0-9A-F]{2})+$/;

export interface DeviceIdentity {
  readonly eui: Eui64;
  readonly deviceType: DeviceType;
  readonly manufacturer: string;
  readonly model: string;
  /** The firmware version octet string as upper-case hex (RTDS: "0123ABCD"). */
  readonly firmwareVersion: string;
  readonly band: HanBand | null;
  /**
   * The bands the device's model can work on (radio/band-capability.ts): 2.4 GHz only, 868 MHz
   * only or both. Default: its own band alone (none for the functions inside the comms hub).
   */
  readonly bands?: readonly HanBand[];
}

export class EmulatedDevice {
  readonly eui: Eui64;
  readonly deviceType: DeviceType;
  readonly manufacturer: string;
  readonly model: string;
  readonly band: HanBand | null;
  /** The bands its model can work on (its band capability). */
  readonly bands: readonly HanBand[];
  /** Its timings; an activated firmware image brings its release's (premises.ts, firmware-activation.ts). */
  profile: DeviceProfile;
  /** Key pairs of this party; null until provisioned (see premises.ts). */
  keys: PartyKeys | null;
  /** Mains or battery present and the device running. */
  powered = true;
  /** HAN link to the comms hub up (always true for the CHF and GPF themselves). */
  linkUp = true;
  private firmware: string;
  private readonly counters = new Map<Eui64, bigint>();
  private ownCounter = 0n;

  constructor(identity: DeviceIdentity, profile: DeviceProfile, keys: PartyKeys | null = null) {
    this.eui = normalizeEui(identity.eui);
    if (keys && normalizeEui(keys.eui) !== this.eui) throw new RangeError(`keys of ${keys.eui} given to device ${this.eui}`);
    this.deviceType = identity.deviceType;
    this.manufacturer = identity.manufacturer;
    this.model = identity.model;
    this.band = identity.band;
    this.bands = identity.bands ? bandCapability(identity.bands) : identity.band ? [identity.band] : [];
    const refusal = identity.band ? bandRefusal(this.bands, identity.band) : null;
    if (refusal) throw new RangeError(`the ${identity.deviceType} ${this.eui} cannot be put on ${identity.band}: its model ${identity.model} is ${refusal}`);
    this.profile = profile;
    this.keys = keys;
    this.firmware = EmulatedDevice.checkFirmware(identity.firmwareVersion, identity.eui);
  }

  get firmwareVersion(): string {
    return this.firmware;
  }

  /** Replaces the running firmware version (an activated firmware image). */
  setFirmwareVersion(hex: string): void {
    this.firmware = EmulatedDevice.checkFirmware(hex, this.eui);
  }

  get identity(): DeviceIdentity {
    const { eui, deviceType, manufacturer, model, band, bands } = this;
    return { eui, deviceType, manufacturer, model, firmwareVersion: this.firmware, band, bands };
  }

  /**
   * What this device's clock reads at virtual time `virtualMs`. The comms hub's functions keep
   * the HAN's time, the virtual clock; a meter keeps its own clock (meters/device-clock.ts).
   */
  timeAt(virtualMs: number): number {
    return virtualMs;
  }

  /** Whether the device can take part in HAN traffic now. */
  get reachable(): boolean {
    return this.powered && this.linkUp;
  }

  /** The last counter accepted from `originator`, or null when none was. */
  lastAcceptedCounter(originator: Eui64): bigint | null {
    return this.counters.get(originator) ?? null;
  }

  /** Records `counter` from `originator` if it is above the last accepted one; false otherwise. */
  acceptCounter(originator: Eui64, counter: bigint): boolean {
    const last = this.counters.get(originator);
    if (last !== undefined && counter <= last) return false;
    this.counters.set(originator, counter);
    return true;
  }

  /** The originator counter for a message this device originates now: above every one before. */
  nextOriginatorCounter(nowMs: number): bigint {
    const candidate = BigInt(Math.floor(nowMs));
    this.ownCounter = candidate > this.ownCounter ? candidate : this.ownCounter + 1n;
    return this.ownCounter;
  }

  private static checkFirmware(hex: string, eui: string): string {
    const upper = hex.toUpperCase();
    if (!HEX_PATTERN.test(upper)) throw new RangeError(`firmware version of ${eui} must be hex octets, got "${hex}"`);
    return upper;
  }
}
