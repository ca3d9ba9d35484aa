// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { ControlPoint } from '../programme/control-point.ts';
import type { ProgrammeDate } from '../programme/programme-date.ts';
import { dueControlPoint } from './due-control-point.ts';

const cp = (id: string, date: string) => ({ id, date }) as unknown as ControlPoint;
const programme = { controlPoints: [cp('CP-B', '2019-08-01'), cp('CP-A', '2019-05-03')] };
const due = (at: string) => dueControlPoint(programme, at as ProgrammeDate)?.id;

describe('dueControlPoint', () => {
  it('is the first control point on or after the date, else the latest', () => {
    expect(due('2019-04-12')).toBe('CP-A');
    expect(due('2019-05-03')).toBe('CP-A');
    expect(due('2019-05-04')).toBe('CP-B');
    expect(due('2020-01-01')).toBe('CP-B');
    expect(dueControlPoint({ controlPoints: [] }, '2019-01-01' as ProgrammeDate)).toBeUndefined();
  });
});
