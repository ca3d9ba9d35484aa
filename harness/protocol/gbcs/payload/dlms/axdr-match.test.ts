// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { Axdr, decodeAxdrData } from './axdr-data.ts';
import {
  axdrEqual,
  expectConstant,
  expectDateTimeOctetString,
  expectEui,
  expectNumber,
  expectObisOctetString,
  expectStructure,
  item,
  summarise,
} from './axdr-match.ts';

describe('A-XDR shape matching', () => {
  const d = decodeAxdrData(spacedHexToBytes('0203 090800DB1234567890A0 1601 0906 00005E2C0A02'), 'x', 50);

  it('extracts typed values', () => {
    const items = expectStructure(d, 'dev', 3);
    expect(expectEui(item(items, 0), 'dev.eui')).toBe('00DB1234567890A0');
    expect(expectNumber(item(items, 1), 'enum', 'dev.type')).toBe(1);
    expect(expectObisOctetString(item(items, 2), 'dev.obis')).toBe('0-0:94.44.10.2');
  });

  it('reports a mismatch at the node offset with the expected type', () => {
    const items = expectStructure(d, 'dev', 3);
    try {
      expectNumber(item(items, 1), 'long-unsigned', 'dev.type');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PayloadDecodeError);
      expect((e as PayloadDecodeError).offset).toBe(62);
      expect((e as PayloadDecodeError).message).toMatch(/expected long-unsigned, found enum/);
    }
    expect(() => expectStructure(d, 'dev', 2)).toThrow(/structure of 2 element/);
    expect(() => expectEui(item(items, 2), 'dev.obis')).toThrow(/8 byte/);
  });

  it('reads a date-time octet-string', () => {
    const dt = expectDateTimeOctetString(decodeAxdrData(spacedHexToBytes('090C07DF0101FF000000008000FF')), 'ts');
    expect(dt).toMatchObject({ year: 2015, month: 1, dayOfMonth: 1, dayOfWeek: null, hour: 0, deviation: null, clockStatus: null });
  });

  it('compares and summarises values', () => {
    expect(axdrEqual(Axdr.structure(Axdr.enum(0), Axdr.nullData()), Axdr.structure(Axdr.enum(0), Axdr.nullData()))).toBe(true);
    expect(axdrEqual(Axdr.enum(0), Axdr.unsigned(0))).toBe(false);
    expect(() => expectConstant(Axdr.enum(1), Axdr.enum(0), 'r')).toThrow(/expected enum 0, found enum 1/);
    expect(summarise(Axdr.octetString(spacedHexToBytes('0102')))).toBe('octet-string 0102');
  });
});
