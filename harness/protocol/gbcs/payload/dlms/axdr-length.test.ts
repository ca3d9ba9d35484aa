// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { readAxdrCount, readAxdrLength, writeAxdrLength } from './axdr-length.ts';

const enc = (n: number): string => {
  const w = new PayloadWriter();
  writeAxdrLength(w, n, 'len');
  return bytesToHex(w.toBytes());
};

describe('A-XDR lengths', () => {
  it('encodes the short and long forms', () => {
    expect(enc(0x7f)).toBe('7F');
    expect(enc(0x80)).toBe('8180');
    expect(enc(0x95)).toBe('8195');
    expect(enc(0x1234)).toBe('821234');
  });

  it('decodes what it encodes', () => {
    for (const n of [0, 1, 127, 128, 255, 256, 65535, 65536]) {
      expect(readAxdrLength(new PayloadReader(spacedHexToBytes(enc(n))), 'len')).toBe(n);
    }
  });

  it('rejects non-minimal and unsupported forms', () => {
    expect(() => readAxdrLength(new PayloadReader(spacedHexToBytes('8105')), 'len')).toThrow(/minimal/);
    expect(() => readAxdrLength(new PayloadReader(spacedHexToBytes('80')), 'len')).toThrow(PayloadDecodeError);
    expect(() => readAxdrLength(new PayloadReader(spacedHexToBytes('85FFFFFFFFFF')), 'len')).toThrow(PayloadDecodeError);
  });

  it('rejects counts larger than the bytes left', () => {
    expect(() => readAxdrCount(new PayloadReader(spacedHexToBytes('05 0000')), 'count')).toThrow(/truncated/);
  });
});
