// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CS14 alert 0x8F12 — CHF Device Log Changed, message code 0x0018 (CHF → ACB).
 *
 * DLMS Data-Notification: structure { alert code 0x8F12, time stamp, body } where body is
 * structure { date-time octet-string(12), octet-string(8), array of structure { device id
 * octet-string(8), key hash octet-string(16) } } — the same shape CCS07 returns as the device log.
 * RTDS: 2015-01-01 00:00, 00-01-02-03-04-05-06-07, ESME …-A0 and GSME …-A1 with their hashes.
 */
import type { Eui64 } from '../../frame-types.ts';
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectArray, expectDateTimeOctetString, expectEui, expectOctetString, expectStructure, item } from '../dlms/axdr-match.ts';
import { encodeCosemDateTime, type CosemDateTime } from '../dlms/cosem-date-time.ts';
import { decodeGbcsDlmsAlert, encodeGbcsDlmsAlert } from '../dlms/data-notification.ts';
import { gbcsLongInvokeId } from '../dlms/long-invoke-id.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { checkInvoke } from './dlms-exchange.ts';
import type { AlertCodec } from './use-case-codec.ts';

export const ALERT_CHF_DEVICE_LOG_CHANGED = 0x8f12;

export interface DeviceLogEntry {
  readonly deviceId: Eui64;
  /** 16-byte key hash (key material, kept as bytes). */
  readonly keyHash: Uint8Array;
}

export interface DeviceLogChangedAlert {
  /** Alert time stamp. */
  readonly timeStamp: CosemDateTime;
  /** First element of the body: when the log changed. */
  readonly changedAt: CosemDateTime;
  /**
   * Second element of the body, an 8-byte identifier (RTDS 00-01-02-03-04-05-06-07; GBCS meaning
   * not in the public material at hand — possibly the CHF / log owner).
   */
  readonly logIdentifier: Eui64;
  readonly devices: readonly DeviceLogEntry[];
}

const BODY = 'data-notification.body.content[0]';

export const cs14DeviceLogChanged: AlertCodec<DeviceLogChangedAlert> = {
  kind: 'alert',
  name: 'CS14',
  messageCode: 0x0018,
  srv: 'NA',
  title: 'Device Addition To / Removal From HAN Whitelist Alert: CHF Device Log Changed (0x8F12)',
  payloadKind: 'dlms',
  alertCode: ALERT_CHF_DEVICE_LOG_CHANGED,

  encodeAlert(f, ctx) {
    const body = Axdr.structure(
      Axdr.octetString(encodeCosemDateTime(f.changedAt, 'CS14 alert.changedAt')),
      Axdr.octetString(euiFieldBytes(f.logIdentifier, 'CS14 alert.logIdentifier')),
      Axdr.array(
        ...f.devices.map((d, i) => {
          if (d.keyHash.length !== 16) throw new PayloadEncodeError(`CS14 alert.devices[${i}].keyHash`, '16 bytes', String(d.keyHash.length));
          return Axdr.structure(Axdr.octetString(euiFieldBytes(d.deviceId, `CS14 alert.devices[${i}].deviceId`)), Axdr.octetString(d.keyHash));
        }),
      ),
    );
    return encodeGbcsDlmsAlert({
      invoke: gbcsLongInvokeId(ctx.header.counter),
      dateTime: null,
      alertCode: ALERT_CHF_DEVICE_LOG_CHANGED,
      timeStamp: f.timeStamp,
      content: [body],
    });
  },

  decodeAlert(payload, ctx) {
    const a = decodeGbcsDlmsAlert(payload);
    checkInvoke(a.invoke, ctx, 'data-notification');
    if (a.dateTime !== null) throw new PayloadDecodeError(5, 'data-notification.date-time', '00 (absent)', 'a date-time');
    if (a.alertCode !== ALERT_CHF_DEVICE_LOG_CHANGED) {
      throw new PayloadDecodeError(9, 'data-notification.body.alert-code', '0x8F12 (CHF device log changed)', '0x' + a.alertCode.toString(16).toUpperCase());
    }
    if (a.content.length !== 1) {
      throw new PayloadDecodeError(7, 'data-notification.body', 'a structure of 3 elements (alert code, time stamp, body)', `${a.content.length + 2}`);
    }
    const body = expectStructure(a.content[0] as AxdrData, BODY, 3);
    return {
      timeStamp: a.timeStamp,
      changedAt: expectDateTimeOctetString(item(body, 0), `${BODY}.changed-at`),
      logIdentifier: expectEui(item(body, 1), `${BODY}.log-identifier`),
      devices: expectArray(item(body, 2), `${BODY}.devices`).map((e, i) => {
        const s = expectStructure(e, `${BODY}.devices[${i}]`, 2);
        return {
          deviceId: expectEui(item(s, 0), `${BODY}.devices[${i}].device-id`),
          keyHash: expectOctetString(item(s, 1), `${BODY}.devices[${i}].key-hash`, 16),
        };
      }),
    };
  },
};
