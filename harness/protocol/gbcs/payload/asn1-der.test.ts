// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../hex.ts';
import { PayloadDecodeError } from './payload-errors.ts';
import { expectEveryPrefixRejected } from './testing/decode-assertions.ts';
import { decodeDer } from './asn1-der.ts';

describe('ASN.1 DER TLV reader', () => {
  it('reads the RTDS CS08 response structure', () => {
    const [seq] = decodeDer(spacedHexToBytes('300904040123ABCD020100'));
    expect(seq?.name).toBe('SEQUENCE');
    expect(seq?.children?.map((c) => [c.name, bytesToHex(c.content)])).toEqual([
      ['OCTET STRING', '0123ABCD'],
      ['INTEGER', '00'],
    ]);
  });

  it('reads context tags and long lengths', () => {
    const [ctx, oct] = decodeDer(spacedHexToBytes('A0020500' + '048180' + '11'.repeat(128)));
    expect(ctx?.name).toBe('[0]');
    expect(ctx?.children?.[0]?.name).toBe('NULL');
    expect(oct?.length).toBe(128);
    expect(() => decodeDer(spacedHexToBytes('04810100'))).not.toThrow();
  });

  it('rejects indefinite lengths and truncation', () => {
    expect(() => decodeDer(spacedHexToBytes('3080 0000'))).toThrow(/definite length/);
    expectEveryPrefixRejected(spacedHexToBytes('300904040123ABCD020100'), (b) => {
      if (b.length === 0) throw new PayloadDecodeError(0, 'der', 'a TLV');
      decodeDer(b);
    });
  });
});
