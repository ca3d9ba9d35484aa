// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { Bench } from './bench.ts';
import { createLabBenchDriver } from './lab-bench-driver.ts';

describe('the lab bench', () => {
  it('passes time by waiting for it, on the lab clock', async () => {
    let t = 1_000;
    const waited: number[] = [];
    const bench = new Bench(createLabBenchDriver({ now: () => t, sleep: async (ms) => void (waited.push(ms), (t += ms)) }));
    await bench.advance(30_000);
    expect(waited).toEqual([30_000]);
    expect(bench.now()).toBe(31_000);
  });

  it('lacks what needs lab equipment: a test needing it gets the reason to skip', () => {
    const bench = new Bench(createLabBenchDriver({ now: () => 0, sleep: async () => undefined }));
    expect(bench.lacking('clock')).toBeNull();
    expect(bench.lacking('clock', 'supply-power', 'radio-loss')).toBe('the lab bench lacks supply-power, radio-loss');
  });
});
