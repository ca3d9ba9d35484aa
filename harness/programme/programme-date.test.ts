// SPDX-License-Identifier: GPL-3.0-or-later
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cycle } from './cycle.ts';
import { FirmwareReleaseSchema, type FirmwareRelease } from './firmware-release.ts';
import { loadProgramme } from './load-programme.ts';
import {
  compareProgrammeDates,
  cyclesActiveAt,
  deliveredBy,
  isProgrammeDate,
  parseProgrammeDate,
  programmeDateProblem,
  ProgrammeDateSchema,
  programmeToday,
  releaseInScope,
  releasesInScope,
  releaseScopeAt,
  releaseStatusAt,
} from './programme-date.ts';
import { ProgrammeError } from './programme-error.ts';

const d = (text: string) => parseProgrammeDate(text);

function release(fields: Record<string, unknown>): FirmwareRelease {
  return FirmwareReleaseSchema.parse({ id: 'R', target: { commsHubVendor: 'V' }, version: '1', ...fields });
}

describe('programme dates', () => {
  it('accepts real calendar days written YYYY-MM-DD', () => {
    for (const text of ['2019-04-12', '2019-02-28', '2020-02-29', '2000-02-29', '2019-12-31', '2019-01-01']) {
      expect(programmeDateProblem(text), text).toBeUndefined();
      expect(isProgrammeDate(text)).toBe(true);
    }
  });

  it('refuses days that do not exist, saying why', () => {
    expect(programmeDateProblem('2019-02-30')).toBe('2019-02-30 does not exist: February 2019 has 28 days');
    expect(programmeDateProblem('2019-02-29')).toBe('2019-02-29 does not exist: February 2019 has 28 days');
    expect(programmeDateProblem('1900-02-29')).toBe('1900-02-29 does not exist: February 1900 has 28 days');
    expect(programmeDateProblem('2019-04-31')).toBe('2019-04-31 does not exist: April 2019 has 30 days');
    expect(programmeDateProblem('2019-04-00')).toMatch(/does not exist/);
    expect(programmeDateProblem('2019-13-01')).toBe('2019-13-01 does not exist: there is no month 13');
    expect(programmeDateProblem('2019-00-10')).toMatch(/no month 00/);
  });

  it('refuses other shapes and expects YYYY-MM-DD', () => {
    for (const text of ['12/04/2019', '2019-4-12', '2019-04-12T00:00:00Z', ' 2019-04-12', '', 'today']) {
      expect(programmeDateProblem(text), text).toMatch(/expected YYYY-MM-DD/);
    }
    expect(isProgrammeDate(20190412)).toBe(false);
  });

  it('agrees with the proleptic Gregorian calendar on every day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const utc = new Date(Date.UTC(year, month - 1, day));
        const exists = utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
        expect(isProgrammeDate(text)).toBe(exists);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses a user-given date or throws a ProgrammeError naming where it came from', () => {
    expect(parseProgrammeDate('2019-04-12')).toBe('2019-04-12');
    expect(() => parseProgrammeDate('2019-02-30', '--at')).toThrow(ProgrammeError);
    expect(() => parseProgrammeDate('2019-02-30', '--at')).toThrow('--at: 2019-02-30 does not exist: February 2019 has 28 days');
  });

  it('is a zod schema for date fields', () => {
    expect(ProgrammeDateSchema.parse('2019-05-03')).toBe('2019-05-03');
    const result = ProgrammeDateSchema.safeParse('2019-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('2019-02-30 does not exist: February 2019 has 28 days');
  });

  it('orders dates as they fall', () => {
    expect(compareProgrammeDates(d('2019-03-20'), d('2019-04-12'))).toBeLessThan(0);
    expect(compareProgrammeDates(d('2019-12-01'), d('2019-02-01'))).toBeGreaterThan(0);
    expect(compareProgrammeDates(d('2019-04-12'), d('2019-04-12'))).toBe(0);
  });
});

