// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Robustness of every payload decoder: mutated RTDS payloads and random bytes are either decoded
 * or rejected with a PayloadDecodeError — never another exception — and describePayload never
 * throws. (The assertion helpers themselves are checked first.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePayload } from '../describe-payload.ts';
import { decodeAccessRequest } from '../dlms/access-request.ts';
import { decodeAccessResponse } from '../dlms/access-response.ts';
import { decodeDataNotification } from '../dlms/data-notification.ts';
import { spacedHexToBytes } from '../../hex.ts';
import type { PayloadCipher } from '../payload-cipher.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { USE_CASE_CODECS } from '../registry.ts';
import { decodeGbz } from '../zcl/gbz.ts';
import { expectEveryPrefixRejected, expectOnlyDecodeErrors, expectTrailingRejected } from './decode-assertions.ts';
import { ALL_FIXTURES, ECS17B_PLAIN, GCS13A_PLAIN } from './payloads-md-fixtures.ts';

/** A cipher that "opens" anything to a fixed plaintext, keeping crypto out of decode robustness. */
const openTo = (plain: string): PayloadCipher => ({ seal: () => spacedHexToBytes('3100000000' + '00'.repeat(12)), open: () => spacedHexToBytes(plain) });

describe('decode assertion helpers', () => {
  it('catch a decoder that accepts a prefix or throws something else', () => {
    expect(() => expectEveryPrefixRejected(spacedHexToBytes('0102'), () => undefined)).toThrow(/prefix of 0/);
    expect(() => expectEveryPrefixRejected(spacedHexToBytes('0102'), () => { throw new TypeError('x'); })).toThrow(/TypeError/);
    expect(() => expectOnlyDecodeErrors(spacedHexToBytes('01'), () => { throw new RangeError('y'); })).toThrow(/RangeError/);
    expect(() => expectTrailingRejected(spacedHexToBytes('01'), () => { throw new PayloadDecodeError(0, 'f', 'e'); })).not.toThrow();
  });
});

describe('decoder robustness', () => {
  const decoders: Array<[string, (b: Uint8Array) => unknown]> = [
    ['access-request', decodeAccessRequest],
    ['access-response', decodeAccessResponse],
    ['data-notification', decodeDataNotification],
    ['gbz', decodeGbz],
  ];

  it('mutated RTDS payloads: only PayloadDecodeError from generic and typed decoders', () => {
    for (const f of ALL_FIXTURES) {
      const codec = USE_CASE_CODECS.find((c) => c.messageCode === f.header.messageCode);
      if (!codec) throw new Error(`no codec for ${f.name}`);
      const cipher = openTo(codec.name === 'ECS17b' ? ECS17B_PLAIN : GCS13A_PLAIN);
      const ctx = { header: f.header, cipher };
      const typed = (b: Uint8Array): unknown =>
        codec.kind === 'alert' ? codec.decodeAlert(b, ctx) : f.header.cra === 1 ? codec.decodeCommand(b, ctx) : codec.decodeResponse(b, ctx);
      for (let i = 0; i < f.payload.length; i++) {
        const orig = f.payload[i] as number;
        for (const v of [0x00, 0xff, orig ^ 0x01, orig ^ 0x80, 0x81, 0x7f]) {
          const m = f.payload.slice();
          m[i] = v;
          expectOnlyDecodeErrors(m, typed);
          for (const [, d] of decoders) expectOnlyDecodeErrors(m, d);
          expect(() => describePayload(m)).not.toThrow();
        }
      }
    }
  });

  it('random bytes behind each payload head: only PayloadDecodeError', () => {
    const heads = ['D9200003E800', 'DA200003E80000', '0F20000FA000', '010901', '0109010307020035'];
    fc.assert(
      fc.property(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 80 }), (head, tail) => {
        const bytes = new Uint8Array([...spacedHexToBytes(head), ...tail]);
        for (const [, d] of decoders) expectOnlyDecodeErrors(bytes, d);
        for (const c of USE_CASE_CODECS) {
          const ctx = { header: ALL_FIXTURES[0]!.header, cipher: openTo(GCS13A_PLAIN) };
          if (c.kind === 'alert') expectOnlyDecodeErrors(bytes, (b) => c.decodeAlert(b, ctx));
          else {
            expectOnlyDecodeErrors(bytes, (b) => c.decodeCommand(b, ctx));
            expectOnlyDecodeErrors(bytes, (b) => c.decodeResponse(b, ctx));
          }
        }
        describePayload(bytes);
      }),
      { seed: 4242, numRuns: 1500 },
    );
  });
});
