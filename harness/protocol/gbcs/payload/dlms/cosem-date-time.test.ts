// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadReader } from '../payload-reader.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { cosemDateTimeFromDate, cosemDateTimeToDate, encodeCosemDateTime, readCosemDateTime } from './cosem-date-time.ts';

describe('COSEM date-time', () => {
  it('reads the RTDS time stamp 07 DF 01 01 FF 00 00 00 00 80 00 FF', () => {
    const dt = readCosemDateTime(new PayloadReader(spacedHexToBytes('07DF0101FF000000008000FF')), 'ts');
    expect(dt).toEqual({
      year: 2015,
      month: 1,
      dayOfMonth: 1,
      dayOfWeek: null,
      hour: 0,
      minute: 0,
      second: 0,
      hundredths: 0,
      deviation: null,
      clockStatus: null,
    });
    expect(cosemDateTimeToDate(dt)?.toISOString()).toBe('2015-01-01T00:00:00.000Z');
    expect(bytesToHex(encodeCosemDateTime(dt))).toBe('07DF0101FF000000008000FF');
  });

  it('round-trips special values and negative deviations', () => {
    for (const hex of ['FFFFFEFD07FFFFFFFF8000FF', '07E00C1F0717283B63FF8800', '07DF0101FF00000000800000']) {
      expect(bytesToHex(encodeCosemDateTime(readCosemDateTime(new PayloadReader(spacedHexToBytes(hex)), 'ts')))).toBe(hex);
    }
    expect(readCosemDateTime(new PayloadReader(spacedHexToBytes('07E00C1F0717283B63FF8800')), 'ts').deviation).toBe(-120);
  });

  it('builds from a UTC Date as RTDS writes it', () => {
    const dt = cosemDateTimeFromDate(new Date('2015-01-01T00:00:00Z'));
    expect(bytesToHex(encodeCosemDateTime(dt))).toBe('07DF0101FF000000008000FF');
    expect(bytesToHex(encodeCosemDateTime(cosemDateTimeFromDate(new Date('2015-01-01T00:00:00Z'), { clockStatus: 0 })))).toBe('07DF0101FF00000000800000');
    expect(cosemDateTimeFromDate(new Date('2024-06-02T12:00:00Z'), { withDayOfWeek: true }).dayOfWeek).toBe(7);
  });

  it('gives no instant for a recurring date, and rejects bad fields', () => {
    expect(cosemDateTimeToDate(readCosemDateTime(new PayloadReader(spacedHexToBytes('FFFF0101FF000000008000FF')), 'ts'))).toBeNull();
    expect(() => encodeCosemDateTime({ ...cosemDateTimeFromDate(new Date(0)), month: 300 })).toThrow(PayloadEncodeError);
  });
});
