// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { GbcsDecodeError, GbcsEncodeError } from '../errors.ts';
import { PayloadContextError, PayloadDecodeError, PayloadEncodeError } from './payload-errors.ts';

describe('payload errors', () => {
  it('a decode error names offset, field and what was expected', () => {
    const e = new PayloadDecodeError(7, 'access-request.tag', '0xD9', '0xDA');
    expect(e).toBeInstanceOf(GbcsDecodeError);
    expect(e.offset).toBe(7);
    expect(e.field).toBe('payload access-request.tag');
    expect(e.expected).toBe('0xD9');
    expect(e.found).toBe('0xDA');
    expect(e.message).toContain('7');
    expect(e.message).toContain('access-request.tag');
    expect(e.message).toContain('expected 0xD9, found 0xDA');
  });

  it('an encode error names the field', () => {
    const e = new PayloadEncodeError('data.long-unsigned', 'an unsigned integer of 16 bits', '70000');
    expect(e).toBeInstanceOf(GbcsEncodeError);
    expect(e.message).toContain('data.long-unsigned');
    expect(e.message).toContain('70000');
  });

  it('a context error is its own kind', () => {
    expect(new PayloadContextError('no cipher')).toBeInstanceOf(Error);
    expect(new PayloadContextError('no cipher').name).toBe('PayloadContextError');
  });
});
