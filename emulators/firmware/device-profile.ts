// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How one device behaves in time: the timings a DIT test measures against its windows. The
 * defaults below are project assumptions [P], not published figures; a firmware behaviour
 * profile (profile-schema.ts, fixtures/profiles) replaces some of them per model and release,
 * and declares that firmware's faults as data. A profile never names a test.
 */
import type { DeviceType } from '../device.ts';

export interface DeviceProfile {
  /** Virtual ms from a command reaching the device to its response leaving the comms hub. */
  readonly responseLatencyMs: number;
  /** Virtual ms from a device-log change to the alert about it leaving the comms hub. */
  readonly alertLatencyMs: number;
  /** Virtual ms a whitelisted device takes to find the HAN and join once it is added. */
  readonly joinDelayMs: number;
  /** Sleepy devices only: period between wakes. */
  readonly wakeIntervalMs?: number;
  /**
   * The CHF only: how long a command waits in the sleepy buffer for the GSME to collect it before
   * the CHF discards it (the vendor SDK's "send timeout"; comms-hub/sleepy-relay.ts).
   */
  readonly sleepySendTimeoutMs?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_PROFILES: Readonly<Record<DeviceType, DeviceProfile>> = {
  // [P] a day: long enough for a GSME that misses a few wakes, short enough to be seen in a DIT run
  CHF: { responseLatencyMs: 500, alertLatencyMs: 1_000, joinDelayMs: 0, sleepySendTimeoutMs: 24 * HOUR },
  GPF: { responseLatencyMs: 800, alertLatencyMs: 1_000, joinDelayMs: 0 },
  ESME: { responseLatencyMs: 2_000, alertLatencyMs: 2_000, joinDelayMs: 20_000 },
  GSME: { responseLatencyMs: 3_000, alertLatencyMs: 3_000, joinDelayMs: 45_000, wakeIntervalMs: 30 * MINUTE },
};

/** The default profile of a device type with some timings replaced; every timing must be ≥ 0. */
export function deviceProfile(type: DeviceType, overrides: Partial<DeviceProfile> = {}): DeviceProfile {
  const profile = { ...DEFAULT_PROFILES[type], ...overrides };
  for (const [name, value] of Object.entries(profile)) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`profile timing ${name} of a ${type} must be a non-negative number of ms, got ${String(value)}`);
    }
  }
  if (profile.wakeIntervalMs !== undefined && profile.wakeIntervalMs <= 0) {
    throw new RangeError(`wakeIntervalMs of a ${type} must be positive, got ${profile.wakeIntervalMs}`);
  }
  return profile;
}
