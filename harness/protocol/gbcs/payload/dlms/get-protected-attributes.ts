// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * COSEM Data Protection (class id 30) method 1 "get_protected_attributes" as GBCS uses it
 * (e.g. ECS17b on 0-0:43.2.8.255).
 *
 * Request parameter (the Data of the action specification):
 *   structure {
 *     array of object definition structure {
 *       class id long-unsigned, logical name octet-string(6), attribute index integer,
 *       data index long-unsigned, restriction structure { type enum, value (null-data for none) } },
 *     array (1) of protection parameters }
 * Response data:
 *   structure { array (1) of protection parameters, protected attributes octet-string (sealed) }
 * Protection parameters:
 *   structure { protection type enum (2 = authentication and encryption),
 *     protection options structure {
 *       transaction id octet-string(9) = 04 ‖ originator counter (8, BE),
 *       originator system title octet-string(8), recipient system title octet-string(8),
 *       other information octet-string (empty),
 *       key info structure { key info type enum (2 = agreed key),
 *         agreed key options structure { key parameters octet-string(1) (02 = C(0e, 2s ECC CDH)),
 *                                        key ciphered data octet-string (empty) } } } }
 * The GBCS values come from the grouping header: {@link gbcsProtectionParameters}.
 */
import type { Eui64, GbcsHeader } from '../../frame-types.ts';
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { normalizeEui } from '../../eui.ts';
import { namedEnum } from '../named-enum.ts';
import type { PayloadCipher } from '../payload-cipher.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { checkSealedBlock, checkSealedOutput } from '../sealed-block.ts';
import { Axdr, type AxdrData, axdrOffset, decodeAxdrData, encodeAxdrData } from './axdr-data.ts';
import {
  axdrEqual,
  expectArray,
  expectEui,
  expectNumber,
  expectObisOctetString,
  expectOctetString,
  expectStructure,
  item,
} from './axdr-match.ts';
import { obisToBytes, type ObisCode } from './obis.ts';

export const DATA_PROTECTION_CLASS_ID = 30;
export const GET_PROTECTED_ATTRIBUTES_METHOD_ID = 1;

export const ProtectionTypes = namedEnum('protection-type', {
  authentication: 0,
  encryption: 1,
  'authentication-and-encryption': 2,
  'digital-signature': 3,
});
export type ProtectionType = ReturnType<typeof ProtectionTypes.nameOf>;

/** Key parameters 0x02: C(0e, 2s ECC CDH) — the GBCS agreed-key scheme. */
export const GBCS_KEY_PARAMETERS = 0x02;
/** First byte of the GBCS transaction id (the "encryption" CRA value of the KDF). */
export const GBCS_TRANSACTION_PREFIX = 0x04;

export interface ProtectionParameters {
  readonly protectionType: ProtectionType;
  /** transaction id = prefix byte ‖ 8-byte counter. */
  readonly transactionId: { readonly prefix: number; readonly counter: bigint };
  readonly originator: Eui64;
  readonly recipient: Eui64;
  readonly otherInformation: Uint8Array;
  /** Agreed key info (key info type 2), the only kind GBCS uses. */
  readonly keyInfo: { readonly keyParameters: number; readonly keyCipheredData: Uint8Array };
}

export interface ProtectedObjectDefinition {
  readonly classId: number;
  readonly logicalName: ObisCode;
  readonly attributeIndex: number;
  readonly dataIndex: number;
  readonly restrictionType: number;
  readonly restrictionValue: AxdrData;
}

export interface GetProtectedAttributesRequest {
  readonly objects: readonly ProtectedObjectDefinition[];
  readonly protection: ProtectionParameters;
}

export interface GetProtectedAttributesResponse {
  readonly protection: ProtectionParameters;
  /** The sealed block (31 00 00 00 00 ‖ ciphertext ‖ tag); open with {@link openProtectedAttributes}. */
  readonly protectedAttributes: Uint8Array;
}

/** Protection parameters GBCS derives from the grouping header of the message carrying them. */
export function gbcsProtectionParameters(header: Pick<GbcsHeader, 'counter' | 'originator' | 'recipient'>): ProtectionParameters {
  return {
    protectionType: 'authentication-and-encryption',
    transactionId: { prefix: GBCS_TRANSACTION_PREFIX, counter: header.counter },
    originator: normalizeEui(header.originator),
    recipient: normalizeEui(header.recipient),
    otherInformation: new Uint8Array(0),
    keyInfo: { keyParameters: GBCS_KEY_PARAMETERS, keyCipheredData: new Uint8Array(0) },
  };
}