describe('a release in programme time', () => {
  it('is in scope only from its date', () => {
    const r = release({ date: '2019-05-15', status: 'planned' });
    expect(releaseInScope(r, d('2019-05-14'))).toBe(false);
    expect(releaseScopeAt(r, d('2019-05-14'))).toEqual({ inScope: false, reason: 'in scope only from 2019-05-15' });
    expect(releaseInScope(r, d('2019-05-15'))).toBe(true);
    expect(releaseInScope(r, d('2020-01-01'))).toBe(true);
  });

  it('without a firm date is never in scope, and says what is expected', () => {
    const r = release({ status: 'planned', expected: 'at SIT exit' });
    expect(releaseScopeAt(r, d('2030-01-01'))).toEqual({ inScope: false, reason: 'no firm date yet (expected: at SIT exit)' });
  });

  it('withdrawn, without a history, is never in scope', () => {
    const r = release({ date: '2019-03-11', status: 'withdrawn' });
    for (const at of ['2019-03-11', '2019-03-20', '2019-12-31']) expect(releaseInScope(r, d(at))).toBe(false);
    expect(releaseScopeAt(r, d('2019-03-20'))).toEqual({ inScope: false, reason: 'withdrawn' });
  });

  it('with a history, has the status of the latest entry on or before the day', () => {
    const r = release({
      date: '2019-03-11',
      status: 'withdrawn',
      history: [
        { date: '2019-03-11', status: 'in-DIT' },
        { date: '2019-04-08', status: 'withdrawn' },
      ],
    });
    expect(releaseStatusAt(r, d('2019-03-10'))).toBeUndefined();
    expect(releaseStatusAt(r, d('2019-03-11'))).toBe('in-DIT');
    expect(releaseStatusAt(r, d('2019-04-07'))).toBe('in-DIT');
    expect(releaseStatusAt(r, d('2019-04-08'))).toBe('withdrawn');
    expect(releaseInScope(r, d('2019-04-07'))).toBe(true);
    expect(releaseScopeAt(r, d('2019-04-08'))).toEqual({ inScope: false, reason: 'withdrawn since 2019-04-08' });
  });

  it('superseded is out of scope from the day it is superseded', () => {
    const r = release({
      date: '2019-02-11',
      status: 'superseded',
      history: [
        { date: '2019-02-11', status: 'in-DIT' },
        { date: '2019-03-11', status: 'superseded' },
      ],
    });
    expect(releaseInScope(r, d('2019-03-10'))).toBe(true);
    expect(releaseScopeAt(r, d('2019-03-11'))).toEqual({ inScope: false, reason: 'superseded since 2019-03-11' });
  });
});

describe('cycles in programme time', () => {
  const cycle = (id: string, start: string, end?: string, timeboxEnd?: string): Cycle =>
    ({
      id,
      type: 'retest',
      title: id,
      window: { start: d(start), ...(end === undefined ? {} : { end: d(end) }) },
      ...(timeboxEnd === undefined ? {} : { timeboxEnd: d(timeboxEnd) }),
      scope: {},
    }) as Cycle;

  it('runs from its start to its end or timebox, both days included', () => {
    const programme = {
      cycles: [cycle('A', '2019-04-08', '2019-04-29'), cycle('B', '2019-04-15', undefined, '2019-04-20'), cycle('C', '2019-04-01')],
    };
    const ids = (at: string) => cyclesActiveAt(programme, d(at)).map((c) => c.id);
    expect(ids('2019-04-07')).toEqual(['C']);
    expect(ids('2019-04-08')).toEqual(['A', 'C']);
    expect(ids('2019-04-20')).toEqual(['A', 'B', 'C']);
    expect(ids('2019-04-21')).toEqual(['A', 'C']);
    expect(ids('2019-04-30')).toEqual(['C']);
  });
});

