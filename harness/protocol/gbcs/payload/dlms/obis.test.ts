// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadReader } from '../payload-reader.ts';
import { spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { formatObis, isObisCode, obisToBytes, parseObis, readObis } from './obis.ts';

describe('OBIS codes', () => {
  it('formats the RTDS instance ids', () => {
    expect(formatObis(spacedHexToBytes('00002B0208FF'))).toBe('0-0:43.2.8.255');
    expect(formatObis(spacedHexToBytes('00005E2C0A02'))).toBe('0-0:94.44.10.2');
  });

  it('round-trips text and bytes', () => {
    expect(obisToBytes('0-0:30.3.0.255')).toEqual(spacedHexToBytes('00001E0300FF'));
    expect(parseObis('1-0:1.8.0.255')).toBe('1-0:1.8.0.255');
  });

  it('rejects malformed text', () => {
    expect(() => obisToBytes('0-0:43.2.8')).toThrow(PayloadEncodeError);
    expect(() => obisToBytes('0-0:43.2.8.256')).toThrow(/OBIS code/);
    expect(isObisCode('0-0:1.0.0.255')).toBe(true);
    expect(isObisCode('0-0:1.0.0.999')).toBe(false);
  });

  it('reads 6 bytes and rejects a short instance id', () => {
    expect(readObis(new PayloadReader(spacedHexToBytes('00002B0208FF')), 'instance-id')).toBe('0-0:43.2.8.255');
    expect(() => readObis(new PayloadReader(spacedHexToBytes('00002B02')), 'instance-id')).toThrow(PayloadDecodeError);
  });
});