export function protectionParametersToAxdr(p: ProtectionParameters, field = 'protection-parameters'): AxdrData {
  const tid = new PayloadWriter()
    .u8(p.transactionId.prefix, `${field}.transaction-id`)
    .bigUintBe(p.transactionId.counter, 8, `${field}.transaction-id`)
    .toBytes();
  return Axdr.structure(
    Axdr.enum(ProtectionTypes.codeOf(p.protectionType, `${field}.protection-type`)),
    Axdr.structure(
      Axdr.octetString(tid),
      Axdr.octetString(euiFieldBytes(p.originator, `${field}.originator`)),
      Axdr.octetString(euiFieldBytes(p.recipient, `${field}.recipient`)),
      Axdr.octetString(p.otherInformation),
      Axdr.structure(
        Axdr.enum(2),
        Axdr.structure(
          Axdr.octetString(new PayloadWriter().u8(p.keyInfo.keyParameters, `${field}.key-parameters`).toBytes()),
          Axdr.octetString(p.keyInfo.keyCipheredData),
        ),
      ),
    ),
  );
}

export function protectionParametersFromAxdr(d: AxdrData, field = 'protection-parameters'): ProtectionParameters {
  const top = expectStructure(d, field, 2);
  const protectionType = ProtectionTypes.nameOf(expectNumber(item(top, 0), 'enum', `${field}.protection-type`));
  const opts = expectStructure(item(top, 1), `${field}.protection-options`, 5);
  const tidNode = item(opts, 0);
  const tid = expectOctetString(tidNode, `${field}.transaction-id`, 9);
  const tr = new PayloadReader(tid, (axdrOffset(tidNode) ?? 0) + 2);
  const transactionId = { prefix: tr.u8(`${field}.transaction-id`), counter: tr.bigUintBe(8, `${field}.transaction-id`) };
  const originator = expectEui(item(opts, 1), `${field}.originator-system-title`);
  const recipient = expectEui(item(opts, 2), `${field}.recipient-system-title`);
  const otherInformation = expectOctetString(item(opts, 3), `${field}.other-information`);
  const ki = expectStructure(item(opts, 4), `${field}.key-info`, 2);
  const kiType = expectNumber(item(ki, 0), 'enum', `${field}.key-info.type`);
  if (kiType !== 2) {
    throw new PayloadDecodeError(axdrOffset(item(ki, 0)) ?? 0, `${field}.key-info.type`, 'enum 2 (agreed key)', String(kiType));
  }
  const ak = expectStructure(item(ki, 1), `${field}.key-info.agreed-key-options`, 2);
  const kp = expectOctetString(item(ak, 0), `${field}.key-info.key-parameters`, 1);
  const keyCipheredData = expectOctetString(item(ak, 1), `${field}.key-info.key-ciphered-data`);
  return {
    protectionType,
    transactionId,
    originator,
    recipient,
    otherInformation,
    keyInfo: { keyParameters: kp[0] as number, keyCipheredData },
  };
}

export function protectionParametersEqual(a: ProtectionParameters, b: ProtectionParameters): boolean {
  return axdrEqual(protectionParametersToAxdr(a), protectionParametersToAxdr(b));
}

export function getProtectedAttributesRequestToAxdr(req: GetProtectedAttributesRequest): AxdrData {
  return Axdr.structure(
    Axdr.array(
      ...req.objects.map((o, i) => {
        const f = `get-protected-attributes.object[${i}]`;
        return Axdr.structure(
          Axdr.longUnsigned(o.classId),
          Axdr.octetString(obisToBytes(o.logicalName, `${f}.logical-name`)),
          Axdr.integer(o.attributeIndex),
          Axdr.longUnsigned(o.dataIndex),
          Axdr.structure(Axdr.enum(o.restrictionType), o.restrictionValue),
        );
      }),
    ),
    Axdr.array(protectionParametersToAxdr(req.protection, 'get-protected-attributes.protection-parameters')),
  );
}

