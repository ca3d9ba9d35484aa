// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ByteReader } from '../byte-reader.ts';
import { ByteWriter } from '../byte-writer.ts';
import { fromHex, toHex } from '../hex.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { readAxdrCount, readAxdrLength, writeAxdrLength } from './axdr-length.ts';

const enc = (n: number): string => {
  const w = new ByteWriter();
  writeAxdrLength(w, n, 'len');
  return toHex(w.toBytes());
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
      expect(readAxdrLength(new ByteReader(fromHex(enc(n))), 'len')).toBe(n);
    }
  });

  it('rejects non-minimal and unsupported forms', () => {
    expect(() => readAxdrLength(new ByteReader(fromHex('8105')), 'len')).toThrow(/minimal/);
    expect(() => readAxdrLength(new ByteReader(fromHex('80')), 'len')).toThrow(PayloadDecodeError);
    expect(() => readAxdrLength(new ByteReader(fromHex('85FFFFFFFFFF')), 'len')).toThrow(PayloadDecodeError);
  });

  it('rejects counts larger than the bytes left', () => {
    expect(() => readAxdrCount(new ByteReader(fromHex('05 0000')), 'count')).toThrow(/truncated/);
  });
});
