// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DLMS Data-Notification APDU (tag 0F), which GBCS uses for ESME / CHF alerts:
 *
 *   0F | long-invoke-id-and-priority (4) | date-time (00 | 0C + 12) | notification body (Data)
 *
 * A GBCS alert's body is a structure: [0] long-unsigned alert code, [1] octet-string(12) time
 * stamp (COSEM date-time), [2…] alert-specific content. RTDS CS14 0x8F12:
 * "0F 20 00 0F A0 00 | 02 03 | 12 8F 12 | 09 0C 07 DF 01 01 FF 00 00 00 00 80 00 FF | 02 03 …".
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { Axdr, type AxdrData, axdrOffset, readAxdrData, writeAxdrData } from './axdr-data.ts';
import { expectDateTimeOctetString, expectNumber, expectType, item } from './axdr-match.ts';
import { DLMS_TAG, readApduHeader, writeApduHeader, type DlmsApduHeader } from './apdu-header.ts';
import { encodeCosemDateTime, type CosemDateTime } from './cosem-date-time.ts';

export interface DataNotification extends DlmsApduHeader {
  readonly body: AxdrData;
}

export function decodeDataNotification(payload: Uint8Array): DataNotification {
  const r = new PayloadReader(payload);
  const head = readApduHeader(r, DLMS_TAG.dataNotification, 'data-notification');
  const body = readAxdrData(r, 'data-notification.body');
  r.expectEnd('data-notification (after the body)');
  return { ...head, body };
}

export function encodeDataNotification(n: DataNotification): Uint8Array {
  const w = new PayloadWriter();
  writeApduHeader(w, DLMS_TAG.dataNotification, n, 'data-notification');
  writeAxdrData(w, n.body, 'data-notification.body');
  return w.toBytes();
}

/** A GBCS DLMS alert: a Data-Notification whose body is {alert code, time stamp, content…}. */
export interface GbcsDlmsAlert extends DlmsApduHeader {
  readonly alertCode: number;
  readonly timeStamp: CosemDateTime;
  /** The body structure's elements after the time stamp (alert specific). */
  readonly content: readonly AxdrData[];
}

export function decodeGbcsDlmsAlert(payload: Uint8Array): GbcsDlmsAlert {
  const n = decodeDataNotification(payload);
  const items = expectType(n.body, 'structure', 'data-notification.body').items;
  if (items.length < 2) {
    throw new PayloadDecodeError(
      axdrOffset(n.body) ?? 0,
      'data-notification.body',
      'a structure of alert code, time stamp and content (at least 2 elements)',
      `${items.length} element(s)`,
    );
  }
  const alertCode = expectNumber(item(items, 0), 'long-unsigned', 'data-notification.body.alert-code');
  const timeStamp = expectDateTimeOctetString(item(items, 1), 'data-notification.body.time-stamp');
  return { invoke: n.invoke, dateTime: n.dateTime, alertCode, timeStamp, content: items.slice(2) };
}

export function encodeGbcsDlmsAlert(a: GbcsDlmsAlert): Uint8Array {
  if (!Number.isInteger(a.alertCode) || a.alertCode < 0 || a.alertCode > 0xffff) {
    throw new PayloadEncodeError('data-notification.body.alert-code', 'a 16-bit alert code', String(a.alertCode));
  }
  const body = Axdr.structure(
    Axdr.longUnsigned(a.alertCode),
    Axdr.octetString(encodeCosemDateTime(a.timeStamp, 'data-notification.body.time-stamp')),
    ...a.content,
  );
  return encodeDataNotification({ invoke: a.invoke, dateTime: a.dateTime, body });
}
