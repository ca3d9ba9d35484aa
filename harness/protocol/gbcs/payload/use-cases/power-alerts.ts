// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Typed codecs of the power alerts a DUIS user sees from the meters (DOMAIN.md alert subset):
 *
 * | alert  | meaning                                   | carried as                              | RTDS model |
 * | ------ | ----------------------------------------- | --------------------------------------- | ---------- |
 * | 0x8F35 | ESME supply restored (outage ≥ 3 min)     | GNCA 0x1001, DLMS Data-Notification, no content | GNCA-DLMS_NA_810E_ALERT |
 * | 0x8F36 | ESME supply restored (outage ≥ 3 min)     | ECS80 0x0067, DLMS, content: outage start and end | ECS80_NA_8F36_ALERT |
 * | 0x8F1D | GSME power supply loss                    | GNCA 0x1001, GBZ alert, no components   | GNCA-ZigBee_NA_810E_ALERT |
 * | 0x8F1F | GSME low battery                          | GNCA 0x1001, GBZ alert, no components   | GNCA-ZigBee_NA_810E_ALERT |
 *
 * [I] RTDS holds only the 0x8F36 message (ECS80, signed, not MAC-wrapped, to 90-B3-D5-1F-30-02-00-00).
 * [P] 0x8F35, 0x8F1D and 0x8F1F have no RTDS message: they are taken to be non-critical alerts
 * carried by the Generic Non Critical Alert message (GNCA, 0x1001) with no alert-specific
 * content, shaped exactly like the RTDS GNCA messages (0x810E). The generic factories below are
 * checked byte-exact against those RTDS GNCA messages (see power-alerts.test.ts).
 * [I] ECS80's content: two octet-string(12) COSEM date-times, read as the outage start
 * (RTDS 2014-12-31 23:50) and the supply restoration (23:59), the alert time stamp after both.
 */
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectDateTimeOctetString, item } from '../dlms/axdr-match.ts';
import { encodeCosemDateTime, type CosemDateTime } from '../dlms/cosem-date-time.ts';
import { decodeGbcsDlmsAlert, encodeGbcsDlmsAlert, type GbcsDlmsAlert } from '../dlms/data-notification.ts';
import { gbcsLongInvokeId } from '../dlms/long-invoke-id.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { decodeGbzAlert, encodeGbzAlert, GBZ_ALERT_BODY_OFFSET } from '../zcl/gbz-alert.ts';
import { dateToZclUtc, zclUtcToDate } from '../zcl/zcl-utc-time.ts';
import type { PayloadContext } from '../payload-context.ts';
import { checkInvoke } from './dlms-exchange.ts';
import type { AlertCodec } from './use-case-codec.ts';

export const ALERT_SUPPLY_RESTORED_GNCA = 0x8f35;
export const ALERT_SUPPLY_RESTORED_ECS80 = 0x8f36;
export const ALERT_GSME_POWER_SUPPLY_LOSS = 0x8f1d;
export const ALERT_LOW_BATTERY = 0x8f1f;

/** GBCS message codes of the carriers. */
export const MESSAGE_CODE_GNCA = 0x1001;
export const MESSAGE_CODE_ECS80 = 0x0067;

function hex(code: number): string {
  return '0x' + code.toString(16).toUpperCase().padStart(4, '0');
}

/** A DLMS alert with no content: only the alert code and its time stamp. */
export interface DlmsTimeStampAlert {
  readonly timeStamp: CosemDateTime;
}

/** A GBZ alert with no components: only the alert code and its time stamp (UTC, whole seconds). */
export interface GbzTimeStampAlert {
  readonly timeStamp: Date;
}

function decodeDlmsAlertHead(payload: Uint8Array, ctx: PayloadContext, alertCode: number, contentCount: number, name: string): GbcsDlmsAlert {
  const a = decodeGbcsDlmsAlert(payload);
  checkInvoke(a.invoke, ctx, 'data-notification');
  if (a.dateTime !== null) throw new PayloadDecodeError(5, 'data-notification.date-time', '00 (absent)', 'a date-time');
  if (a.alertCode !== alertCode) throw new PayloadDecodeError(9, 'data-notification.body.alert-code', `${hex(alertCode)} (${name})`, hex(a.alertCode));
  if (a.content.length !== contentCount) {
    throw new PayloadDecodeError(7, 'data-notification.body', `a structure of ${contentCount + 2} elements (alert code, time stamp${contentCount ? ', content' : ''})`, `${a.content.length + 2}`);
  }
  return a;
}

