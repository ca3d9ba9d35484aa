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
import { encodeGbcsDlmsAlert } from '../dlms/data-notification.ts';
import { gbcsLongInvokeId } from '../dlms/long-invoke-id.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { decodeGbzAlert, encodeGbzAlert, GBZ_ALERT_BODY_OFFSET } from '../zcl/gbz-alert.ts';
import { dateToZclUtc, zclUtcToDate } from '../zcl/zcl-utc-time.ts';
import { alertCodeText as hex, decodeDlmsAlertHead } from './dlms-alert.ts';
import type { AlertCodec } from './use-case-codec.ts';

export const ALERT_SUPPLY_RESTORED_GNCA = 0x8f35;
export const ALERT_SUPPLY_RESTORED_ECS80 = 0x8f36;
export const ALERT_GSME_POWER_SUPPLY_LOSS = 0x8f1d;
export const ALERT_LOW_BATTERY = 0x8f1f;

/** GBCS message codes of the carriers. */
export const MESSAGE_CODE_GNCA = 0x1001;
export const MESSAGE_CODE_ECS80 = 0x0067;

/** A DLMS alert with no content: only the alert code and its time stamp. */
export interface DlmsTimeStampAlert {
  readonly timeStamp: CosemDateTime;
}

/** A GBZ alert with no components: only the alert code and its time stamp (UTC, whole seconds). */
export interface GbzTimeStampAlert {
  readonly timeStamp: Date;
}

/** The message a generic alert travels in: GNCA (0x1001), or GCA (0x1000) for a critical one [V: message-codes.json]. */
export interface GenericAlertCarrier {
  readonly name: 'GNCA' | 'GCA';
  readonly messageCode: number;
  readonly title: string;
}

export const GNCA_CARRIER: GenericAlertCarrier = { name: 'GNCA', messageCode: MESSAGE_CODE_GNCA, title: 'Generic Non Critical Alert' };
export const GCA_CARRIER: GenericAlertCarrier = { name: 'GCA', messageCode: 0x1000, title: 'Generic Critical Alert' };

/** A generic alert codec (DLMS, no content) for one alert code, shaped as RTDS GNCA-DLMS (GCA-DLMS for the GCA carrier). */
export function gncaDlmsAlert(alertCode: number, title: string, carrier: GenericAlertCarrier = GNCA_CARRIER): AlertCodec<DlmsTimeStampAlert> {
  return {
    kind: 'alert',
    name: carrier.name,
    messageCode: carrier.messageCode,
    srv: 'NA',
    title: `${carrier.title} (DLMS): ${title} (${hex(alertCode)})`,
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

/** A generic alert codec (GBZ, no components) for one alert code, shaped as RTDS GNCA-ZigBee (GCA-ZigBee for the GCA carrier). */
export function gncaGbzAlert(alertCode: number, title: string, carrier: GenericAlertCarrier = GNCA_CARRIER): AlertCodec<GbzTimeStampAlert> {
  return {
    kind: 'alert',
    name: carrier.name,
    messageCode: carrier.messageCode,
    srv: 'NA',
    title: `${carrier.title} (GBZ): ${title} (${hex(alertCode)})`,
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
