// SPDX-License-Identifier: GPL-3.0-or-later
/** ZigBee UTCTime: seconds since 2000-01-01T00:00:00Z (uint32). GBZ headers carry it big-endian. */
import { PayloadEncodeError } from '../payload-errors.ts';

export const ZCL_EPOCH_MS = Date.UTC(2000, 0, 1);

export function zclUtcToDate(seconds: number): Date {
  return new Date(ZCL_EPOCH_MS + seconds * 1000);
}

export function dateToZclUtc(date: Date): number {
  const s = Math.floor((date.getTime() - ZCL_EPOCH_MS) / 1000);
  if (!Number.isFinite(s) || s < 0 || s > 0xffffffff) {
    throw new PayloadEncodeError('UTC time', 'a date from 2000-01-01 to 2136-02-07', String(date));
  }
  return s;
}
