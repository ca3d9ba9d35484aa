// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { GbcsCryptoError, GbcsDecodeError, GbcsEncodeError, HexFormatError, KeyFileError } from './errors.ts';

describe('GbcsDecodeError', () => {
  it('names the offset, the field and what was expected', () => {
    const error = new GbcsDecodeError(42, 'content length', '2 bytes', '1 left');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('GbcsDecodeError');
    expect({ offset: error.offset, field: error.field, expected: error.expected }).toEqual({ offset: 42, field: 'content length', expected: '2 bytes' });
    expect(error.message).toContain('byte 42');
    expect(error.message).toContain('"content length"');
    expect(error.message).toContain('expected 2 bytes');
    expect(error.message).toContain('found 1 left');
  });
});

describe('other errors', () => {
  it('say what failed and where', () => {
    expect(new GbcsCryptoError('open protected payload', 'tag mismatch').message).toBe('GBCS crypto error in open protected payload: tag mismatch');
    expect(new GbcsEncodeError('counter', 'an unsigned 64-bit integer', '-1').message).toContain('"counter"');
    expect(new HexFormatError('a.HEX', 3, 'bad').message).toBe('invalid hex in a.HEX at character 3: bad');
    expect(new KeyFileError('/k/x-ka.pem', 'unreadable').message).toContain('/k/x-ka.pem');
  });
});
