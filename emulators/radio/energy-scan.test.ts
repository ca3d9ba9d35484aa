// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { energyScan, energyScanDurationMs, quietestChannel } from './energy-scan.ts';
import { SubGhzNoise } from './sub-ghz-noise.ts';

const P28C0 = { page: 28, channel: 0 } as const;

describe('energy scan', () => {
  it('reads every channel in order and finds the quietest (the first of equals); its duration grows with the channels', () => {
    const noise = new SubGhzNoise('seed-a');
    const channels = [P28C0, { page: 28, channel: 1 }, { page: 31, channel: 0 }] as const;
    noise.setInterference(P28C0, -40, 0);
    const readings = energyScan(noise, channels);
    expect(readings.map((r) => r.channel)).toEqual(channels);
    const quietest = quietestChannel(readings)!;
    expect(quietest.levelDbm).toBe(Math.min(...readings.map((r) => r.levelDbm)));
    expect(quietest.channel).not.toEqual(P28C0);
    expect(quietestChannel([{ channel: P28C0, levelDbm: -99 }, { channel: channels[1], levelDbm: -99 }])?.channel).toEqual(P28C0);
    expect(quietestChannel([])).toBeNull();
    expect(energyScanDurationMs(8)).toBe(4000);
  });
});
