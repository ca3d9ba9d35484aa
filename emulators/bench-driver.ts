// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Bench's emulated driver: the physical world of one emulated premises. Supply power
 * switches the mains of the ESME or the comms hub (CHF or GPF EUI), battery sets the GSME's
 * level, radio loss cuts a meter's HAN link, interference puts a signal on a sub-GHz channel (the
 * premises' radio environment, radio/sub-ghz-noise.ts: a channel off the GB pages is refused
 * with the reason), duty-cycle pressure makes the hub transmit filler to a meter (han-traffic.ts),
 * local delivery hands a device a command as a hand-held terminal would (Premises.deliverLocally)
 * and waits on the virtual clock for its response, and the clock is the virtual clock (advancing
 * is instant in wall time). Metered consumption is not offered yet.
 */
import type { BenchCapability, BenchDriver, LocalDeliveryOutcome, SubGhzChannelRef } from '../harness/bench/bench.ts';
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import type { EmulatedDevice } from './device.ts';
import type { Premises } from './premises.ts';

const CAPABILITIES: ReadonlySet<BenchCapability> = new Set<BenchCapability>(['supply-power', 'battery', 'radio-loss', 'clock', 'interference', 'duty-cycle-pressure', 'local-delivery']);

/** [P] How long the emulated hand-held terminal waits for the device's response (world time). */
export const LOCAL_DELIVERY_WAIT_MS = 60_000;

export class EmulatedBenchDriver implements BenchDriver {
  readonly name = 'emulated';
  readonly capabilities = CAPABILITIES;

  constructor(private readonly premises: Premises) {}

  now(): number {
    return this.premises.clock.now();
  }

  nextDueIn(): number | null {
    return this.premises.clock.nextDueIn();
  }

  async advance(ms: number): Promise<void> {
    await this.premises.clock.advance(ms);
  }

  async setSupply(device: Eui64, on: boolean): Promise<void> {
    const d = this.find(device);
    if (d === this.premises.esme) this.premises.esme.setPowered(on);
    else if (d === this.premises.chf || d === this.premises.gpf) this.premises.commsHub.setPowered(on);
    else throw new RangeError(`${device} is a ${d.deviceType}, battery powered: use the battery capability, not supply power`);
  }

  async setBatteryPercent(device: Eui64, percent: number): Promise<void> {
    const d = this.find(device);
    if (d !== this.premises.gsme) throw new RangeError(`${device} is a ${d.deviceType}, which has no battery to set`);
    this.premises.gsme.setBatteryPercent(percent);
  }

  async setRadioLink(device: Eui64, up: boolean): Promise<void> {
    const d = this.find(device);
    if (d !== this.premises.esme && d !== this.premises.gsme) {
      throw new RangeError(`${device} is the ${d.deviceType} inside the comms hub: cut a meter's HAN link instead`);
    }
    d.linkUp = up;
  }

  async transmitFiller(device: Eui64, bytes: number): Promise<void> {
    this.find(device);
    this.premises.han.filler(device.toUpperCase(), bytes);
  }

  async deliverLocally(device: Eui64, command: Uint8Array): Promise<LocalDeliveryOutcome> {
    const d = this.find(device);
    const got: { frame: Uint8Array | null } = { frame: null };
    const receipt = await this.premises.deliverLocally(d, command, (frame) => void (got.frame ??= frame));
    if (!receipt.accepted) return { response: null, note: `the ${d.deviceType} ${d.eui} took no action on the command (${receipt.reason}: ${receipt.detail})` };
    const waited = await this.premises.clock.waitFor(() => got.frame !== null, { within: LOCAL_DELIVERY_WAIT_MS });
    return waited.met
      ? { response: got.frame, note: `the ${d.deviceType} ${d.eui} answered after ${waited.waited} ms` }
      : { response: null, note: `the ${d.deviceType} ${d.eui} took the command but gave no response within ${LOCAL_DELIVERY_WAIT_MS / 1000} s` };
  }

  async setInterference(channel: SubGhzChannelRef, levelDbm: number | null): Promise<void> {
    const { page } = channel;
    if (page !== 28 && page !== 29 && page !== 30 && page !== 31) throw new RangeError(`GB sub-GHz channel pages are 28–31, got ${page}`);
    this.premises.subGhzNoise.setInterference({ page, channel: channel.channel }, levelDbm, this.premises.clock.now());
  }

  private find(eui: Eui64): EmulatedDevice {
    const d = this.premises.device(eui);
    if (!d) {
      const known = this.premises.devices().map((x) => `${x.deviceType} ${x.eui}`).join(', ');
      throw new RangeError(`no device ${eui} on this premises (it has ${known})`);
    }
    return d;
  }
}

/** The Bench driver of an emulated premises. */
export function createEmulatedBenchDriver(premises: Premises): BenchDriver {
  return new EmulatedBenchDriver(premises);
}
