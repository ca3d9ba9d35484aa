// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { fakeGcmCipher, fixtureCipher } from '../testing/fake-payload-cipher.ts';
import { ECS17B_COMMAND, ECS17B_PLAIN, ECS17B_RESPONSE, ECS17B_SEALED, ESME, SUPPLIER } from '../testing/payloads-md-fixtures.ts';
import { decodeAccessRequest } from './access-request.ts';
import { decodeAccessResponse } from './access-response.ts';
import { Axdr, decodeAxdrData, encodeAxdrData } from './axdr-data.ts';
import {
  gbcsProtectionParameters,
  getProtectedAttributesRequestFromAxdr,
  getProtectedAttributesRequestToAxdr,
  getProtectedAttributesResponseFromAxdr,
  getProtectedAttributesResponseToAxdr,
  openProtectedAttributes,
  protectionParametersEqual,
  sealProtectedAttributes,
} from './get-protected-attributes.ts';

describe('Data Protection get_protected_attributes', () => {
  it('reads the ECS17b request parameter', () => {
    const data = decodeAccessRequest(ECS17B_COMMAND.payload).data[0];
    if (!data) throw new Error('no data');
    const req = getProtectedAttributesRequestFromAxdr(data);
    expect(req.objects).toEqual([
      { classId: 1, logicalName: '0-0:94.44.34.10', attributeIndex: 2, dataIndex: 0, restrictionType: 0, restrictionValue: Axdr.nullData() },
    ]);
    expect(req.protection).toEqual({
      protectionType: 'authentication-and-encryption',
      transactionId: { prefix: 4, counter: 1000n },
      originator: SUPPLIER,
      recipient: ESME,
      otherInformation: new Uint8Array(0),
      keyInfo: { keyParameters: 2, keyCipheredData: new Uint8Array(0) },
    });
    expect(protectionParametersEqual(req.protection, gbcsProtectionParameters(ECS17B_COMMAND.header))).toBe(true);
    expect(bytesToHex(encodeAxdrData(getProtectedAttributesRequestToAxdr(req)))).toBe(bytesToHex(encodeAxdrData(data)));
  });

  it('reads the ECS17b response and opens the protected attributes', () => {
    const data = decodeAccessResponse(ECS17B_RESPONSE.payload).data[0];
    if (!data) throw new Error('no data');
    const rsp = getProtectedAttributesResponseFromAxdr(data);
    expect(rsp.protection).toEqual(gbcsProtectionParameters(ECS17B_RESPONSE.header));
    expect(bytesToHex(rsp.protectedAttributes)).toBe(bytesToHex(spacedHexToBytes(ECS17B_SEALED)));
    const cipher = fixtureCipher([{ plain: spacedHexToBytes(ECS17B_PLAIN), sealed: spacedHexToBytes(ECS17B_SEALED) }]);
    expect(openProtectedAttributes(rsp.protectedAttributes, cipher)).toEqual(decodeAxdrData(spacedHexToBytes(ECS17B_PLAIN)));
    expect(bytesToHex(encodeAxdrData(getProtectedAttributesResponseToAxdr(rsp)))).toBe(bytesToHex(encodeAxdrData(data)));
  });

  it('seals and opens through a real AES-GCM cipher', () => {
    const cipher = fakeGcmCipher();
    const value = decodeAxdrData(spacedHexToBytes(ECS17B_PLAIN));
    const sealed = sealProtectedAttributes(value, cipher);
    expect(bytesToHex(sealed.subarray(0, 5))).toBe('3100000000');
    expect(sealed.length).toBe(5 + 26 + 12);
    expect(openProtectedAttributes(sealed, cipher)).toEqual(value);
  });

  it('reports a malformed decrypted block relative to the plaintext', () => {
    const cipher = fixtureCipher([{ plain: spacedHexToBytes('0202 0600'), sealed: spacedHexToBytes(ECS17B_SEALED) }]);
    try {
      openProtectedAttributes(spacedHexToBytes(ECS17B_SEALED), cipher);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PayloadDecodeError);
      expect((e as PayloadDecodeError).field).toContain('(decrypted)');
    }
  });

  it('rejects a wrong key info type and a malformed transaction id', () => {
    const good = getProtectedAttributesRequestToAxdr({ objects: [], protection: gbcsProtectionParameters(ECS17B_COMMAND.header) });
    const hex = bytesToHex(encodeAxdrData(good));
    const wrongKeyInfo = hex.replace('020216020202090102', '020216010202090102');
    expect(() => getProtectedAttributesRequestFromAxdr(decodeAxdrData(spacedHexToBytes(wrongKeyInfo)))).toThrow(/agreed key/);
    const shortTid = hex.replace('09090400000000000003E8', '0908000000000000 03E8'.replace(' ', ''));
    expect(() => getProtectedAttributesRequestFromAxdr(decodeAxdrData(spacedHexToBytes(shortTid)))).toThrow(PayloadDecodeError);
  });
});
