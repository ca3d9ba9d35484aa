// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../gbcs-test-fixtures.ts';
import { spacedHexToBytes } from '../hex.ts';
import { PayloadDecodeError } from './payload-errors.ts';
import { PayloadReader } from './payload-reader.ts';

const payloadError = (action: () => unknown): PayloadDecodeError => thrownBy(action, PayloadDecodeError);

describe('PayloadReader', () => {
  it('reads big- and little-endian integers', () => {
    const r = new PayloadReader(spacedHexToBytes('0102 0302 E80300 393000000000 00000000000003E8'));
    expect(r.uintBe(2, 'a')).toBe(0x0102);
    expect(r.uintLe(2, 'b')).toBe(0x0203);
    expect(r.uintLe(3, 'c')).toBe(1000);
    expect(r.uintLe(6, 'd')).toBe(12345);
    expect(r.bigUintBe(8, 'e')).toBe(1000n);
    expect(r.atEnd).toBe(true);
  });

  it('reports truncation with the absolute offset and the field', () => {
    const r = new PayloadReader(spacedHexToBytes('AABBCC'), 10);
    r.u8('x');
    const sub = r.sub(2, 'sub');
    expect(sub).toBeInstanceOf(PayloadReader);
    expect(sub.offset).toBe(11);
    sub.u8('y');
    const e = payloadError(() => sub.uintBe(2, 'z'));
    expect(e.offset).toBe(12);
    expect(e.field).toBe('payload z');
    expect(e.expected).toBe('2 bytes');
    expect(e.found).toBe('1 left (payload truncated)');
  });

  it('rejects trailing bytes', () => {
    const r = new PayloadReader(spacedHexToBytes('0001'));
    r.u8('a');
    expect(() => r.expectEnd('end')).toThrow(/trailing/);
    expect(payloadError(() => r.expectEnd('end')).found).toBe('1 trailing byte(s)');
  });

  it('fails with a PayloadDecodeError, also on a constant that does not match', () => {
    const r = new PayloadReader(spacedHexToBytes('0108'), 4);
    expect(payloadError(() => r.fail('gbz.profile-id', '01 09', '0108')).field).toBe('payload gbz.profile-id');
    const wrong = payloadError(() => r.expectBytes(spacedHexToBytes('0109'), 'profile'));
    expect([wrong.offset, wrong.expected, wrong.found]).toEqual([4, '0109', '0108']);
  });

  it('copies bytes so callers cannot alias the payload', () => {
    const src = spacedHexToBytes('0102');
    const out = new PayloadReader(src).bytes(2, 'b');
    out[0] = 9;
    expect(src[0]).toBe(1);
  });
});
