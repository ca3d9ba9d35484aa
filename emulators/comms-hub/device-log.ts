// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The CHF's Device Log (the HAN whitelist) and Historic Device Log, as data.
 * - Device Log: one entry per device the CHF lets join: EUI, type, install code, when its join
 *   window closes, and whether it is only whitelisted or has joined. Capacity is a parameter [P].
 * - Each Device Log entry carries the key material the CHF reports for it (device-key-hash.ts).
 * - Historic Device Log: devices removed from the Device Log (CCS02), at most 15, the oldest
 *   overwritten when a 16th arrives [V: DOMAIN.md]. A device re-entering keeps one entry.
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import type { DeviceType } from '../device.ts';

export type DeviceLogState = 'whitelisted' | 'joined';

export interface DeviceLogEntry {
  readonly eui: Eui64;
  /** null: a device type the emulators do not model (CCS01 carries it as a code). */
  readonly deviceType: DeviceType | null;
  /** 16-byte install code as 32 upper-case hex digits; null for an entry restored by CCS03 (no install code). */
  readonly installCode: string | null;
  /** 16-byte key material as 32 upper-case hex digits (device-key-hash.ts). */
  readonly keyHash: string;
  readonly addedAt: number;
  /** Virtual time after which joining with the install code is refused. */
  readonly joinWindowExpiresAt: number;
  readonly state: DeviceLogState;
  readonly joinedAt: number | null;
}

export interface HistoricDeviceLogEntry {
  readonly eui: Eui64;
  readonly deviceType: DeviceType | null;
  readonly installCode: string | null;
  readonly removedAt: number;
}

export const HISTORIC_DEVICE_LOG_CAPACITY = 15;
/** Device Log size [P]: GBCS leaves it to the hub; 16 covers a dual-fuel premises with room. */
export const DEFAULT_DEVICE_LOG_CAPACITY = 16;

export class DeviceLog {
  private readonly byEui = new Map<Eui64, DeviceLogEntry>();

  constructor(readonly capacity = DEFAULT_DEVICE_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a device log needs a positive capacity, got ${capacity}`);
  }

  get size(): number {
    return this.byEui.size;
  }

  get full(): boolean {
    return this.byEui.size >= this.capacity;
  }

  get(eui: Eui64): DeviceLogEntry | undefined {
    return this.byEui.get(eui);
  }

  /** Entries in the order they were first added. */
  entries(): DeviceLogEntry[] {
    return [...this.byEui.values()];
  }

  /** Adds or replaces an entry; throws when a new entry would exceed the capacity. */
  put(entry: DeviceLogEntry): void {
    if (!this.byEui.has(entry.eui) && this.full) throw new RangeError(`the device log is full (${this.capacity} entries)`);
    this.byEui.set(entry.eui, entry);
  }

  remove(eui: Eui64): DeviceLogEntry | undefined {
    const entry = this.byEui.get(eui);
    this.byEui.delete(eui);
    return entry;
  }
}

export class HistoricDeviceLog {
  private readonly list: HistoricDeviceLogEntry[] = [];

  constructor(readonly capacity = HISTORIC_DEVICE_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a historic device log needs a positive capacity, got ${capacity}`);
  }

  get size(): number {
    return this.list.length;
  }

  get(eui: Eui64): HistoricDeviceLogEntry | undefined {
    return this.list.find((e) => e.eui === eui);
  }

  /** Oldest first. */
  entries(): HistoricDeviceLogEntry[] {
    return [...this.list];
  }

  /** Records a removed device; returns the entry overwritten to make room, if any. */
  add(entry: HistoricDeviceLogEntry): HistoricDeviceLogEntry | undefined {
    this.remove(entry.eui);
    this.list.push(entry);
    return this.list.length > this.capacity ? this.list.shift() : undefined;
  }

  remove(eui: Eui64): HistoricDeviceLogEntry | undefined {
    const i = this.list.findIndex((e) => e.eui === eui);
    return i >= 0 ? this.list.splice(i, 1)[0] : undefined;
  }
}
