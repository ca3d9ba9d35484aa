// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { decodeAxdrData } from './axdr-data.ts';
import { cosemTimeSeconds, encodeCosemTime, expectTimeOctetString, timeOctetString } from './cosem-time.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';

describe('COSEM time', () => {
  it('reads RTDS day-profile start times and writes them back', () => {
    const t = expectTimeOctetString(decodeAxdrData(spacedHexToBytes('090407000000')), 'time');
    expect(t).toEqual({ hour: 7, minute: 0, second: 0, hundredths: 0 });
    expect(cosemTimeSeconds(t)).toBe(25_200);
    expect(bytesToHex(encodeCosemTime({ hour: 23, minute: null, second: 0, hundredths: null }))).toBe('17FF00FF');
    expect(cosemTimeSeconds({ hour: 23, minute: null, second: 0, hundredths: null })).toBeNull();
  });

  it('rejects other lengths and out-of-range parts', () => {
    expect(() => expectTimeOctetString(decodeAxdrData(spacedHexToBytes('0903070000')), 'time')).toThrow(PayloadDecodeError);
    expect(() => timeOctetString({ hour: 256, minute: 0, second: 0, hundredths: 0 })).toThrow(PayloadEncodeError);
  });
});
