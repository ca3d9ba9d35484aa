// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { NOISE_FLOOR_DBM, SubGhzNoise, type InterferenceChange } from './sub-ghz-noise.ts';

const P28C0 = { page: 28, channel: 0 } as const;

describe('SubGhzNoise', () => {
  it('gives each GB channel a floor from the seed: the same seed the same levels, another seed others', () => {
    const a = new SubGhzNoise('seed-a');
    const channels = Array.from({ length: 27 }, (_, channel) => ({ page: 30 as const, channel: 35 + channel }));
    const levels = channels.map((c) => a.levelDbm(c));
    expect(levels).toEqual(channels.map((c) => new SubGhzNoise('seed-a').levelDbm(c)));
    expect(levels).not.toEqual(channels.map((c) => new SubGhzNoise('seed-b').levelDbm(c)));
    for (const level of levels) expect(level >= NOISE_FLOOR_DBM[0] && level <= NOISE_FLOOR_DBM[1], `${level} dBm`).toBe(true);
    expect(new Set(levels).size).toBeGreaterThan(3);
  });

  it('adds injected interference as power, tells its listeners, and clears it', () => {
    const noise = new SubGhzNoise('seed-a');
    const heard: InterferenceChange[] = [];
    noise.onInterference((c) => heard.push(c));
    const floor = noise.floorDbm(P28C0);
    noise.setInterference(P28C0, floor, 1000);
    expect(noise.levelDbm(P28C0), 'two equal powers: +3 dB').toBeCloseTo(floor + 3, 1);
    noise.setInterference(P28C0, -50, 2000);
    expect(noise.levelDbm(P28C0)).toBe(-50);
    noise.setInterference(P28C0, null, 3000);
    expect(noise.levelDbm(P28C0)).toBe(floor);
    expect(heard.map((h) => [h.levelDbm, h.at])).toEqual([
      [floor, 1000],
      [-50, 2000],
      [null, 3000],
    ]);
  });

  it('refuses a channel off the GB pages, a channel not of its page and an impossible level, saying why', () => {
    const noise = new SubGhzNoise('seed-a');
    expect(() => noise.levelDbm({ page: 27 as 28, channel: 0 })).toThrow(new RangeError('GB sub-GHz channel pages are 28–31, got 27'));
    expect(() => noise.setInterference({ page: 30, channel: 3 }, -60, 0)).toThrow(/channel 3 is not on page 30 \(its channels are 35–61\)/);
    expect(() => noise.setInterference(P28C0, 30, 0)).toThrow(/-120\.\.10 dBm, got 30/);
  });
});
