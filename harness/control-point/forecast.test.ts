// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { forecastCompletion, type ForecastInput } from './forecast.ts';

const base: ForecastInput = {
  at: '2020-02-01',
  remaining: 40,
  openDefects: 2,
  weekly: { start: '2020-01-06', executions: [10, 0, 20, 10], found: [1, 0, 1, 0], fixed: [0, 1, 0, 1] },
  scopedExecutions: 40,
  scopedDefectsFound: 2,
  seed: 'abc',
  trials: 300,
};

describe('forecastCompletion', () => {
  it('is deterministic for a seed, P50 on or before P90, with a fan and printed assumptions', () => {
    const a = forecastCompletion(base);
    expect(forecastCompletion(base)).toEqual(a);
    expect(a.p50).not.toBeNull();
    expect(a.p50! <= a.p90!).toBe(true);
    expect(a.fan[0]).toMatchObject({ week: 0, p50: 42 });
    expect(a.assumptions.join('\n')).toMatch(/throughput[\s\S]*find rate[\s\S]*fix rate/);
  });

  it('more work left forecasts a later completion; no throughput never completes', () => {
    const more = forecastCompletion({ ...base, remaining: 400 });
    expect(more.p50! > forecastCompletion(base).p50!).toBe(true);
    const stalled = forecastCompletion({ ...base, weekly: { ...base.weekly, executions: [0, 0] }, horizonWeeks: 10 });
    expect(stalled.p90).toBeNull();
    expect(stalled.unavailable).toMatch(/not complete within 10 weeks/);
  });
});
