// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS08 — Firmware Transfer Alert, message code 0x0128: the CHF tells the DCC Access Control
 * Broker how the transfer of a firmware image to a HAN device ended (SRV 11.1 distribution: the
 * CHF sends the image to the device as a ZigBee OTA upgrade image, block by block). Signed by
 * the CHF, not MAC-wrapped, no header date-time [V: RTDS NA_CCS08]. ASN.1 DER [I: field names as
 * the public GBCS message parser (Smart DCC) reads them]:
 *
 *   SEQUENCE { alertCode INTEGER (0x8F8A transfer succeeded / 0x8F89 transfer failed),
 *              executionDateTime GeneralizedTime, entityId OCTET STRING (8) — the device the
 *              image went to, firmwareVersion OCTET STRING — the image's version,
 *              responseCode INTEGER }
 *
 * RTDS: 0x8F8A, 2015-01-01 00:00, device 00-DB-12-34-56-78-90-A4, version 0123ABCD, code 0.
 * Response codes [I]: 0 success, 1 image discarded, 2 hardware version mismatch, 3 file transfer
 * failure. [P] A failed transfer is 0x8F89 with a non-zero code (3 when the HAN transfer broke off).
 */
import type { Eui64 } from '../../frame-types.ts';
import { bytesToHex } from '../../hex.ts';
import type { DerNode } from '../asn1-der.ts';
import {
  derBigUnsignedInteger,
  derGeneralizedTime,
  derOctetString,
  derSequence,
  derSmallInteger,
  expectDerSequence,
  expectDerUniversal,
  oneDerValue,
  readDerEui,
  readDerGeneralizedTime,
  readDerSmallInteger,
  readDerUnsignedInteger,
} from '../der-fields.ts';
import { euiFieldBytes, hexFieldBytes } from '../field-bytes.ts';
import { namedEnum } from '../named-enum.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import type { AlertCodec } from './use-case-codec.ts';

export const CCS08_MESSAGE_CODE = 0x0128;
export const ALERT_FIRMWARE_TRANSFER_SUCCEEDED = 0x8f8a;
export const ALERT_FIRMWARE_TRANSFER_FAILED = 0x8f89;

export const FirmwareTransferResults = namedEnum('firmware-transfer-result', {
  success: 0,
  'image-discarded': 1,
  'hardware-version-mismatch': 2,
  'file-transfer-failure': 3,
});
export type FirmwareTransferResult = ReturnType<typeof FirmwareTransferResults.nameOf>;

export interface FirmwareTransferAlert {
  /** When the transfer ended, ISO UTC to the second. */
  readonly executionDateTime: string;
  /** The device the image was sent to. */
  readonly entityId: Eui64;
  /** The version of the image sent, upper-case hex. */
  readonly firmwareVersion: string;
  readonly result: FirmwareTransferResult;
}

function transferAlert(alertCode: number, what: string): AlertCodec<FirmwareTransferAlert> {
  const hex = `0x${alertCode.toString(16).toUpperCase()}`;
  return {
    kind: 'alert',
    name: 'CCS08',
    messageCode: CCS08_MESSAGE_CODE,
    srv: 'NA',
    title: `Firmware Transfer Alert: ${what} (${hex})`,
    payloadKind: 'der',
    alertCode,
    encodeAlert(f) {
      const field = 'CCS08 alert';
      return derSequence(
        [
          derBigUnsignedInteger(BigInt(alertCode), `${field}.alertCode`),
          derGeneralizedTime(f.executionDateTime, `${field}.executionDateTime`),
          derOctetString(euiFieldBytes(f.entityId, `${field}.entityId`), `${field}.entityId`),
          derOctetString(hexFieldBytes(f.firmwareVersion, `${field}.firmwareVersion`), `${field}.firmwareVersion`),
          derSmallInteger(FirmwareTransferResults.codeOf(f.result, `${field}.result`), `${field}.result`),
        ],
        field,
      );
    },
    decodeAlert(payload) {
      const [code, when, entity, version, result] = expectDerSequence(oneDerValue(payload, 'alert'), 'alert', 5, 'alert code, date-time, entity id, firmware version, response code') as [DerNode, DerNode, DerNode, DerNode, DerNode];
      const found = readDerUnsignedInteger(code, 'alert.alert-code');
      if (found !== BigInt(alertCode)) throw new PayloadDecodeError(code.offset, 'alert.alert-code', `${hex} (${what})`, `0x${found.toString(16).toUpperCase()}`);
      return {
        executionDateTime: readDerGeneralizedTime(when, 'alert.execution-date-time'),
        entityId: readDerEui(entity, 'alert.entity-id'),
        firmwareVersion: bytesToHex(expectDerUniversal(version, 'OCTET STRING', 'alert.firmware-version').content),
        result: FirmwareTransferResults.nameOf(readDerSmallInteger(result, 'alert.response-code')),
      };
    },
  };
}

export const ccs08TransferSucceeded = transferAlert(ALERT_FIRMWARE_TRANSFER_SUCCEEDED, 'Firmware Transfer Succeeded');
export const ccs08TransferFailed = transferAlert(ALERT_FIRMWARE_TRANSFER_FAILED, 'Firmware Transfer Failed');
