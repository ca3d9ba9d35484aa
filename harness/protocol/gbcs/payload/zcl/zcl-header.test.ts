// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { globalRequestHeader, globalResponseHeader, readZclHeader, writeZclHeader, type ZclHeader } from './zcl-header.ts';

const enc = (h: ZclHeader): string => {
  const w = new PayloadWriter();
  writeZclHeader(w, h, 'zcl');
  return bytesToHex(w.toBytes());
};

describe('ZCL header', () => {
  it('encodes the RTDS headers', () => {
    expect(enc(globalRequestHeader(0x00, 0))).toBe('000000');
    expect(enc(globalResponseHeader(0x01, 0, false))).toBe('080001');
    expect(enc(globalResponseHeader(0x01, 0, true))).toBe('180001');
  });

  it('decodes frame control bits and a manufacturer code', () => {
    expect(readZclHeader(new PayloadReader(spacedHexToBytes('1D 3412 05 0B')), 'zcl')).toEqual({
      frameControl: { frameType: 'cluster', direction: 'server-to-client', disableDefaultResponse: true },
      manufacturerCode: 0x1234,
      sequenceNumber: 5,
      commandId: 0x0b,
    });
    expect(enc(readZclHeader(new PayloadReader(spacedHexToBytes('1D341205 0B')), 'zcl'))).toBe('1D3412050B');
  });

  it('rejects reserved frame types and bits', () => {
    expect(() => readZclHeader(new PayloadReader(spacedHexToBytes('020000')), 'zcl')).toThrow(/frame type/);
    expect(() => readZclHeader(new PayloadReader(spacedHexToBytes('200000')), 'zcl')).toThrow(/reserved bits/);
  });
});
