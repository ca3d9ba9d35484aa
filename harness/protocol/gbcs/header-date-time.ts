// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The instant a GBCS grouping header's date-time names: the originating device's clock when it
 * built the message (present on some responses and alerts, e.g. ECS17b and GCS13a responses;
 * 12 bytes, a COSEM date-time) [V: DOMAIN.md frame layout, PAYLOADS.md]. What a DUIS user reads
 * a device's clock from when the payload itself carries no time.
 */
import type { GbcsHeader } from './frame-types.ts';
import { COSEM_DATE_TIME_LENGTH, cosemDateTimeToDate, readCosemDateTime } from './payload/dlms/cosem-date-time.ts';
import { PayloadReader } from './payload/payload-reader.ts';

/** UTC epoch ms of the header's date-time; null when it is absent, not 12 bytes or not a full instant. */
export function headerDateTimeMs(header: Pick<GbcsHeader, 'dateTime'>): number | null {
  const bytes = header.dateTime;
  if (!bytes || bytes.length !== COSEM_DATE_TIME_LENGTH) return null;
  return cosemDateTimeToDate(readCosemDateTime(new PayloadReader(bytes), 'header.date-time'))?.getTime() ?? null;
}
