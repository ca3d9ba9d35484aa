// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { DLMS_TAG, readApduHeader, writeApduHeader } from './apdu-header.ts';

describe('DLMS APDU head', () => {
  it('round-trips with and without a date-time', () => {
    for (const hex of ['D9200003E800', 'DA200003E80C07E80102FF0A000000000000']) {
      const r = new PayloadReader(spacedHexToBytes(hex));
      const tag = spacedHexToBytes(hex)[0] as number;
      const h = readApduHeader(r, tag, 'apdu');
      const w = new PayloadWriter();
      writeApduHeader(w, tag, h, 'apdu');
      expect(bytesToHex(w.toBytes())).toBe(hex);
    }
  });

  it('rejects a wrong tag and a date-time of the wrong length', () => {
    expect(() => readApduHeader(new PayloadReader(spacedHexToBytes('DA200003E800')), DLMS_TAG.accessRequest, 'apdu')).toThrow(/0xD9/);
    expect(() => readApduHeader(new PayloadReader(spacedHexToBytes('D9200003E80501020304 05')), DLMS_TAG.accessRequest, 'apdu')).toThrow(/0C/);
  });
});
