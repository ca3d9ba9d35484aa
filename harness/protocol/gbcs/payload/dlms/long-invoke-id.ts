// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DLMS Long-Invoke-Id-And-Priority (Unsigned32, big-endian), the first field of the GBCS DLMS
 * Access request/response and Data-Notification APDUs:
 *   bits 0..23 long-invoke-id, bits 24..27 reserved (0), bit 28 self-descriptive,
 *   bit 29 processing option (1 = break on error), bit 30 service class (1 = confirmed),
 *   bit 31 priority (1 = high).
 *
 * GBCS sets the invoke id from the originator counter of the message's grouping header. Read off
 * RTDS 4.5.0 [I]: all 743 DLMS payloads (D9/DA/0F) carry 0x20 in the top byte (break-on-error,
 * normal priority, unconfirmed, not self-descriptive) and the low 24 bits of the originator counter
 * (e.g. counter 1000 → 20 00 03 E8; counter 0x5_0000_0000 → 20 00 00 00, so the counter is
 * truncated to its low 24 bits, not saturated). Responses carry the command's counter, alerts
 * their own.
 */
import type { PayloadReader } from '../payload-reader.ts';
import type { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';

export interface LongInvokeIdAndPriority {
  /** 24-bit invoke id. */
  readonly invokeId: number;
  readonly highPriority: boolean;
  readonly confirmed: boolean;
  readonly breakOnError: boolean;
  readonly selfDescriptive: boolean;
}

const INVOKE_ID_MASK = 0xffffff;

/** The invoke id field GBCS derives from an originator counter (low 24 bits, flags 0x20). */
export function gbcsLongInvokeId(counter: bigint): LongInvokeIdAndPriority {
  if (counter < 0n) throw new PayloadEncodeError('originator counter', 'a non-negative counter', String(counter));
  return {
    invokeId: Number(counter & BigInt(INVOKE_ID_MASK)),
    highPriority: false,
    confirmed: false,
    breakOnError: true,
    selfDescriptive: false,
  };
}

export function readLongInvokeId(r: PayloadReader, field: string): LongInvokeIdAndPriority {
  const at = r.offset;
  const v = r.uintBe(4, field);
  if ((v >>> 24) & 0x0f) r.fail(field, 'reserved bits 24..27 clear', '0x' + v.toString(16).toUpperCase().padStart(8, '0'), at);
  return {
    invokeId: v & INVOKE_ID_MASK,
    highPriority: (v & 0x80000000) !== 0,
    confirmed: (v & 0x40000000) !== 0,
    breakOnError: (v & 0x20000000) !== 0,
    selfDescriptive: (v & 0x10000000) !== 0,
  };
}

export function writeLongInvokeId(w: PayloadWriter, v: LongInvokeIdAndPriority, field: string): void {
  if (!Number.isInteger(v.invokeId) || v.invokeId < 0 || v.invokeId > INVOKE_ID_MASK) {
    throw new PayloadEncodeError(`${field}.invoke-id`, 'a 24-bit invoke id', String(v.invokeId));
  }
  const flags =
    (v.highPriority ? 0x80 : 0) | (v.confirmed ? 0x40 : 0) | (v.breakOnError ? 0x20 : 0) | (v.selfDescriptive ? 0x10 : 0);
  w.u8(flags, field);
  w.uintBe(v.invokeId, 3, field);
}

export function invokeIdEqual(a: LongInvokeIdAndPriority, b: LongInvokeIdAndPriority): boolean {
  return (
    a.invokeId === b.invokeId &&
    a.highPriority === b.highPriority &&
    a.confirmed === b.confirmed &&
    a.breakOnError === b.breakOnError &&
    a.selfDescriptive === b.selfDescriptive
  );
}
