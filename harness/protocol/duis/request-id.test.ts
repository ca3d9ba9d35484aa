// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { DuisError } from './duis-error.ts';
import { duisEuiToHex, toDuisEui, tryDuisEui } from './eui.ts';
import { formatRequestId, parseRequestId, RequestCounter, swapRequestId } from './request-id.ts';

const SUPPLIER = '90-B3-D5-1F-30-01-00-00';
const ESME = '00-DB-12-34-56-78-90-A0';

describe('EUI in DUIS form', () => {
  it('normalises dashed and plain hex to upper-case dashed form', () => {
    expect(toDuisEui('90-b3-d5-1f-30-01-00-00')).toBe(SUPPLIER);
    expect(toDuisEui('00DB1234567890A0')).toBe(ESME);
    expect(duisEuiToHex(ESME)).toBe('00DB1234567890A0');
    expect(tryDuisEui('00-DB-12')).toBeNull();
    expect(() => toDuisEui('nope')).toThrow(/not an EUI-64: "nope"/);
  });
});

describe('RequestID', () => {
  it('formats and parses originator:target:counter', () => {
    const id = { originator: SUPPLIER, target: ESME, counter: 1_700_000_000_000n };
    const text = formatRequestId(id);
    expect(text).toBe('90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1700000000000');
    expect(parseRequestId(text.toLowerCase())).toEqual(id);
    expect(swapRequestId(id)).toEqual({ originator: ESME, target: SUPPLIER, counter: id.counter });
  });

  it.each([
    ['90-B3-D5-1F-30-01-00-00:1000', /three parts/],
    ['90B3D51F30010000:00-DB-12-34-56-78-90-A0:1', /originator EUI/],
    ['90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90:1', /target EUI/],
    ['90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:12a', /decimal counter/],
    ['90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:0', /counter in 1/],
    [`90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:${2n ** 64n}`, /counter in 1/],
  ])('refuses %s with a DuisError saying what was expected', (text, expected) => {
    const e = (() => {
      try {
        parseRequestId(text, 'Request/Header/RequestID');
      } catch (x) {
        return x;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(DuisError);
    expect((e as DuisError).reason).toBe('bad-request-id');
    expect((e as DuisError).element).toBe('Request/Header/RequestID');
    expect((e as DuisError).message).toMatch(expected);
  });
});

describe('RequestCounter', () => {
  it('uses the clock while it moves and last+1 when it does not', () => {
    let now = 1_700_000_000_000;
    const c = new RequestCounter(() => now);
    expect(c.next()).toBe(1_700_000_000_000n);
    expect(c.next()).toBe(1_700_000_000_001n); // same millisecond
    expect(c.next()).toBe(1_700_000_000_002n);
    now += 10;
    expect(c.next()).toBe(1_700_000_000_010n);
    now -= 1_000; // clock set back
    expect(c.next()).toBe(1_700_000_000_011n);
    expect(c.last).toBe(1_700_000_000_011n);
  });

  it('is strictly increasing over any clock sequence (fake clock)', () => {
    const ticks = [5n, 5n, 3n, 9n, 9n, 9n, 10n, 1n, 100n];
    let i = 0;
    const c = new RequestCounter(() => ticks[i++]!);
    const issued = ticks.map(() => c.next());
    for (let k = 1; k < issued.length; k++) expect(issued[k]! > issued[k - 1]!).toBe(true);
    expect(issued).toEqual([5n, 6n, 7n, 9n, 10n, 11n, 12n, 13n, 100n]);
  });

  it('builds fresh RequestIDs and refuses a clock that is not epoch milliseconds', () => {
    const c = new RequestCounter(() => 42n);
    expect(c.nextId('90B3D51F30010000', ESME)).toEqual({ originator: SUPPLIER, target: ESME, counter: 42n });
    expect(() => new RequestCounter(() => 1.5).next()).toThrow(/integer epoch milliseconds/);
    expect(() => new RequestCounter(() => 0).next()).toThrow(/> 0/);
  });
});
