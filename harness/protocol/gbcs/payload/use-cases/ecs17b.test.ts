// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadContextError, PayloadDecodeError } from '../payload-errors.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { fakeGcmCipher, fixtureCipher } from '../testing/fake-payload-cipher.ts';
import { ECS17B_COMMAND, ECS17B_PLAIN, ECS17B_RESPONSE, ECS17B_SEALED } from '../testing/payloads-md-fixtures.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { ECS17B_COMMAND_FIELDS, ecs17b } from './ecs17b.ts';

const cipher = fixtureCipher([{ plain: spacedHexToBytes(ECS17B_PLAIN), sealed: spacedHexToBytes(ECS17B_SEALED) }]);
const cmdCtx = { header: ECS17B_COMMAND.header };
const rspCtx = { header: ECS17B_RESPONSE.header, cipher };

/**
 * RTDS TWIN response: its sealed block and the plaintext inside, decrypted once with the RTDS
 * test keys (supplier 90B3D51F30020000 KA private key, ESME certificate) by the GBCS KDF;
 * PAYLOADS.md does not annotate this message.
 */
const TWIN_SEALED =
  '3100000000690AF3A36A8001FB52EE7A5F4BB7DDB0BD67CAF55AD76A0DFAD5DA6B40141EFDB429F29EC7238DBC4046C5';
const TWIN_PLAIN = '02010205060000000A02020F00161E060000000A02020F001620060000000A';

