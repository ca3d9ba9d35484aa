// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ByteReader } from '../byte-reader.ts';
import { ByteWriter } from '../byte-writer.ts';
import { fromHex, toHex } from '../hex.ts';
import { globalRequestHeader, globalResponseHeader, readZclHeader, writeZclHeader, type ZclHeader } from './zcl-header.ts';

const enc = (h: ZclHeader): string => {
  const w = new ByteWriter();
  writeZclHeader(w, h, 'zcl');
  return toHex(w.toBytes());
};

describe('ZCL header', () => {
  it('encodes the RTDS headers', () => {
    expect(enc(globalRequestHeader(0x00, 0))).toBe('000000');
    expect(enc(globalResponseHeader(0x01, 0, false))).toBe('080001');
    expect(enc(globalResponseHeader(0x01, 0, true))).toBe('180001');
  });

  it('decodes frame control bits and a manufacturer code', () => {
    expect(readZclHeader(new ByteReader(fromHex('1D 3412 05 0B')), 'zcl')).toEqual({
      frameControl: { frameType: 'cluster', direction: 'server-to-client', disableDefaultResponse: true },
      manufacturerCode: 0x1234,
      sequenceNumber: 5,
      commandId: 0x0b,
    });
    expect(enc(readZclHeader(new ByteReader(fromHex('1D341205 0B')), 'zcl'))).toBe('1D3412050B');
  });

  it('rejects reserved frame types and bits', () => {
    expect(() => readZclHeader(new ByteReader(fromHex('020000')), 'zcl')).toThrow(/frame type/);
    expect(() => readZclHeader(new ByteReader(fromHex('200000')), 'zcl')).toThrow(/reserved bits/);
  });
});
