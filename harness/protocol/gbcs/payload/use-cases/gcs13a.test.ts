// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadContextError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { fakeGcmCipher, fixtureCipher } from '../testing/fake-payload-cipher.ts';
import { GCS13A_COMMAND, GCS13A_PLAIN, GCS13A_RESPONSE, GCS13A_SEALED } from '../testing/payloads-md-fixtures.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { gcs13a, type Gcs13aResponse } from './gcs13a.ts';

const cipher = fixtureCipher([{ plain: spacedHexToBytes(GCS13A_PLAIN), sealed: spacedHexToBytes(GCS13A_SEALED) }]);

const RTDS_READING: Gcs13aResponse = {
  sequenceNumber: 0,
  divisor: { status: 'success', value: 1000 },
  multiplier: { status: 'success', value: 1 },
  unitOfMeasure: { status: 'success', value: 'm3' },
  currentSummationDelivered: { status: 'success', value: 12345 },
};

/**
 * RTDS ERROR response (from the GSME …-A1, counter 1003): its sealed block and the plaintext
 * inside, decrypted once with the RTDS test keys (not annotated in PAYLOADS.md).
 */
const ERROR_SEALED = '31000000004B711A713941AFCD706623D5612F7115956EF8966230013AAEC45DBF90313AE26FCE17334E';
const ERROR_PLAIN = '0203C001030022010000000300300100000025393000000000';

describe('GCS13a Read GSME Consumption Register', () => {
  it('decodes and re-encodes the command', () => {
    expect(gcs13a.decodeCommand(GCS13A_COMMAND.payload, GCS13A_COMMAND)).toEqual({ sequenceNumber: 0 });
    expect(bytesToHex(gcs13a.encodeCommand({ sequenceNumber: 0 }, GCS13A_COMMAND))).toBe(bytesToHex(GCS13A_COMMAND.payload));
  });

  it('decodes the ciphered reading through the cipher and re-encodes it byte-exact', () => {
    const ctx = { header: GCS13A_RESPONSE.header, cipher };
    const rsp = gcs13a.decodeResponse(GCS13A_RESPONSE.payload, ctx);
    expect(rsp).toEqual(RTDS_READING);
    expect(bytesToHex(gcs13a.encodeResponse(rsp, ctx))).toBe(bytesToHex(GCS13A_RESPONSE.payload));
  });

  it('round-trips through a real AES-GCM cipher, with a failed record', () => {
    const ctx = { header: GCS13A_RESPONSE.header, cipher: fakeGcmCipher() };
    const fields: Gcs13aResponse = { ...RTDS_READING, sequenceNumber: 7, divisor: { status: 'hardware-failure' }, currentSummationDelivered: { status: 'success', value: 2 ** 48 - 1 } };
    expect(gcs13a.decodeResponse(gcs13a.encodeResponse(fields, ctx), ctx)).toEqual(fields);
  });

  it('rejects wrong attribute lists, wrong types and a missing cipher', () => {
    const otherAttrs = spacedHexToBytes(bytesToHex(GCS13A_COMMAND.payload).replace('0203010300030000', '0203010300030100'));
    expect(() => gcs13a.decodeCommand(otherAttrs, GCS13A_COMMAND)).toThrow(/attribute ids 0x0302, 0x0301, 0x0300, 0x0000/);
    const badPlain = fixtureCipher([{ plain: spacedHexToBytes(GCS13A_PLAIN.replace(/\s/g, '').replace('0003003001', '0003002001')), sealed: spacedHexToBytes(GCS13A_SEALED) }]);
    expect(() => gcs13a.decodeResponse(GCS13A_RESPONSE.payload, { header: GCS13A_RESPONSE.header, cipher: badPlain })).toThrow(
      /read-attributes-response\(decrypted\)\.record\[2\]\.data-type.*expected enum8.*found uint8/,
    );
    expect(() => gcs13a.decodeResponse(GCS13A_RESPONSE.payload, { header: GCS13A_RESPONSE.header })).toThrow(PayloadContextError);
  });

  it('rejects every truncation and trailing bytes', () => {
    expectEveryPrefixRejected(GCS13A_COMMAND.payload, (b) => gcs13a.decodeCommand(b, GCS13A_COMMAND));
    expectTrailingRejected(GCS13A_COMMAND.payload, (b) => gcs13a.decodeCommand(b, GCS13A_COMMAND));
    const ctx = { header: GCS13A_RESPONSE.header, cipher };
    expectEveryPrefixRejected(GCS13A_RESPONSE.payload, (b) => gcs13a.decodeResponse(b, ctx));
    expectTrailingRejected(GCS13A_RESPONSE.payload, (b) => gcs13a.decodeResponse(b, ctx));
  });

  describe.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    it('GPF command and response', () => {
      const cmd = rtdsPayload('4.1.1_GCS13a', 'GCS13a_4.1.1_SUCCESS_RELIABLE_GPF_COMMAND');
      expect(bytesToHex(gcs13a.encodeCommand(gcs13a.decodeCommand(cmd.payload, cmd), cmd))).toBe(bytesToHex(cmd.payload));
      const rsp = rtdsPayload('4.1.1_GCS13a', 'GCS13a_4.1.1_SUCCESS_RELIABLE_GPF_RESPONSE');
      const ctx = { header: rsp.header, cipher };
      const fields = gcs13a.decodeResponse(rsp.payload, ctx);
      expect(fields).toEqual(RTDS_READING);
      expect(bytesToHex(gcs13a.encodeResponse(fields, ctx))).toBe(bytesToHex(rsp.payload));
    });

    it('ERROR response: divisor hardware failure', () => {
      const rsp = rtdsPayload('4.1.1_GCS13a', 'GCS13a_4.1.1_ERROR_RESPONSE');
      const ctx = { header: rsp.header, cipher: fixtureCipher([{ plain: spacedHexToBytes(ERROR_PLAIN), sealed: spacedHexToBytes(ERROR_SEALED) }]) };
      const fields = gcs13a.decodeResponse(rsp.payload, ctx);
      expect(fields).toEqual({ ...RTDS_READING, divisor: { status: 'hardware-failure' } });
      expect(bytesToHex(gcs13a.encodeResponse(fields, ctx))).toBe(bytesToHex(rsp.payload));
    });

    it('every GCS13a command variant', () => {
      for (const name of ['ERROR', 'SUCCESS_RELIABLE_GSME', 'SUCCESS_UNRELIABLE']) {
        const cmd = rtdsPayload('4.1.1_GCS13a', `GCS13a_4.1.1_${name}_COMMAND`);
        expect(bytesToHex(gcs13a.encodeCommand(gcs13a.decodeCommand(cmd.payload, cmd), cmd))).toBe(bytesToHex(cmd.payload));
      }
    });
  });
});
