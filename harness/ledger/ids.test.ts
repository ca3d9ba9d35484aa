// SPDX-License-Identifier: GPL-3.0-or-later
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdGenerator, idTime, isId, MAX_ID_TIME, newId, seededRandom, type RandomSource } from './ids.ts';

const zeros: RandomSource = (n) => new Uint8Array(n);
const ones: RandomSource = (n) => new Uint8Array(n).fill(0xff);

function steppingClock(...times: number[]): () => number {
  let i = 0;
  return () => times[Math.min(i++, times.length - 1)] ?? 0;
}

describe('createIdGenerator', () => {
  it('encodes the time in the first 10 characters (the ULID reference vector)', () => {
    const next = createIdGenerator({ clock: () => 1469918176385, random: zeros });
    const id = next();
    expect(id).toBe('01ARYZ6S410000000000000000');
    expect(id).toHaveLength(26);
    expect(idTime(id)).toBe(1469918176385);
  });

  it('encodes 80 bits of entropy in the last 16 characters', () => {
    const next = createIdGenerator({ clock: () => 0, random: ones });
    expect(next()).toBe('0000000000ZZZZZZZZZZZZZZZZ');
  });

  it('counts the entropy up within one millisecond, so ids stay strictly increasing', () => {
    const next = createIdGenerator({ clock: () => 1000, random: zeros });
    expect([next(), next(), next()]).toEqual([
      '00000000Z80000000000000000',
      '00000000Z80000000000000001',
      '00000000Z80000000000000002',
    ]);
  });

  it('keeps the last time when the clock goes backwards', () => {
    const next = createIdGenerator({ clock: steppingClock(5000, 4000), random: zeros });
    const a = next();
    const b = next();
    expect(b > a).toBe(true);
    expect(idTime(b)).toBe(5000);
  });

  it('draws fresh entropy when the millisecond changes', () => {
    const next = createIdGenerator({ clock: steppingClock(1, 2), random: seededRandom('s') });
    const a = next();
    const b = next();
    expect(a.slice(10)).not.toBe(b.slice(10));
    expect(idTime(b)).toBe(2);
  });

  it('is reproducible: the same clock and seed give the same ids', () => {
    const make = (seed: string) => {
      const next = createIdGenerator({ clock: steppingClock(10, 10, 11, 20, 20), random: seededRandom(seed) });
      return [next(), next(), next(), next(), next()];
    };
    expect(make('run-42')).toEqual(make('run-42'));
    expect(make('run-42')).not.toEqual(make('run-43'));
  });

  it('refuses to wrap the entropy around within a millisecond', () => {
    const next = createIdGenerator({ clock: () => 7, random: ones });
    next();
    expect(() => next()).toThrow(/entropy exhausted within millisecond 7/);
  });

  it('refuses a clock outside 48 bits or not an integer', () => {
    for (const bad of [-1, 1.5, MAX_ID_TIME + 1, Number.NaN]) {
      const next = createIdGenerator({ clock: () => bad, random: zeros });
      expect(() => next()).toThrow(/expected an integer of epoch milliseconds/);
    }
    expect(createIdGenerator({ clock: () => MAX_ID_TIME, random: ones })()).toBe('7ZZZZZZZZZZZZZZZZZZZZZZZZZ');
  });

  it('refuses a random source that returns too few bytes', () => {
    const next = createIdGenerator({ clock: () => 1, random: () => new Uint8Array(3) });
    expect(() => next()).toThrow(/Uint8Array of 10 bytes/);
  });

  it('gives strictly increasing ids for any clock sequence (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 60 }), fc.string(), (times, seed) => {
        const next = createIdGenerator({ clock: steppingClock(...times), random: seededRandom(seed) });
        const ids = times.map(() => next());
        for (let i = 1; i < ids.length; i++) expect((ids[i] ?? '') > (ids[i - 1] ?? '')).toBe(true);
        expect(ids.every(isId)).toBe(true);
        expect(idTime(ids.at(-1) ?? '')).toBe(Math.max(...times));
      }),
      { seed: 20250301, numRuns: 200 },
    );
  });
});

describe('isId / idTime', () => {
  it('accepts canonical ids only', () => {
    expect(isId('01ARYZ6S41TSV4RRFFQ69G5FAV')).toBe(true);
    expect(isId('01aryz6s41tsv4rrffq69g5fav')).toBe(false);
    expect(isId('81ARYZ6S41TSV4RRFFQ69G5FAV')).toBe(false); // time beyond 48 bits
    expect(isId('01ARYZ6S41TSV4RRFFQ69G5FAI')).toBe(false); // I is not Crockford
    expect(isId('01ARYZ6S41')).toBe(false);
    expect(() => idTime('nope')).toThrow(/"nope" is not a ledger id/);
  });
});

describe('seededRandom', () => {
  it('gives the same stream however it is split into calls', () => {
    const whole = seededRandom('x')(70);
    const parts = seededRandom('x');
    const split = new Uint8Array([...parts(3), ...parts(40), ...parts(27)]);
    expect(split).toEqual(whole);
    expect(seededRandom('y')(70)).not.toEqual(whole);
  });
});

describe('newId', () => {
  it('makes one id for the given time', () => {
    const id = newId(1469918176385, seededRandom('n'));
    expect(isId(id)).toBe(true);
    expect(idTime(id)).toBe(1469918176385);
    expect(newId(1469918176385, seededRandom('n'))).toBe(id);
  });
});