/** A Generic Non Critical Alert codec (DLMS, no content) for one alert code, shaped as RTDS GNCA-DLMS. */
export function gncaDlmsAlert(alertCode: number, title: string): AlertCodec<DlmsTimeStampAlert> {
  return {
    kind: 'alert',
    name: 'GNCA',
    messageCode: MESSAGE_CODE_GNCA,
    srv: 'NA',
    title: `Generic Non Critical Alert (DLMS): ${title} (${hex(alertCode)})`,
    payloadKind: 'dlms',
    alertCode,
    encodeAlert(f, ctx) {
      return encodeGbcsDlmsAlert({ invoke: gbcsLongInvokeId(ctx.header.counter), dateTime: null, alertCode, timeStamp: f.timeStamp, content: [] });
    },
    decodeAlert(payload, ctx) {
      return { timeStamp: decodeDlmsAlertHead(payload, ctx, alertCode, 0, title).timeStamp };
    },
  };
}

/** A Generic Non Critical Alert codec (GBZ, no components) for one alert code, shaped as RTDS GNCA-ZigBee. */
export function gncaGbzAlert(alertCode: number, title: string): AlertCodec<GbzTimeStampAlert> {
  return {
    kind: 'alert',
    name: 'GNCA',
    messageCode: MESSAGE_CODE_GNCA,
    srv: 'NA',
    title: `Generic Non Critical Alert (GBZ): ${title} (${hex(alertCode)})`,
    payloadKind: 'gbz',
    alertCode,
    encodeAlert(f) {
      return encodeGbzAlert({ componentCount: 0, alertCode, timeStamp: dateToZclUtc(f.timeStamp), body: new Uint8Array(0) });
    },
    decodeAlert(payload) {
      const a = decodeGbzAlert(payload);
      if (a.alertCode !== alertCode) throw new PayloadDecodeError(3, 'gbz-alert.alert-code', `${hex(alertCode)} (${title})`, hex(a.alertCode));
      if (a.componentCount !== 0) throw new PayloadDecodeError(2, 'gbz-alert.component-count', '0 (no components)', String(a.componentCount));
      if (a.body.length !== 0) throw new PayloadDecodeError(GBZ_ALERT_BODY_OFFSET, 'gbz-alert (after the time stamp)', 'the end of the payload', `${a.body.length} more byte(s)`);
      return { timeStamp: zclUtcToDate(a.timeStamp) };
    },
  };
}

/** 0x8F35 supply restored after an outage of at least 3 minutes, to the supplier (GNCA). */
export const gncaSupplyRestored = gncaDlmsAlert(ALERT_SUPPLY_RESTORED_GNCA, 'Supply Restored (outage ≥ 3 minutes)');
/** 0x8F1D GSME power supply loss (GNCA). */
export const gncaGsmePowerSupplyLoss = gncaGbzAlert(ALERT_GSME_POWER_SUPPLY_LOSS, 'GSME Power Supply Loss');
/** 0x8F1F GSME low battery (GNCA). */
export const gncaLowBattery = gncaGbzAlert(ALERT_LOW_BATTERY, 'Low Battery');

export interface SupplyOutageRestoredAlert {
  /** Alert time stamp. */
  readonly timeStamp: CosemDateTime;
  /** First content element: when the supply was lost. */
  readonly supplyLostAt: CosemDateTime;
  /** Second content element: when the supply came back. */
  readonly supplyRestoredAt: CosemDateTime;
}

const CONTENT = 'data-notification.body.content';

/** ECS80 Supply Outage Restore Alert from ESME, alert 0x8F36 (to the network operator in RTDS). */
export const ecs80SupplyOutageRestored: AlertCodec<SupplyOutageRestoredAlert> = {
  kind: 'alert',
  name: 'ECS80',
  messageCode: MESSAGE_CODE_ECS80,
  srv: 'NA',
  title: 'Supply Outage Restore Alert from ESME: Supply Restored (outage ≥ 3 minutes) (0x8F36)',
  payloadKind: 'dlms',
  alertCode: ALERT_SUPPLY_RESTORED_ECS80,

  encodeAlert(f, ctx) {
    const content: AxdrData[] = [
      Axdr.octetString(encodeCosemDateTime(f.supplyLostAt, 'ECS80 alert.supplyLostAt')),
      Axdr.octetString(encodeCosemDateTime(f.supplyRestoredAt, 'ECS80 alert.supplyRestoredAt')),
    ];
    return encodeGbcsDlmsAlert({ invoke: gbcsLongInvokeId(ctx.header.counter), dateTime: null, alertCode: ALERT_SUPPLY_RESTORED_ECS80, timeStamp: f.timeStamp, content });
  },

  decodeAlert(payload, ctx) {
    const a = decodeDlmsAlertHead(payload, ctx, ALERT_SUPPLY_RESTORED_ECS80, 2, 'Supply Restored (outage ≥ 3 minutes)');
    return {
      timeStamp: a.timeStamp,
      supplyLostAt: expectDateTimeOctetString(item(a.content, 0), `${CONTENT}[0].supply-lost-at`),
      supplyRestoredAt: expectDateTimeOctetString(item(a.content, 1), `${CONTENT}[1].supply-restored-at`),
    };
  },
};
