// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { fakeGcmCipher } from '../testing/fake-payload-cipher.ts';
import { GCS13A_COMMAND, GCS13A_RESPONSE, GCS13A_SEALED, GCS38_RESPONSE } from '../testing/payloads-md-fixtures.ts';
import { decodeGbz, encodeGbz, gbzContentOffset, openGbzComponent, sealGbzComponent, type GbzPlainComponent } from './gbz.ts';

describe('GBZ payload', () => {
  it('decodes the plain GCS13a command component', () => {
    const gbz = decodeGbz(GCS13A_COMMAND.payload);
    expect(gbz.components).toHaveLength(1);
    const c = gbz.components[0] as GbzPlainComponent;
    expect(c).toMatchObject({ kind: 'plain', clusterId: 0x0702, fromDateTime: null });
    expect(c.header).toEqual({
      frameControl: { frameType: 'global', direction: 'client-to-server', disableDefaultResponse: false },
      manufacturerCode: null,
      sequenceNumber: 0,
      commandId: 0,
    });
    expect(bytesToHex(c.payload)).toBe('0203010300030000');
    expect(gbzContentOffset(c)).toBe(11);
    expect(bytesToHex(encodeGbz(gbz))).toBe(bytesToHex(GCS13A_COMMAND.payload));
  });

  it('decodes the encrypted GCS13a response component and keeps the sealed block', () => {
    const gbz = decodeGbz(GCS13A_RESPONSE.payload);
    const c = gbz.components[0];
    expect(c?.kind).toBe('encrypted');
    if (c?.kind !== 'encrypted') return;
    expect(c.additionalHeader).toEqual({ control: 0, frameCounter: 0 });
    expect(c.header.frameControl).toEqual({ frameType: 'global', direction: 'server-to-client', disableDefaultResponse: true });
    expect(c.header.commandId).toBe(1);
    expect(bytesToHex(c.sealed)).toBe(bytesToHex(spacedHexToBytes(GCS13A_SEALED)));
    expect(bytesToHex(encodeGbz(gbz))).toBe(bytesToHex(GCS13A_RESPONSE.payload));
  });

  it('seals and opens a component', () => {
    const cipher = fakeGcmCipher();
    const plain = decodeGbz(GCS38_RESPONSE.payload).components[0] as GbzPlainComponent;
    const sealed = sealGbzComponent(plain, cipher);
    const bytes = encodeGbz({ components: [sealed] });
    expect(bytesToHex(bytes.subarray(0, 4))).toBe('01090103');
    const back = decodeGbz(bytes).components[0];
    if (back?.kind !== 'encrypted') throw new Error('not encrypted');
    expect(openGbzComponent(back, cipher)).toEqual({ ...plain });
  });

  it('round-trips several components with a from-date-time, marking only the last', () => {
    const hex = '0109 02 10 0705 0008 1C0E6C00 000001 AA 01 0705 0003 000002';
    const gbz = decodeGbz(spacedHexToBytes(hex));
    expect(gbz.components.map((c) => c.fromDateTime)).toEqual([0x1c0e6c00, null]);
    expect(bytesToHex(encodeGbz(gbz))).toBe(bytesToHex(spacedHexToBytes(hex)));
  });

  it('rejects control bits out of place, unknown bits, another profile and every truncation', () => {
    expect(() => decodeGbz(spacedHexToBytes('0109 01 00 0702 0003 000000'))).toThrow(/bit 0x01 set on the last/);
    expect(() => decodeGbz(spacedHexToBytes('0109 02 01 0702 0003 000000 01 0702 0003 000000'))).toThrow(/clear before the last/);
    expect(() => decodeGbz(spacedHexToBytes('0109 01 05 0702 0003 000000'))).toThrow(/only bits/);
    expect(() => decodeGbz(spacedHexToBytes('0104 01 01 0702 0003 000000'))).toThrow(/01 09/);
    expect(() => decodeGbz(spacedHexToBytes('0109 01 03 0702 0007 0000 180001 0000'))).toThrow(/sealed block/);
    for (const p of [GCS13A_COMMAND.payload, GCS13A_RESPONSE.payload, GCS38_RESPONSE.payload]) {
      expectEveryPrefixRejected(p, decodeGbz);
      expectTrailingRejected(p, decodeGbz);
    }
  });
});
