// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CS14 alert 0x8F12 — CHF Device Log Changed, message code 0x0018 (CHF → ACB).
 *
 * DLMS Data-Notification: structure { alert code 0x8F12, time stamp, body } where body is
 * structure { date-time octet-string(12), octet-string(8), array of structure { device id
 * octet-string(8), key hash octet-string(16) } } — the same shape CCS07 returns as the device log.
 * RTDS: 2015-01-01 00:00, 00-01-02-03-04-05-06-07, ESME …-A0 and GSME …-A1 with their hashes.
 */
import type { AxdrData } from '../dlms/axdr-data.ts';
import type { CosemDateTime } from '../dlms/cosem-date-time.ts';
import { decodeGbcsDlmsAlert, encodeGbcsDlmsAlert } from '../dlms/data-notification.ts';
import { gbcsLongInvokeId } from '../dlms/long-invoke-id.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { expectSecurityDetails, securityDetailsData, type DeviceKeyEntry, type DeviceLogSecurityDetails } from './device-log-security.ts';
import { checkInvoke } from './dlms-exchange.ts';
import type { AlertCodec } from './use-case-codec.ts';

export const ALERT_CHF_DEVICE_LOG_CHANGED = 0x8f12;

/** One device of the alert's list with its key hash (device-log-security.ts). */
export type DeviceLogEntry = DeviceKeyEntry;

/** The alert: its time stamp and the CHF Device Log's security details (changedAt, logIdentifier, devices). */
export interface DeviceLogChangedAlert extends DeviceLogSecurityDetails {
  /** Alert time stamp. */
  readonly timeStamp: CosemDateTime;
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
    const body = securityDetailsData(f, 'CS14 alert');
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
    return { timeStamp: a.timeStamp, ...expectSecurityDetails(a.content[0] as AxdrData, BODY) };
  },
};
