// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The head shared by the GBCS DLMS APDUs: tag (D9 Access-Request, DA Access-Response,
 * 0F Data-Notification), Long-Invoke-Id-And-Priority, and the date-time octet-string (00 when
 * absent, 0C + 12 bytes when present, e.g. for future-dated commands).
 */
import type { PayloadReader } from '../payload-reader.ts';
import type { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { hexByte } from './axdr-length.ts';
import { encodeCosemDateTime, readCosemDateTime, type CosemDateTime } from './cosem-date-time.ts';
import { readLongInvokeId, writeLongInvokeId, type LongInvokeIdAndPriority } from './long-invoke-id.ts';

export const DLMS_TAG = { accessRequest: 0xd9, accessResponse: 0xda, dataNotification: 0x0f } as const;

export interface DlmsApduHeader {
  readonly invoke: LongInvokeIdAndPriority;
  /** The APDU date-time, or null when absent (encoded 00). */
  readonly dateTime: CosemDateTime | null;
}

export function readApduHeader(r: PayloadReader, tag: number, apdu: string): DlmsApduHeader {
  const at = r.offset;
  const t = r.u8(`${apdu}.tag`);
  if (t !== tag) r.fail(`${apdu}.tag`, hexByte(tag), hexByte(t), at);
  const invoke = readLongInvokeId(r, `${apdu}.long-invoke-id-and-priority`);
  const dtAt = r.offset;
  const len = r.u8(`${apdu}.date-time`);
  let dateTime: CosemDateTime | null = null;
  if (len === 12) dateTime = readCosemDateTime(r, `${apdu}.date-time`);
  else if (len !== 0) r.fail(`${apdu}.date-time`, 'length 00 (absent) or 0C (12-byte date-time)', hexByte(len), dtAt);
  return { invoke, dateTime };
}

export function writeApduHeader(w: PayloadWriter, tag: number, h: DlmsApduHeader, apdu: string): void {
  if (!h || typeof h !== 'object' || !h.invoke) throw new PayloadEncodeError(`${apdu}.header`, 'invoke and dateTime fields');
  w.u8(tag, `${apdu}.tag`);
  writeLongInvokeId(w, h.invoke, `${apdu}.long-invoke-id-and-priority`);
  if (h.dateTime === null) {
    w.u8(0, `${apdu}.date-time`);
  } else {
    w.u8(12, `${apdu}.date-time`);
    w.bytes(encodeCosemDateTime(h.dateTime, `${apdu}.date-time`));
  }
}
