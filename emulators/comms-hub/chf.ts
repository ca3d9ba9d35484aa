// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Comms Hub Function: HAN coordinator and trust centre. It keeps the Device Log and the
 * Historic Device Log, lets a whitelisted device join, holds the sleepy buffer for the GSME
 * and knows the HAN channels it runs (one 2.4 GHz channel and one sub-GHz channel at once), with
 * its sub-GHz configuration and channel log (sub-ghz-config.ts, sub-ghz-channel-log.ts).
 *
 * Join flow (DOMAIN.md "Joining and commissioning"), in virtual time:
 * 1. `addDevice` (CCS01): an entry, whitelisted, with a join window of `joinTimeoutMs`.
 * 2. `join(eui, { installCode })`: accepted while the window is open and the code matches;
 *    the entry becomes joined. A device still in the Historic Device Log may instead rejoin
 *    with its old link key (`{ historicLinkKey: true }`) during the first half of the window.
 * 3. `removeDevice` (CCS02): the entry moves to the Historic Device Log.
 * 4. `restoreDeviceLog` (CCS03): entries the DCC holds (device and key material) are written
 *    back. [P] A device not in the Device Log is added as joined (it keeps the link key the
 *    restore carries, so it talks at once, with no join window) and leaves the Historic Device
 *    Log; a device already in the Device Log is left as it is (its live entry is the newer);
 *    when the new entries do not all fit, nothing is written. One change for the whole restore,
 *    and none when nothing was added.
 * Listeners hear each change (the source of CS14 0x8F12 "device log changed" alerts).
 * Assumption [P]: an entry whose window closed without a join stays whitelisted (it can be
 * re-added with a new window); re-adding an entry keeps its joined state.
 */
import type { Eui64, PartyKeys } from '../../harness/protocol/gbcs/frame-types.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import { normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import { EmulatedDevice, type DeviceIdentity, type DeviceType } from '../device.ts';
import type { DeviceProfile } from '../firmware/device-profile.ts';
import { Listeners } from '../listeners.ts';
import type { Gsme } from '../meters/gsme.ts';
import { check24GhzChannel, subGhzChannelMask, type SubGhzChannel } from '../radio/sub-ghz-channel.ts';
import { DeviceLog, HistoricDeviceLog, type DeviceLogEntry, type HistoricDeviceLogEntry } from './device-log.ts';
import { deviceKeyHash } from './device-key-hash.ts';
import { SleepyBuffer } from './sleepy-buffer.ts';
import { SubGhzChannelLog } from './sub-ghz-channel-log.ts';
import { ChfSubGhzConfiguration } from './sub-ghz-config.ts';

const INSTALL_CODE = /^[0-9A-F]{32}$/;

export interface AddDeviceRequest {
  readonly eui: Eui64;
  readonly deviceType: DeviceType | null;
  /** 16-byte install code as 32 hex digits. */
  readonly installCode: string;
  readonly joinTimeoutMs: number;
}

export type AddDeviceOutcome =
  | { readonly ok: true; readonly entry: DeviceLogEntry }
  | { readonly ok: false; readonly reason: 'device-log-full' };

export type JoinCredential = { readonly installCode: string } | { readonly historicLinkKey: true };

export type JoinOutcome =
  | { readonly ok: true; readonly entry: DeviceLogEntry }
  | {
      readonly ok: false;
      readonly reason: 'not-whitelisted' | 'join-window-closed' | 'install-code-mismatch' | 'not-in-historic-log';
    };

export type DeviceLogChange =
  | { readonly kind: 'added'; readonly at: number; readonly entry: DeviceLogEntry }
  | { readonly kind: 'joined'; readonly at: number; readonly entry: DeviceLogEntry }
  | { readonly kind: 'restored'; readonly at: number; readonly entries: readonly DeviceLogEntry[] }
  | {
      readonly kind: 'removed';
      readonly at: number;
      readonly entry: HistoricDeviceLogEntry;
      readonly overwritten: HistoricDeviceLogEntry | undefined;
    };

/** A device log entry as CCS03 restores it: the device and its 16-byte key material (32 hex digits). */
export interface RestoredDevice {
  readonly eui: Eui64;
  readonly deviceType: DeviceType | null;
  readonly keyHash: string;
}

