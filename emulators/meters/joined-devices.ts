// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The other HAN devices a meter has joined through the join service (SRV 8.7.2 CS03B, Method B:
 * devices without certificates, such as an IHD) and unjoins again (SRV 8.8.2 CS04B), as data.
 * Capacity [P]: GBCS leaves it to the meter; 4 covers an IHD, a CAD and spares. A join beyond it
 * fails (alert 0x8F48); joining a device already joined succeeds and keeps one entry.
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';

export const DEFAULT_JOINED_DEVICES_CAPACITY = 4;

export interface JoinedDevice {
  readonly eui: Eui64;
  /** Other-device type code as CS03B carries it. */
  readonly deviceType: number;
  readonly joinedAt: number;
}

export type JoinAttempt = { readonly ok: true; readonly entry: JoinedDevice } | { readonly ok: false; readonly reason: 'full' };

export class JoinedDevices {
  private readonly byEui = new Map<Eui64, JoinedDevice>();

  constructor(readonly capacity = DEFAULT_JOINED_DEVICES_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a joined-device list needs a positive capacity, got ${capacity}`);
  }

  get size(): number {
    return this.byEui.size;
  }

  has(eui: Eui64): boolean {
    return this.byEui.has(eui);
  }

  entries(): JoinedDevice[] {
    return [...this.byEui.values()];
  }

  join(eui: Eui64, deviceType: number, at: number): JoinAttempt {
    const existing = this.byEui.get(eui);
    if (existing) return { ok: true, entry: existing };
    if (this.byEui.size >= this.capacity) return { ok: false, reason: 'full' };
    const entry = { eui, deviceType, joinedAt: at };
    this.byEui.set(eui, entry);
    return { ok: true, entry };
  }

  unjoin(eui: Eui64): JoinedDevice | undefined {
    const entry = this.byEui.get(eui);
    this.byEui.delete(eui);
    return entry;
  }
}