describe('the shipped programme in programme time', () => {
  const programme = loadProgramme();
  const scope = (at: string) => releasesInScope(programme, d(at)).map((r) => r.id);
  const release = (id: string) => {
    const found = programme.firmwareReleases.find((r) => r.id === id);
    if (found === undefined) throw new Error(`no release ${id} in the fixture`);
    return found;
  };

  it("has 2019-04-12 as its today", () => {
    expect(programmeToday(programme)).toBe('2019-04-12');
  });

  it('gives the scope of the weeks before (2019-03-20)', () => {
    expect(scope('2019-03-20')).toEqual([
      'TOSH-12.25',
      'WNC-1.8',
      'EDMI-3.2',
      'MM1-E24-2.1.0',
      'MM1-G24-1.7.0',
      'MM2-G868-OPT1-1.0.2',
    ]);
    expect(cyclesActiveAt(programme, d('2019-03-20')).map((c) => c.id)).toEqual(['MM1-FORMAL-DIT']);
  });

  it("gives today's scope (2019-04-12): TOSH 12.25 withdrawn, WNC 1.9 back in DIT, MM2 GSMEs in the lab", () => {
    expect(scope('2019-04-12')).toEqual([
      'WNC-1.9',
      'EDMI-3.2',
      'MM1-E24-2.1.0',
      'MM1-G24-1.7.0',
      'MM2-G868-OPT1-1.0.3',
      'MM2-G868-OPT2-1.1.0',
      'MM2-G24-OPT1-1.0.3',
      'MM2-G24-OPT2-1.1.0',
    ]);
    expect(cyclesActiveAt(programme, d('2019-04-12')).map((c) => c.id)).toEqual(['MM1-RETEST']);
    expect(cyclesActiveAt(programme, d('2019-04-15')).map((c) => c.id)).toEqual(['MM1-RETEST', 'MM1-EOC-REGRESSION', 'MM2-CONFIDENCE']);
  });

  it('gives the scope after TOSH 12.26 arrives (2019-05-20)', () => {
    expect(scope('2019-05-20')).toEqual([
      'TOSH-12.26',
      'WNC-1.9',
      'EDMI-3.2',
      'MM1-E24-2.1.0',
      'MM1-G24-1.7.0',
      'MM2-G868-OPT1-1.0.3',
      'MM2-G868-OPT2-1.1.0',
      'MM2-G24-OPT1-1.0.3',
      'MM2-G24-OPT2-1.2.0', // 1.1.0 superseded by 1.1.1 (04-24), itself by 1.2.0 (05-08)
    ]);
    expect(cyclesActiveAt(programme, d('2019-05-20')).map((c) => c.id)).toEqual(['MM2-FORMAL-DIT']);
  });

  it('never has TOSH 12.25 in scope after its withdrawal on 2019-04-08', () => {
    const r = release('TOSH-12.25');
    expect(releaseInScope(r, d('2019-04-07'))).toBe(true);
    for (const at of ['2019-04-08', '2019-04-12', '2019-05-03', '2019-05-20', '2019-12-31']) {
      expect(releaseInScope(r, d(at)), at).toBe(false);
    }
  });

  it('has TOSH 12.26 in scope only from its date', () => {
    const r = release('TOSH-12.26');
    expect(r.date).toBe('2019-05-15');
    expect(releaseInScope(r, d('2019-04-12'))).toBe(false);
    expect(releaseInScope(r, d('2019-05-14'))).toBe(false);
    expect(releaseInScope(r, d('2019-05-15'))).toBe(true);
  });

  it('never has the undated releases in scope (EDMI fix, MM1 dual-band firmware, the ESME)', () => {
    for (const id of ['EDMI-SIT-FIX', 'MM1-E24-3.0.0', 'MM1-G24-2.0.0', 'MM2-E24-TBC']) {
      expect(releaseInScope(release(id), d('2099-12-31')), id).toBe(false);
    }
  });

  it('counts deliveries by day', () => {
    expect(deliveredBy(programme, 'MM2-G868-OPT1', d('2019-03-13'))).toBe(0);
    expect(deliveredBy(programme, 'MM2-G868-OPT1', d('2019-03-20'))).toBe(2);
    expect(deliveredBy(programme, 'MM2-G868-OPT1', d('2019-04-09'))).toBe(2);
    expect(deliveredBy(programme, 'MM2-G868-OPT1', d('2019-04-10'))).toBe(32);
    expect(deliveredBy(programme, 'MM2-G868-OPT1', d('2019-04-10'), 'DCC lab')).toBe(32);
    expect(deliveredBy(programme, 'MM2-G868-OPT1', d('2019-04-10'), 'elsewhere')).toBe(0);
    expect(deliveredBy(programme, 'MM2-E24', d('2019-12-31'))).toBe(0);
  });
});