export function getProtectedAttributesRequestFromAxdr(d: AxdrData, field = 'get-protected-attributes'): GetProtectedAttributesRequest {
  const top = expectStructure(d, field, 2);
  const objects = expectArray(item(top, 0), `${field}.objects`).map((o, i): ProtectedObjectDefinition => {
    const f = `${field}.object[${i}]`;
    const s = expectStructure(o, f, 5);
    const restriction = expectStructure(item(s, 4), `${f}.restriction`, 2);
    return {
      classId: expectNumber(item(s, 0), 'long-unsigned', `${f}.class-id`),
      logicalName: expectObisOctetString(item(s, 1), `${f}.logical-name`),
      attributeIndex: expectNumber(item(s, 2), 'integer', `${f}.attribute-index`),
      dataIndex: expectNumber(item(s, 3), 'long-unsigned', `${f}.data-index`),
      restrictionType: expectNumber(item(restriction, 0), 'enum', `${f}.restriction.type`),
      restrictionValue: item(restriction, 1),
    };
  });
  const prot = expectArray(item(top, 1), `${field}.protection-parameters`, 1);
  return { objects, protection: protectionParametersFromAxdr(item(prot, 0), `${field}.protection-parameters[0]`) };
}

export function getProtectedAttributesResponseToAxdr(rsp: GetProtectedAttributesResponse): AxdrData {
  return Axdr.structure(
    Axdr.array(protectionParametersToAxdr(rsp.protection, 'get-protected-attributes-response.protection-parameters')),
    Axdr.octetString(checkSealedOutput(rsp.protectedAttributes, 'get-protected-attributes-response.protected-attributes')),
  );
}

export function getProtectedAttributesResponseFromAxdr(d: AxdrData, field = 'get-protected-attributes-response'): GetProtectedAttributesResponse {
  const top = expectStructure(d, field, 2);
  const prot = expectArray(item(top, 0), `${field}.protection-parameters`, 1);
  const protection = protectionParametersFromAxdr(item(prot, 0), `${field}.protection-parameters[0]`);
  const sealedNode = item(top, 1);
  const sealed = expectOctetString(sealedNode, `${field}.protected-attributes`);
  checkSealedBlock(sealed, (axdrOffset(sealedNode) ?? 0) + 2, `${field}.protected-attributes`);
  return { protection, protectedAttributes: sealed };
}

/** Encrypts the protected attributes value (one Data) into a sealed block. */
export function sealProtectedAttributes(value: AxdrData, cipher: PayloadCipher): Uint8Array {
  return checkSealedOutput(cipher.seal(encodeAxdrData(value, 'protected-attributes')), 'protected-attributes');
}

/**
 * Decrypts a sealed block and decodes the single Data inside. Offsets in decode errors are
 * relative to the decrypted plaintext; the field path says so.
 */
export function openProtectedAttributes(sealed: Uint8Array, cipher: PayloadCipher): AxdrData {
  const plain = cipher.open(sealed);
  return decodeAxdrData(plain, 'protected-attributes(decrypted)');
}

/**
 * Rejects protection parameters that differ from what GBCS derives from the header
 * ({@link gbcsProtectionParameters}), naming the first differing field.
 */
export function expectGbcsProtection(
  found: ProtectionParameters,
  header: Pick<GbcsHeader, 'counter' | 'originator' | 'recipient'>,
  node: AxdrData,
  field: string,
): void {
  const want = gbcsProtectionParameters(header);
  const at = axdrOffset(node) ?? 0;
  const check = (ok: boolean, name: string, expected: string, got: string): void => {
    if (!ok) throw new PayloadDecodeError(at, `${field}.${name}`, expected, got);
  };
  check(found.protectionType === want.protectionType, 'protection-type', want.protectionType, found.protectionType);
  check(
    found.transactionId.prefix === want.transactionId.prefix && found.transactionId.counter === want.transactionId.counter,
    'transaction-id',
    `04 ‖ originator counter ${want.transactionId.counter}`,
    `${found.transactionId.prefix.toString(16).padStart(2, '0')} ‖ ${found.transactionId.counter}`,
  );
  check(found.originator === want.originator, 'originator-system-title', `${want.originator} (the message originator)`, found.originator);
  check(found.recipient === want.recipient, 'recipient-system-title', `${want.recipient} (the message recipient)`, found.recipient);
  check(found.otherInformation.length === 0, 'other-information', 'an empty octet-string', `${found.otherInformation.length} byte(s)`);
  check(found.keyInfo.keyParameters === GBCS_KEY_PARAMETERS, 'key-info.key-parameters', '02 (C(0e, 2s ECC CDH))', String(found.keyInfo.keyParameters));
  check(found.keyInfo.keyCipheredData.length === 0, 'key-info.key-ciphered-data', 'an empty octet-string', `${found.keyInfo.keyCipheredData.length} byte(s)`);
}