export type RestoreOutcome =
  | { readonly ok: true; readonly added: readonly DeviceLogEntry[]; readonly kept: readonly Eui64[] }
  | { readonly ok: false; readonly reason: 'device-log-full' };

export type DeviceLogListener = (change: DeviceLogChange) => void;

export interface HanChannels {
  /** 2.4 GHz channel 11..26. */
  readonly channel24GHz: number;
  readonly subGhz: SubGhzChannel;
}

export const DEFAULT_HAN_CHANNELS: HanChannels = { channel24GHz: 11, subGhz: { page: 28, channel: 0 } };

export interface ChfOptions {
  readonly identity: Omit<DeviceIdentity, 'deviceType' | 'band'>;
  readonly profile: DeviceProfile;
  readonly clock: VirtualClock;
  readonly keys?: PartyKeys | null;
  readonly channels?: HanChannels;
  readonly deviceLogCapacity?: number;
  readonly sleepyQueueLimit?: number;
}

export class Chf extends EmulatedDevice {
  readonly deviceLog: DeviceLog;
  readonly historicLog = new HistoricDeviceLog();
  readonly sleepyBuffer: SleepyBuffer<Gsme>;
  /** The CHF Sub GHz Configuration (SRV 6.28 sets it, 6.30 reads it). */
  readonly subGhzConfiguration = new ChfSubGhzConfiguration();
  /** The CHF Sub GHz Channel Log (SRV 6.32 reads it). */
  readonly subGhzChannelLog = new SubGhzChannelLog();
  private readonly clock: VirtualClock;
  private readonly listeners = new Listeners<DeviceLogListener>();
  private han: HanChannels;
  private logChangedAt: number;

  constructor(options: ChfOptions) {
    super({ ...options.identity, deviceType: 'CHF', band: null }, options.profile, options.keys ?? null);
    this.clock = options.clock;
    this.deviceLog = new DeviceLog(options.deviceLogCapacity);
    this.sleepyBuffer = new SleepyBuffer(options.sleepyQueueLimit);
    this.han = Chf.checkChannels(options.channels ?? DEFAULT_HAN_CHANNELS);
    this.logChangedAt = options.clock.now();
  }

  /** Virtual time of the Device Log's last change (its creation before any). */
  get deviceLogChangedAt(): number {
    return this.logChangedAt;
  }

  get channels(): HanChannels {
    return this.han;
  }

  /** The operating sub-GHz channel as GBCS carries it (DBCH01: 32-bit page/channel mask). */
  get subGhzChannelMask(): number {
    return subGhzChannelMask(this.han.subGhz);
  }

  setChannels(channels: HanChannels): void {
    this.han = Chf.checkChannels(channels);
  }

  /** Registers a device-log listener; returns a function that removes it. */
  onDeviceLogChanged(listener: DeviceLogListener): () => void {
    return this.listeners.add(listener);
  }

  /** CCS01: whitelists a device with an install code and opens its join window. */
  addDevice(request: AddDeviceRequest): AddDeviceOutcome {
    const eui = normalizeEui(request.eui);
    const installCode = request.installCode.toUpperCase();
    if (!INSTALL_CODE.test(installCode)) throw new RangeError(`an install code is 16 bytes (32 hex digits), got "${request.installCode}"`);
    if (!(Number.isFinite(request.joinTimeoutMs) && request.joinTimeoutMs >= 0)) {
      throw new RangeError(`a join timeout must be a non-negative number of ms, got ${request.joinTimeoutMs}`);
    }
    const existing = this.deviceLog.get(eui);
    if (!existing && this.deviceLog.full) return { ok: false, reason: 'device-log-full' };
    const now = this.clock.now();
    const entry: DeviceLogEntry = {
      eui,
      deviceType: request.deviceType,
      installCode,
      keyHash: deviceKeyHash(installCode),
      addedAt: now,
      joinWindowExpiresAt: now + request.joinTimeoutMs,
      state: existing?.state ?? 'whitelisted',
      joinedAt: existing?.joinedAt ?? null,
    };
    this.deviceLog.put(entry);
    this.emit({ kind: 'added', at: now, entry });
    return { ok: true, entry };
  }

