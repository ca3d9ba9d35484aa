// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The frame of a GBCS DLMS alert use case, shared by the DLMS alert codecs: a Data-Notification
 * whose invoke id comes from — and is checked against — the grouping header's originator counter,
 * with no APDU date-time, one alert code, its time stamp and a fixed number of alert-specific
 * content elements (see dlms/data-notification.ts for the layout).
 */
import type { AxdrData } from '../dlms/axdr-data.ts';
import type { CosemDateTime } from '../dlms/cosem-date-time.ts';
import { decodeGbcsDlmsAlert, encodeGbcsDlmsAlert, type GbcsDlmsAlert } from '../dlms/data-notification.ts';
import { gbcsLongInvokeId } from '../dlms/long-invoke-id.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import type { PayloadContext } from '../payload-context.ts';
import { checkInvoke, checkNoDateTime } from './dlms-exchange.ts';
import type { AlertCodec } from './use-case-codec.ts';

/** Offsets in every GBCS DLMS alert without an APDU date-time. */
const BODY_OFFSET = 6;
const ALERT_CODE_OFFSET = 9;

export function alertCodeText(code: number): string {
  return '0x' + code.toString(16).toUpperCase().padStart(4, '0');
}

/** Decodes a GBCS DLMS alert that must carry `alertCode` and exactly `contentCount` content elements. */
export function decodeDlmsAlertHead(payload: Uint8Array, ctx: PayloadContext, alertCode: number, contentCount: number, name: string): GbcsDlmsAlert {
  const a = decodeGbcsDlmsAlert(payload);
  checkInvoke(a.invoke, ctx, 'data-notification');
  checkNoDateTime(a.dateTime, 'data-notification');
  if (a.alertCode !== alertCode) {
    throw new PayloadDecodeError(ALERT_CODE_OFFSET, 'data-notification.body.alert-code', `${alertCodeText(alertCode)} (${name})`, alertCodeText(a.alertCode));
  }
  if (a.content.length !== contentCount) {
    throw new PayloadDecodeError(
      BODY_OFFSET + 1,
      'data-notification.body',
      `a structure of ${contentCount + 2} elements (alert code, time stamp${contentCount ? ', content' : ''})`,
      `${a.content.length + 2}`,
    );
  }
  return a;
}

/** Encodes a GBCS DLMS alert, the invoke id taken from the header's originator counter. */
export function encodeDlmsAlert(ctx: PayloadContext, alertCode: number, timeStamp: CosemDateTime, content: readonly AxdrData[]): Uint8Array {
  return encodeGbcsDlmsAlert({ invoke: gbcsLongInvokeId(ctx.header.counter), dateTime: null, alertCode, timeStamp, content });
}

/** The alert time stamp every DLMS alert carries, besides its own fields. */
export interface DlmsAlertTimeStamp {
  readonly timeStamp: CosemDateTime;
}

export interface DlmsAlertSpec<F> {
  readonly name: string;
  readonly messageCode: number;
  readonly alertCode: number;
  /** Names the alert in the codec title, e.g. "Sub GHz Channel Changed". */
  readonly alertName: string;
  /** The use case's own title, e.g. "Sub GHz Channel Changed Sub GHz Alert". */
  readonly useCaseTitle: string;
  readonly contentCount: number;
  encodeContent(fields: F): readonly AxdrData[];
  /** Reads the content elements (field paths under data-notification.body.content). */
  decodeContent(content: readonly AxdrData[]): F;
}

/** A DLMS alert codec from the shape of its content: time stamp plus the fields `spec` reads. */
export function dlmsAlertCodec<F extends object>(spec: DlmsAlertSpec<F>): AlertCodec<DlmsAlertTimeStamp & F> {
  return {
    kind: 'alert',
    name: spec.name,
    messageCode: spec.messageCode,
    srv: 'NA',
    title: `${spec.useCaseTitle}: ${spec.alertName} (${alertCodeText(spec.alertCode)})`,
    payloadKind: 'dlms',
    alertCode: spec.alertCode,
    encodeAlert(f, ctx) {
      const { timeStamp, ...own } = f;
      return encodeDlmsAlert(ctx, spec.alertCode, timeStamp, spec.encodeContent(own as unknown as F));
    },
    decodeAlert(payload, ctx) {
      const a = decodeDlmsAlertHead(payload, ctx, spec.alertCode, spec.contentCount, spec.alertName);
      return { timeStamp: a.timeStamp, ...spec.decodeContent(a.content) };
    },
  };
}
