// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Firmware Distribution Receipt Alerts (FDRA): a device that has received a whole firmware image
 * (SRV 11.1, sent by the CHF as a ZigBee OTA upgrade image) verifies it and tells the user who
 * asked for the distribution, with the hash it calculated over the manufacturer image
 * [V: RTDS NA_FDRA-DLMS, NA_FDRA-ZigBee; message-codes.json]:
 *
 * | message code | from                  | payload                                              |
 * | ------------ | --------------------- | ---------------------------------------------------- |
 * | 0x00CE       | ESME (or the comms hub) | DLMS Data-Notification {alert code, time stamp, octet-string(32) hash} |
 * | 0x00CF       | GSME                  | GBZ alert, one component: the hash as an A-XDR octet-string (09 20 …) |
 *
 * Alert codes: 0x8F72 Firmware Verification Successful (RTDS), 0x8F1C Firmware Verification
 * Failed [P: same content — the hash the device calculated — as RTDS shows for 0x8F72]. Both
 * signed by the device, not MAC-wrapped, no header date-time, to the user (RTDS: the supplier).
 * The codecs are named FDRA after the message, as message-codes.json names it.
 */
import { bytesToHex } from '../../hex.ts';
import { Axdr, decodeAxdrData, encodeAxdrData } from '../dlms/axdr-data.ts';
import { expectOctetString, item } from '../dlms/axdr-match.ts';
import { hashFieldBytes } from '../field-bytes.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { decodeGbzAlert, encodeGbzAlert, GBZ_ALERT_BODY_OFFSET } from '../zcl/gbz-alert.ts';
import { dateToZclUtc, zclUtcToDate } from '../zcl/zcl-utc-time.ts';
import { alertCodeText, dlmsAlertCodec } from './dlms-alert.ts';
import type { AlertCodec } from './use-case-codec.ts';

export const MESSAGE_CODE_FDRA_DLMS = 0x00ce;
export const MESSAGE_CODE_FDRA_GBZ = 0x00cf;
export const ALERT_FIRMWARE_VERIFICATION_SUCCESSFUL = 0x8f72;
export const ALERT_FIRMWARE_VERIFICATION_FAILED = 0x8f1c;

const HASH_BYTES = 32;

/** The hash the device calculated over the image it received, 64 hex digits. */
export interface CalculatedImageHash {
  readonly calculatedImageHash: string;
}


function dlmsFdra(alertCode: number, alertName: string) {
  return dlmsAlertCodec<CalculatedImageHash>({
    name: 'FDRA',
    messageCode: MESSAGE_CODE_FDRA_DLMS,
    alertCode,
    alertName,
    useCaseTitle: 'Firmware Distribution Receipt Alert (ESME or comms hub)',
    contentCount: 1,
    encodeContent: (f) => [Axdr.octetString(hashFieldBytes(f.calculatedImageHash, 'FDRA alert.calculatedImageHash'))],
    decodeContent: (content) => ({ calculatedImageHash: bytesToHex(expectOctetString(item(content, 0), 'data-notification.body.content[0].calculated-hash', HASH_BYTES)) }),
  });
}

/** The GBZ alert's time stamp (UTC, whole seconds) and the calculated hash. */
export interface GbzFirmwareReceipt extends CalculatedImageHash {
  readonly timeStamp: Date;
}

function gbzFdra(alertCode: number, alertName: string): AlertCodec<GbzFirmwareReceipt> {
  return {
    kind: 'alert',
    name: 'FDRA',
    messageCode: MESSAGE_CODE_FDRA_GBZ,
    srv: 'NA',
    title: `Firmware Distribution Receipt Alert (GSME): ${alertName} (${alertCodeText(alertCode)})`,
    payloadKind: 'gbz',
    alertCode,
    encodeAlert(f) {
      const body = encodeAxdrData(Axdr.octetString(hashFieldBytes(f.calculatedImageHash, 'FDRA alert.calculatedImageHash')), 'gbz-alert.body');
      return encodeGbzAlert({ componentCount: 1, alertCode, timeStamp: dateToZclUtc(f.timeStamp), body });
    },
    decodeAlert(payload) {
      const a = decodeGbzAlert(payload);
      if (a.alertCode !== alertCode) throw new PayloadDecodeError(3, 'gbz-alert.alert-code', `${alertCodeText(alertCode)} (${alertName})`, alertCodeText(a.alertCode));
      if (a.componentCount !== 1) throw new PayloadDecodeError(2, 'gbz-alert.component-count', '1 (the calculated hash)', String(a.componentCount));
      const hash = decodeAxdrData(a.body, 'gbz-alert.body', GBZ_ALERT_BODY_OFFSET);
      const bytes = expectOctetString(hash, 'gbz-alert.body.calculated-hash', HASH_BYTES);
      return { timeStamp: zclUtcToDate(a.timeStamp), calculatedImageHash: bytesToHex(bytes) };
    },
  };
}

export const fdraVerifiedDlms = dlmsFdra(ALERT_FIRMWARE_VERIFICATION_SUCCESSFUL, 'Firmware Verification Successful');
export const fdraVerificationFailedDlms = dlmsFdra(ALERT_FIRMWARE_VERIFICATION_FAILED, 'Firmware Verification Failed');
export const fdraVerifiedGbz = gbzFdra(ALERT_FIRMWARE_VERIFICATION_SUCCESSFUL, 'Firmware Verification Successful');
export const fdraVerificationFailedGbz = gbzFdra(ALERT_FIRMWARE_VERIFICATION_FAILED, 'Firmware Verification Failed');