  /** A device's attempt to join the HAN. */
  join(eui: Eui64, credential: JoinCredential): JoinOutcome {
    const entry = this.deviceLog.get(eui);
    if (!entry) return { ok: false, reason: 'not-whitelisted' };
    if (entry.state === 'joined') return { ok: true, entry };
    const now = this.clock.now();
    if ('historicLinkKey' in credential) {
      if (!this.historicLog.get(eui)) return { ok: false, reason: 'not-in-historic-log' };
      const halfWindow = (entry.joinWindowExpiresAt - entry.addedAt) / 2;
      if (now > entry.addedAt + halfWindow) return { ok: false, reason: 'join-window-closed' };
    } else {
      if (now > entry.joinWindowExpiresAt) return { ok: false, reason: 'join-window-closed' };
      if (entry.installCode === null || credential.installCode.toUpperCase() !== entry.installCode) return { ok: false, reason: 'install-code-mismatch' };
    }
    const joined: DeviceLogEntry = { ...entry, state: 'joined', joinedAt: now };
    this.deviceLog.put(joined);
    this.historicLog.remove(eui);
    this.emit({ kind: 'joined', at: now, entry: joined });
    return { ok: true, entry: joined };
  }

  isJoined(eui: Eui64): boolean {
    return this.deviceLog.get(eui)?.state === 'joined';
  }

  /**
   * A joined device is off the HAN and did not rejoin (a firmware fault: fails-to-rejoin): its
   * entry stays in the Device Log, whitelisted but no longer joined, so nothing reaches it until
   * it joins again (CCS01 opens a new window). Not a Device Log change: no CS14 [P].
   */
  deviceLeft(eui: Eui64): void {
    const entry = this.deviceLog.get(eui);
    if (entry?.state === 'joined') this.deviceLog.put({ ...entry, state: 'whitelisted' });
  }

  /** CCS02: moves a device from the Device Log to the Historic Device Log. */
  removeDevice(eui: Eui64): HistoricDeviceLogEntry | undefined {
    const entry = this.deviceLog.remove(eui);
    if (!entry) return undefined;
    const now = this.clock.now();
    const historic: HistoricDeviceLogEntry = { eui, deviceType: entry.deviceType, installCode: entry.installCode, removedAt: now };
    const overwritten = this.historicLog.add(historic);
    this.sleepyBuffer.take(eui);
    this.emit({ kind: 'removed', at: now, entry: historic, overwritten });
    return historic;
  }

  /** CCS03: writes restored entries into the Device Log (see the header for what is kept). */
  restoreDeviceLog(devices: readonly RestoredDevice[]): RestoreOutcome {
    const now = this.clock.now();
    const kept: Eui64[] = [];
    const fresh: DeviceLogEntry[] = [];
    for (const d of devices) {
      const eui = normalizeEui(d.eui);
      const keyHash = d.keyHash.toUpperCase();
      if (!INSTALL_CODE.test(keyHash)) throw new RangeError(`restored key material is 16 bytes (32 hex digits), got "${d.keyHash}"`);
      if (this.deviceLog.get(eui) || fresh.some((e) => e.eui === eui)) {
        kept.push(eui);
        continue;
      }
      fresh.push({ eui, deviceType: d.deviceType, installCode: null, keyHash, addedAt: now, joinWindowExpiresAt: now, state: 'joined', joinedAt: now });
    }
    if (this.deviceLog.size + fresh.length > this.deviceLog.capacity) return { ok: false, reason: 'device-log-full' };
    for (const entry of fresh) {
      this.deviceLog.put(entry);
      this.historicLog.remove(entry.eui);
    }
    if (fresh.length > 0) this.emit({ kind: 'restored', at: now, entries: fresh });
    return { ok: true, added: fresh, kept };
  }

  private emit(change: DeviceLogChange): void {
    this.logChangedAt = change.at;
    for (const listener of this.listeners.snapshot()) listener(change);
  }

  private static checkChannels(channels: HanChannels): HanChannels {
    check24GhzChannel(channels.channel24GHz);
    subGhzChannelMask(channels.subGhz); // validates page/channel
    return channels;
  }
}
