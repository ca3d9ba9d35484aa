// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { decodeAxdrData } from './axdr-data.ts';
import { dateOctetString, encodeCosemDate, expectDateOctetString } from './cosem-date.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';

describe('COSEM date', () => {
  it('reads RTDS special days (a dated one, a yearly one) and writes them back', () => {
    for (const hex of ['090507DF0501FF', '0905FFFF0C19FF', '0905FFFFFEFDFF']) {
      const d = expectDateOctetString(decodeAxdrData(spacedHexToBytes(hex)), 'date');
      expect(bytesToHex(encodeCosemDate(d))).toBe(hex.slice(4));
    }
    expect(expectDateOctetString(decodeAxdrData(spacedHexToBytes('0905FFFF0C19FF')), 'date')).toEqual({ year: null, month: 12, dayOfMonth: 25, dayOfWeek: null });
    expect(bytesToHex(encodeCosemDate({ year: 2015, month: 5, dayOfMonth: 1, dayOfWeek: null }))).toBe('07DF0501FF');
  });

  it('rejects other lengths and out-of-range parts', () => {
    expect(() => expectDateOctetString(decodeAxdrData(spacedHexToBytes('090407DF0501')), 'date')).toThrow(PayloadDecodeError);
    expect(() => dateOctetString({ year: 2015, month: 300, dayOfMonth: 1, dayOfWeek: null })).toThrow(PayloadEncodeError);
    expect(() => encodeCosemDate({ year: 0xffff, month: 1, dayOfMonth: 1, dayOfWeek: null })).toThrow(PayloadEncodeError);
  });
});
