// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random.ts';

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    const draw = (seed: string) => {
      const r = new SeededRandom(seed);
      return Array.from({ length: 8 }, () => r.uint32());
    };
    expect(draw('run-1')).toEqual(draw('run-1'));
    expect(draw('run-1')).not.toEqual(draw('run-2'));
  });

  it('forks independent streams that do not depend on the parent position', () => {
    const a = new SeededRandom('premises');
    const b = new SeededRandom('premises');
    b.uint32();
    b.uint32();
    expect(a.fork('esme').uint32()).toBe(b.fork('esme').uint32());
    expect(a.fork('esme').uint32()).not.toBe(a.fork('gsme').uint32());
  });

  it('stays in range and spreads values', () => {
    const r = new SeededRandom('range');
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) {
      const f = r.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = r.int(1, 6);
      counts[n - 1] = (counts[n - 1] ?? 0) + 1;
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(r.bytes(7)).toHaveLength(7);
    expect(['x', 'y']).toContain(r.pick(['x', 'y']));
    expect(() => r.int(3, 2)).toThrow(RangeError);
    expect(() => r.pick([])).toThrow(RangeError);
  });
});