describe('ECS17b Read ESME Energy Registers (Import Energy)', () => {
  it('decodes the command to the object it reads and re-encodes it byte-exact', () => {
    expect(ecs17b.decodeCommand(ECS17B_COMMAND.payload, cmdCtx)).toEqual({
      objects: [{ classId: 1, logicalName: '0-0:94.44.34.10', attributeIndex: 2, dataIndex: 0 }],
    });
    expect(bytesToHex(ecs17b.encodeCommand(ECS17B_COMMAND_FIELDS, cmdCtx))).toBe(bytesToHex(ECS17B_COMMAND.payload));
  });

  it('decodes the response registers through the cipher and re-encodes them byte-exact', () => {
    const rsp = ecs17b.decodeResponse(ECS17B_RESPONSE.payload, rspCtx);
    expect(rsp).toEqual({
      ok: true,
      registers: [
        { value: 10, scaler: 0, unit: 'Wh' },
        { value: 10, scaler: 0, unit: 'varh' },
      ],
    });
    expect(bytesToHex(ecs17b.encodeResponse(rsp, rspCtx))).toBe(bytesToHex(ECS17B_RESPONSE.payload));
  });

  it('round-trips registers through a real AES-GCM cipher', () => {
    const ctx = { header: ECS17B_RESPONSE.header, cipher: fakeGcmCipher() };
    const fields = { ok: true as const, registers: [{ value: 4_000_000_000, scaler: -3, unit: 'Wh' as const }, { value: 7, scaler: null, unit: null }] };
    expect(ecs17b.decodeResponse(ecs17b.encodeResponse(fields, ctx), ctx)).toEqual(fields);
  });

  it('decodes a failed action (RTDS ERROR response)', () => {
    const ctx = { header: { ...ECS17B_RESPONSE.header, counter: 1001n } };
    const payload = spacedHexToBytes('DA200003E900000100010301');
    expect(ecs17b.decodeResponse(payload, ctx)).toEqual({ ok: false, result: 'hardware-fault' });
    expect(bytesToHex(ecs17b.encodeResponse({ ok: false, result: 'hardware-fault' }, ctx))).toBe(bytesToHex(payload));
  });

  it('rejects a payload that disagrees with its header', () => {
    expect(() => ecs17b.decodeCommand(ECS17B_COMMAND.payload, { header: { ...ECS17B_COMMAND.header, counter: 1001n } })).toThrow(
      /invoke-id.*expected 20 0003E9.*found 20 0003E8/,
    );
    expect(() =>
      ecs17b.decodeCommand(ECS17B_COMMAND.payload, { header: { ...ECS17B_COMMAND.header, originator: '90B3D51F30020000' } }),
    ).toThrow(/originator-system-title/);
    expect(() => ecs17b.decodeResponse(ECS17B_RESPONSE.payload, { ...rspCtx, header: { ...ECS17B_RESPONSE.header, recipient: '90B3D51F30020000' } })).toThrow(
      PayloadDecodeError,
    );
  });

  it('needs a cipher for the registers', () => {
    expect(() => ecs17b.decodeResponse(ECS17B_RESPONSE.payload, { header: ECS17B_RESPONSE.header })).toThrow(PayloadContextError);
  });

  it('rejects every truncation and trailing bytes', () => {
    expectEveryPrefixRejected(ECS17B_COMMAND.payload, (b) => ecs17b.decodeCommand(b, cmdCtx));
    expectTrailingRejected(ECS17B_COMMAND.payload, (b) => ecs17b.decodeCommand(b, cmdCtx));
    expectEveryPrefixRejected(ECS17B_RESPONSE.payload, (b) => ecs17b.decodeResponse(b, rspCtx));
    expectTrailingRejected(ECS17B_RESPONSE.payload, (b) => ecs17b.decodeResponse(b, rspCtx));
  });

  describe.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    it('SINGLE command and response', () => {
      const cmd = rtdsPayload('4.1.1_ECS17b', 'ECS17b_4.1.1_SINGLE_SUCCESS_COMMAND');
      const fields = ecs17b.decodeCommand(cmd.payload, cmd);
      expect(fields).toEqual(ECS17B_COMMAND_FIELDS);
      expect(bytesToHex(ecs17b.encodeCommand(fields, cmd))).toBe(bytesToHex(cmd.payload));
      const rsp = rtdsPayload('4.1.1_ECS17b', 'ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE');
      const ctx = { header: rsp.header, cipher };
      const r = ecs17b.decodeResponse(rsp.payload, ctx);
      expect(r).toEqual({ ok: true, registers: [{ value: 10, scaler: 0, unit: 'Wh' }, { value: 10, scaler: 0, unit: 'varh' }] });
      expect(bytesToHex(ecs17b.encodeResponse(r, ctx))).toBe(bytesToHex(rsp.payload));
    });

    it('TWIN command and response', () => {
      const cmd = rtdsPayload('4.1.1_ECS17b', 'ECS17b_4.1.1_TWIN_SUCCESS_COMMAND');
      expect(bytesToHex(ecs17b.encodeCommand(ecs17b.decodeCommand(cmd.payload, cmd), cmd))).toBe(bytesToHex(cmd.payload));
      const rsp = rtdsPayload('4.1.1_ECS17b', 'ECS17b_4.1.1_TWIN_SUCCESS_RESPONSE');
      const ctx = { header: rsp.header, cipher: fixtureCipher([{ plain: spacedHexToBytes(TWIN_PLAIN), sealed: spacedHexToBytes(TWIN_SEALED) }]) };
      const r = ecs17b.decodeResponse(rsp.payload, ctx);
      expect(r).toEqual({
        ok: true,
        registers: [
          { value: 10, scaler: 0, unit: 'Wh' },
          { value: 10, scaler: 0, unit: 'varh' },
          { value: 10, scaler: null, unit: null },
        ],
      });
      expect(bytesToHex(ecs17b.encodeResponse(r, ctx))).toBe(bytesToHex(rsp.payload));
    });

    it('ERROR command and response', () => {
      const cmd = rtdsPayload('4.1.1_ECS17b', 'ECS17b_4.1.1_ERROR_COMMAND');
      expect(bytesToHex(ecs17b.encodeCommand(ecs17b.decodeCommand(cmd.payload, cmd), cmd))).toBe(bytesToHex(cmd.payload));
      const rsp = rtdsPayload('4.1.1_ECS17b', 'ECS17b_4.1.1_ERROR_RESPONSE');
      expect(ecs17b.decodeResponse(rsp.payload, rsp)).toEqual({ ok: false, result: 'hardware-fault' });
      expect(bytesToHex(ecs17b.encodeResponse({ ok: false, result: 'hardware-fault' }, rsp))).toBe(bytesToHex(rsp.payload));
    });
  });
});
