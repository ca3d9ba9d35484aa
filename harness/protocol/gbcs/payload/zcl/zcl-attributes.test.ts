// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected } from '../testing/decode-assertions.ts';
import { GCS13A_PLAIN } from '../testing/payloads-md-fixtures.ts';
import { decodeReadAttributes, decodeReadAttributesResponse, encodeReadAttributes, encodeReadAttributesResponse } from './zcl-attributes.ts';

describe('ZCL Read Attributes', () => {
  it('reads the GCS13a attribute list little-endian', () => {
    expect(decodeReadAttributes(fromHex('0203010300030000'))).toEqual([0x0302, 0x0301, 0x0300, 0x0000]);
    expect(toHex(encodeReadAttributes([0x0206]))).toBe('0602');
  });

  it('rejects an odd byte', () => {
    expect(() => decodeReadAttributes(fromHex('020301'), 11)).toThrow(PayloadDecodeError);
  });
});

describe('ZCL Read Attributes Response', () => {
  it('reads the decrypted GCS13a records as PAYLOADS.md shows them', () => {
    const recs = decodeReadAttributesResponse(fromHex(GCS13A_PLAIN));
    expect(recs).toEqual([
      { attributeId: 0x0302, status: 'success', value: { type: 'uint24', value: 1000 } },
      { attributeId: 0x0301, status: 'success', value: { type: 'uint24', value: 1 } },
      { attributeId: 0x0300, status: 'success', value: { type: 'enum8', value: 1 } },
      { attributeId: 0x0000, status: 'success', value: { type: 'uint48', value: 12345 } },
    ]);
    expect(toHex(encodeReadAttributesResponse(recs))).toBe(toHex(fromHex(GCS13A_PLAIN)));
  });

  it('reads a failure record without type or value', () => {
    expect(decodeReadAttributesResponse(fromHex('0602C0'))).toEqual([{ attributeId: 0x0206, status: 'hardware-failure' }]);
    expect(decodeReadAttributesResponse(fromHex('06027A'))).toEqual([{ attributeId: 0x0206, status: 'zcl-status-122' }]);
    expect(toHex(encodeReadAttributesResponse([{ attributeId: 0x0206, status: 'unsupported-attribute' }]))).toBe('060286');
  });

  it('rejects truncation and a success without value', () => {
    expectEveryPrefixRejected(fromHex('0602004104 0123ABCD'), (b) => {
      const recs = decodeReadAttributesResponse(b);
      if (recs.length !== 1) throw new PayloadDecodeError(0, 't', 'one record');
    });
    expect(() => encodeReadAttributesResponse([{ attributeId: 1, status: 'success' } as never])).toThrow(PayloadEncodeError);
  });
});
