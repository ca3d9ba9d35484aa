// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The other HAN devices a meter has joined through the join service and unjoins again, as data:
 * Method B (SRV 8.7.2 CS03B / 8.8.2 CS04B: devices without certificates, such as an IHD) and
 * Methods A and C (SRV 8.7.1 CS03A1 / CS03C, 8.8.1 CS04AC: Type 1 devices, a PPMID or an HCALCS,
 * whose key agreement public key the meter keeps — from the certificate a Method C join carries).
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
  /** Join method and role as the command carried it (CS03x). */
  readonly joinMethod?: number;
  /** The other device's key agreement public key (65-byte point), when the join carried its certificate. */
  readonly kaPublicKey?: Uint8Array;
}

/** What a join records besides the device and its type. */
export type JoinDetails = Pick<JoinedDevice, 'joinMethod' | 'kaPublicKey'>;

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

  get(eui: Eui64): JoinedDevice | undefined {
    return this.byEui.get(eui);
  }

  entries(): JoinedDevice[] {
    return [...this.byEui.values()];
  }

  join(eui: Eui64, deviceType: number, at: number, details: JoinDetails = {}): JoinAttempt {
    const existing = this.byEui.get(eui);
    if (existing) return { ok: true, entry: existing };
    if (this.byEui.size >= this.capacity) return { ok: false, reason: 'full' };
    const entry = { eui, deviceType, joinedAt: at, ...details };
    this.byEui.set(eui, entry);
    return { ok: true, entry };
  }

  unjoin(eui: Eui64): JoinedDevice | undefined {
    const entry = this.byEui.get(eui);
    this.byEui.delete(eui);
    return entry;
  }
}
