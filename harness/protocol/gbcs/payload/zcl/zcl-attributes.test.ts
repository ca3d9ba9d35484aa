// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected } from '../testing/decode-assertions.ts';
import { GCS13A_PLAIN } from '../testing/payloads-md-fixtures.ts';
import { decodeReadAttributes, decodeReadAttributesResponse, encodeReadAttributes, encodeReadAttributesResponse } from './zcl-attributes.ts';

describe('ZCL Read Attributes', () => {
  it('reads the GCS13a attribute list little-endian', () => {
    expect(decodeReadAttributes(spacedHexToBytes('0203010300030000'))).toEqual([0x0302, 0x0301, 0x0300, 0x0000]);
    expect(bytesToHex(encodeReadAttributes([0x0206]))).toBe('0602');
  });

  it('rejects an odd byte', () => {
    expect(() => decodeReadAttributes(spacedHexToBytes('020301'), 11)).toThrow(PayloadDecodeError);
  });
});

describe('ZCL Read Attributes Response', () => {
  it('reads the decrypted GCS13a records as PAYLOADS.md shows them', () => {
    const recs = decodeReadAttributesResponse(spacedHexToBytes(GCS13A_PLAIN));
    expect(recs).toEqual([
      { attributeId: 0x0302, status: 'success', value: { type: 'uint24', value: 1000 } },
      { attributeId: 0x0301, status: 'success', value: { type: 'uint24', value: 1 } },
      { attributeId: 0x0300, status: 'success', value: { type: 'enum8', value: 1 } },
      { attributeId: 0x0000, status: 'success', value: { type: 'uint48', value: 12345 } },
    ]);
    expect(bytesToHex(encodeReadAttributesResponse(recs))).toBe(bytesToHex(spacedHexToBytes(GCS13A_PLAIN)));
  });

  it('reads a failure record without type or value', () => {
    expect(decodeReadAttributesResponse(spacedHexToBytes('0602C0'))).toEqual([{ attributeId: 0x0206, status: 'hardware-failure' }]);
    expect(decodeReadAttributesResponse(spacedHexToBytes('06027A'))).toEqual([{ attributeId: 0x0206, status: 'zcl-status-122' }]);
    expect(bytesToHex(encodeReadAttributesResponse([{ attributeId: 0x0206, status: 'unsupported-attribute' }]))).toBe('060286');
  });

  it('rejects truncation and a success without value', () => {
    expectEveryPrefixRejected(spacedHexToBytes('0602004104 0123ABCD'), (b) => {
      const recs = decodeReadAttributesResponse(b);
      if (recs.length !== 1) throw new PayloadDecodeError(0, 't', 'one record');
    });
    expect(() => encodeReadAttributesResponse([{ attributeId: 1, status: 'success' } as never])).toThrow(PayloadEncodeError);
  });
});
