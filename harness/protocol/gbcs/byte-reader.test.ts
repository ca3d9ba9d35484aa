// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ByteReader } from './byte-reader.ts';
import { GbcsDecodeError } from './errors.ts';
import { thrownBy } from './gbcs-test-fixtures.ts';
import { hexToBytes } from './hex.ts';

const decodeError = (action: () => unknown): GbcsDecodeError => thrownBy(action, GbcsDecodeError);

describe('ByteReader', () => {
  it('reads integers and bytes, tracking the offset', () => {
    const r = new ByteReader(hexToBytes('01020300000000000003E8AABB'));
    expect(r.u8('a')).toBe(1);
    expect(r.u16('b')).toBe(0x0203);
    expect(r.u64('counter')).toBe(1000n);
    expect(r.offset).toBe(11);
    expect([...r.bytes(2, 'tail')]).toEqual([0xaa, 0xbb]);
    expect(r.atEnd).toBe(true);
    r.expectEnd('frame');
  });

  it('names the field and offset when data runs out', () => {
    const r = new ByteReader(hexToBytes('0102'));
    r.u8('first');
    const error = decodeError(() => r.u16('message code'));
    expect(error.offset).toBe(1);
    expect(error.field).toBe('message code');
    expect(error.expected).toBe('2 bytes');
  });

  it('returns copies, even from a Node Buffer', () => {
    const input = Buffer.from('AABB', 'hex');
    const copy = new ByteReader(input).bytes(2, 'x');
    input[0] = 0;
    expect(copy[0]).toBe(0xaa);
  });

  it('reads the three length forms', () => {
    expect(new ByteReader(hexToBytes('7F')).length('l')).toEqual({ value: 127, size: 1 });
    expect(new ByteReader(hexToBytes('8180')).length('l')).toEqual({ value: 128, size: 2 });
    expect(new ByteReader(hexToBytes('81FF')).length('l')).toEqual({ value: 255, size: 2 });
    expect(new ByteReader(hexToBytes('820100')).length('l')).toEqual({ value: 256, size: 3 });
    expect(new ByteReader(hexToBytes('82FFFF')).length('l')).toEqual({ value: 65535, size: 3 });
  });

  it('rejects non-minimal and unknown length forms', () => {
    expect(decodeError(() => new ByteReader(hexToBytes('817F')).length('content length')).expected).toMatch(/minimal/);
    expect(decodeError(() => new ByteReader(hexToBytes('8200FF')).length('content length')).expected).toMatch(/minimal/);
    expect(decodeError(() => new ByteReader(hexToBytes('83000100')).length('content length')).found).toBe('83');
    expect(decodeError(() => new ByteReader(hexToBytes('80')).length('content length')).found).toBe('80');
    expect(decodeError(() => new ByteReader(hexToBytes('82')).length('content length')).field).toBe('content length');
  });

  it('reads little-endian and wide integers and the rest', () => {
    const r = new ByteReader(hexToBytes('E80300393000000000AABB'), 5);
    expect(r.uintLe(3, 'a')).toBe(1000);
    expect(r.bigUintLe(6, 'b')).toBe(12345n);
    expect(r.offset).toBe(14);
    expect([...r.rest()]).toEqual([0xaa, 0xbb]);
    expect(r.atEnd).toBe(true);
    expect(r.end).toBe(16);
  });

  it('fails with the field, offset and what it found', () => {
    const r = new ByteReader(hexToBytes('0001'), 3);
    const error = decodeError(() => r.fail('flag', 'a set bit', '00'));
    expect([error.offset, error.field, error.expected, error.found]).toEqual([3, 'flag', 'a set bit', '00']);
    expect(decodeError(() => r.fail('flag', 'x', undefined, 9)).offset).toBe(9);
  });

  it('checks constants, sub-readers and the end', () => {
    const r = new ByteReader(hexToBytes('DF0901AABB'));
    r.expectBytes(hexToBytes('DF09'), 'general signing header');
    const sub = r.sub(2, 'part');
    expect(sub.offset).toBe(2);
    expect(sub.end).toBe(4);
    expect(sub.u16('x')).toBe(0x01aa);
    expect(decodeError(() => sub.u8('beyond')).offset).toBe(4);
    const trailing = decodeError(() => r.expectEnd('frame'));
    expect(trailing.found).toBe('1 more byte');
    const wrong = decodeError(() => new ByteReader(hexToBytes('DF08')).expectBytes(hexToBytes('DF09'), 'general signing header'));
    expect(wrong.found).toBe('DF08');
    expect(decodeError(() => new ByteReader(hexToBytes('00'), -1)).field).toBe('reader bounds');
    expect(decodeError(() => new ByteReader(hexToBytes('00'), 1.5)).field).toBe('reader bounds');
  });
});
