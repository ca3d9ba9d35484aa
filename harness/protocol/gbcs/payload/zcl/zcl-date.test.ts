// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { readZclDate, writeZclDate, type ZclDate } from './zcl-date.ts';

describe('ZigBee Date', () => {
  it('reads the year as an offset from 1900, 0xFF as not specified, and writes it back', () => {
    const every20March = readZclDate(new PayloadReader(spacedHexToBytes('FF0314FF')), 'date');
    expect(every20March).toEqual({ year: null, month: 3, dayOfMonth: 20, dayOfWeek: null });
    const newYear = readZclDate(new PayloadReader(spacedHexToBytes('730101FF')), 'date');
    expect(newYear.year).toBe(2015);
    for (const d of [every20March, newYear]) {
      const w = new PayloadWriter();
      writeZclDate(w, d, 'date');
      expect(bytesToHex(w.toBytes())).toBe(d === newYear ? '730101FF' : 'FF0314FF');
    }
  });

  it('refuses a year it cannot carry', () => {
    const bad: ZclDate = { year: 1899, month: 1, dayOfMonth: 1, dayOfWeek: null };
    expect(() => writeZclDate(new PayloadWriter(), bad, 'date')).toThrow(PayloadEncodeError);
  });
});
