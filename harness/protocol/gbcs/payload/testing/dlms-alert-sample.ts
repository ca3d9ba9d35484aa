// SPDX-License-Identifier: GPL-3.0-or-later
/** Test support: a DLMS alert time stamp unlike RTDS's, and the bytes of an alert carrying it. */
import { cosemDateTimeFromDate } from '../dlms/cosem-date-time.ts';

/** 2019-04-12 09:05:00.00, day of week, deviation and clock status not specified. */
export const SAMPLE_ALERT_TIME_STAMP = cosemDateTimeFromDate(new Date(Date.UTC(2019, 3, 12, 9, 5)), { clockStatus: null });
const SAMPLE_ALERT_TIME_STAMP_HEX = '090C07E3040CFF090500008000FF';

/**
 * The hex of a GBCS DLMS alert: Data-Notification, invoke id from `counter` (normal priority,
 * unconfirmed, break on error), no date-time, body {alert code, SAMPLE_ALERT_TIME_STAMP, content…}.
 */
export function dlmsAlertHex(counter: number, alertCode: number, contentCount: number, contentHex: string): string {
  const hex = (n: number, digits: number): string => n.toString(16).toUpperCase().padStart(digits, '0');
  return `0F20${hex(counter, 6)}0002${hex(contentCount + 2, 2)}12${hex(alertCode, 4)}${SAMPLE_ALERT_TIME_STAMP_HEX}${contentHex}`;
}
