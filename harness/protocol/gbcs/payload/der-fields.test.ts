// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../hex.ts';
import { decodeDer } from './asn1-der.ts';
import {
  derBitString,
  derBoolean,
  derContextConstructed,
  derContextPrimitive,
  derGeneralizedTime,
  derObjectIdentifier,
  derPrintableString,
  derSet,
  derSmallInteger,
  derUnsignedInteger,
  derUtcTime,
} from './der-fields.ts';

const hex = (b: Uint8Array) => bytesToHex(b);

describe('DER field writers', () => {
  it('OBJECT IDENTIFIER: first two arcs in one byte, base-128 arcs after (RTDS certificate OIDs)', () => {
    expect(hex(derObjectIdentifier('1.2.840.10045.4.3.2', 'oid'))).toBe('06082A8648CE3D040302');
    expect(hex(derObjectIdentifier('2.5.29.17', 'oid'))).toBe('0603551D11');
    // the hwType of the RTDS device certificates' HardwareModuleName
    expect(hex(derObjectIdentifier('1.2.826.0.1.8641679.1.2.2.1', 'oid'))).toBe('060D2A863A0001848FB90F01020201');
    expect(() => derObjectIdentifier('1.40.1', 'oid')).toThrow(/at most 39/);
    expect(() => derObjectIdentifier('1.2.x', 'oid')).toThrow(/dotted object identifier/);
  });

  it('unsigned INTEGER: leading zeros dropped, a 00 before a high bit; decodes back', () => {
    expect(hex(derUnsignedInteger(hexToBytes('00007F'), 'n'))).toBe('02017F');
    expect(hex(derUnsignedInteger(hexToBytes('80'), 'n'))).toBe('02020080');
    expect(hex(derUnsignedInteger(hexToBytes('0000'), 'n'))).toBe('020100');
    const big = hexToBytes('F1'.repeat(32));
    expect(decodeDer(derUnsignedInteger(big, 'n'))[0]).toMatchObject({ name: 'INTEGER', length: 33 });
    expect(() => derUnsignedInteger(new Uint8Array(0), 'n')).toThrow(/at least one byte/);
  });

  it('BIT STRING, BOOLEAN, PrintableString, SET and context tags', () => {
    expect(hex(derBitString(Uint8Array.of(0x08), 'ku', 3))).toBe('03020308');
    expect(hex(derBitString(Uint8Array.of(0x04, 0xaa), 'key'))).toBe('03030004AA');
    expect(() => derBitString(Uint8Array.of(), 'b', 1)).toThrow(/unused bits/);
    expect(hex(derBoolean(true))).toBe('0101FF');
    expect(hex(derBoolean(false))).toBe('010100');
    expect(hex(derPrintableString('0001', 'cn'))).toBe('130430303031');
    expect(() => derPrintableString('a*b', 'cn')).toThrow(/PrintableString/);
    expect(hex(derSet([derSmallInteger(1, 'i')], 's'))).toBe('3103020101');
    expect(hex(derContextConstructed(3, [derSmallInteger(2, 'v')], 'x'))).toBe('A303020102');
    expect(hex(derContextPrimitive(0, Uint8Array.of(0xab), 'k'))).toBe('8001AB');
    expect(() => derContextPrimitive(31, Uint8Array.of(), 'k')).toThrow(/0\.\.30/);
  });

  it('UTCTime through 2049, GeneralizedTime, from ISO UTC times to the second', () => {
    expect(new TextDecoder().decode(derUtcTime('2015-03-26T00:00:00Z', 't').subarray(2))).toBe('150326000000Z');
    expect(new TextDecoder().decode(derGeneralizedTime('9999-12-31T23:59:59Z', 't').subarray(2))).toBe('99991231235959Z');
    expect(derUtcTime('2015-03-26T00:00:00Z', 't')[0]).toBe(0x17);
    expect(derGeneralizedTime('9999-12-31T23:59:59Z', 't')[0]).toBe(0x18);
    expect(() => derUtcTime('2050-01-01T00:00:00Z', 't')).toThrow(/1950 to 2049/);
    expect(() => derGeneralizedTime('2015-03-26T00:00:00.000Z', 't')).toThrow(/ISO UTC time to the second/);
  });
});
