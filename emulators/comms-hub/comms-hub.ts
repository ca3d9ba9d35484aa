// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One comms hub box: the CHF and the GPF (each a GBCS party with its own EUI and keys), one
 * vendor firmware, one mains supply, and the HAN bands it runs (a dual-band hub: 2.4 GHz and
 * 868 MHz at once). It wires the sleepy GSME to the hub: at each GSME wake that reaches a
 * powered hub with the GSME joined, the GPF mirror takes the GSME's report and the CHF's
 * sleepy relay (sleepy-relay.ts) hands over the commands queued for it, oldest first. When the
 * GSME leaves the CHF Device Log, the GPF drops its mirror of it.
 * The CHF's sub-GHz channel management (sub-ghz-channel-manager.ts) hears each such wake: the
 * GSME reads EnergyScanPending / ChannelChangePending there.
 *
 * Firmware faults act at two HAN points of a wake (`faultPoints`, given by the premises): the
 * GPF may not take the report (stale-mirror) and the CHF may have lost the queue (lose-queued).
 */
import type { Eui64, PartyKeys } from '../../harness/protocol/gbcs/frame-types.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { HanBand } from '../device.ts';
import type { DeviceProfile } from '../firmware/device-profile.ts';
import type { Gsme } from '../meters/gsme.ts';
import { Listeners } from '../listeners.ts';
import { Chf, type HanChannels } from './chf.ts';
import { Gpf } from './gpf.ts';
import { SleepyRelay } from './sleepy-relay.ts';
import { SubGhzChannelManager } from './sub-ghz-channel-manager.ts';
import { SubGhzNoise } from '../radio/sub-ghz-noise.ts';

/** Where firmware faults decide what a GSME wake does (true: as it should). */
export interface WakeFaultPoints {
  /** The GPF takes this report into its mirror (false: a stale-mirror fault). */
  takesReport(gsme: Gsme): boolean;
  /** The CHF still holds the queue it flagged for the GSME (false: a lose-queued fault). */
  keepsQueue(gsme: Gsme): boolean;
}

export interface CommsHubOptions {
  readonly clock: VirtualClock;
  readonly chfEui: Eui64;
  readonly gpfEui: Eui64;
  readonly manufacturer: string;
  readonly model: string;
  /** Hub firmware version octet string, hex; the CHF and GPF report the same. */
  readonly firmwareVersion: string;
  readonly bands?: readonly HanBand[];
  readonly channels?: HanChannels;
  readonly profiles: { readonly chf: DeviceProfile; readonly gpf: DeviceProfile };
  readonly keys?: { readonly chf: PartyKeys | null; readonly gpf: PartyKeys | null };
  /** Firmware faults at a GSME wake. Default: none. */
  readonly faultPoints?: WakeFaultPoints;
  /** The sub-GHz radio environment the CHF scans. Default: a quiet one seeded by the CHF's EUI. */
  readonly subGhzNoise?: SubGhzNoise;
}

export const DUAL_BAND: readonly HanBand[] = ['2.4GHz', '868MHz'];

export class CommsHub {
  readonly chf: Chf;
  readonly gpf: Gpf;
  /** The CHF's store and forward for the GSME, with its delivery failures. */
  readonly sleepyRelay: SleepyRelay;
  /** The CHF's sub-GHz energy scans and channel changes (sub-ghz-channel-manager.ts). */
  readonly subGhz: SubGhzChannelManager;
  readonly manufacturer: string;
  readonly model: string;
  readonly bands: readonly HanBand[];
  private readonly clock: VirtualClock;
  private mains = true;
  private readonly faultPoints: WakeFaultPoints | undefined;
  private readonly powerListeners = new Listeners<(powered: boolean, at: number) => void>();

  constructor(options: CommsHubOptions) {
    const common = { manufacturer: options.manufacturer, model: options.model, firmwareVersion: options.firmwareVersion };
    this.clock = options.clock;
    this.manufacturer = options.manufacturer;
    this.model = options.model;
    this.bands = [...(options.bands ?? DUAL_BAND)];
    if (this.bands.length === 0) throw new RangeError('a comms hub runs at least one HAN band');
    this.chf = new Chf({
      identity: { ...common, eui: options.chfEui },
      profile: options.profiles.chf,
      clock: options.clock,
      keys: options.keys?.chf ?? null,
      ...(options.channels ? { channels: options.channels } : {}),
    });
    this.gpf = new Gpf({ identity: { ...common, eui: options.gpfEui }, profile: options.profiles.gpf, keys: options.keys?.gpf ?? null });
    this.sleepyRelay = new SleepyRelay({ chf: this.chf, gpf: this.gpf, clock: options.clock });
    this.faultPoints = options.faultPoints;
    this.subGhz = new SubGhzChannelManager({ chf: this.chf, gpf: this.gpf, clock: options.clock, noise: options.subGhzNoise ?? new SubGhzNoise(options.chfEui) });
  }

  get firmwareVersion(): string {
    return this.chf.firmwareVersion;
  }

  /** A hub firmware activation changes what the CHF and the GPF report. */
  setFirmwareVersion(hex: string): void {
    this.chf.setFirmwareVersion(hex);
    this.gpf.setFirmwareVersion(hex);
  }

  get powered(): boolean {
    return this.mains;
  }

  /** Mains supply of the hub (the Bench's supply-power): both functions stop without it. */
  setPowered(on: boolean): void {
    const was = this.mains;
    this.mains = on;
    this.chf.powered = on;
    this.gpf.powered = on;
    if (was && !on) this.subGhz.powerLost();
    if (was !== on) for (const l of this.powerListeners.snapshot()) l(on, this.clock.now());
  }

  /** Registers a listener for changes of the hub's mains supply; returns a function that removes it. */
  onPowerChange(listener: (powered: boolean, at: number) => void): () => void {
    return this.powerListeners.add(listener);
  }

  supports(band: HanBand): boolean {
    return this.bands.includes(band);
  }

  /** Connects a GSME's wakes to this hub (and its mirror to its Device Log entry); returns a function that disconnects it. */
  attachGsme(gsme: Gsme): () => void {
    const offWake = gsme.onWake((g) => this.serveWake(g));
    const offSubGhz = this.subGhz.attachSleepyDevice(gsme);
    const offLog = this.chf.onDeviceLogChanged((change) => {
      if (change.kind === 'removed' && change.entry.eui === gsme.eui) this.gpf.removeMirror();
    });
    return () => {
      offWake();
      offSubGhz();
      offLog();
    };
  }

  /** What the hub does when a GSME wakes and reaches it: the mirror takes its report, then it collects its commands. */
  private async serveWake(gsme: Gsme): Promise<void> {
    if (!this.mains || !this.chf.isJoined(gsme.eui)) return;
    if (this.faultPoints?.takesReport(gsme) ?? true) this.gpf.updateMirror(gsme.report(), this.clock.now());
    const flags = this.gpf.functionalNotificationFlags;
    this.subGhz.gsmeWoke(gsme, flags);
    const pending = flags !== null && this.chf.sleepyBuffer.pendingFor(gsme.eui).length > 0;
    await this.sleepyRelay.handOver(gsme, pending && !(this.faultPoints?.keepsQueue(gsme) ?? true));
  }
}
