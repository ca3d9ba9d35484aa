// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadEncodeError } from '../payload-errors.ts';
import { dateToZclUtc, zclUtcToDate } from './zcl-utc-time.ts';

describe('ZigBee UTC time', () => {
  it('counts seconds from 2000-01-01', () => {
    expect(dateToZclUtc(new Date('2015-01-01T00:00:00Z'))).toBe(0x1c374a80);
    expect(zclUtcToDate(0).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(() => dateToZclUtc(new Date('1999-12-31T23:59:59Z'))).toThrow(PayloadEncodeError);
  });
});
