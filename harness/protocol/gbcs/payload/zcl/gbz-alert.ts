// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GBZ alert payload head (GSME / GPF alerts), read off RTDS [I]:
 *   profile id 01 09 | component count (1) | alert code (2, BE) | time stamp (UTC, 4, BE) | body
 * e.g. "01 09 00 8F 30 1C 37 4A 80" (no body), "01 09 01 8F 0A 1C 37 4A 80 03 07 02 …" (one GBZ
 * component follows). The body is alert specific (a GBZ component, a future-dated alert payload,
 * a firmware hash…), so it is kept as bytes here; describe-payload tries to read components.
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { GBZ_PROFILE_ID, readGbzProfile } from './gbz.ts';

export interface GbzAlert {
  readonly componentCount: number;
  readonly alertCode: number;
  /** UTC seconds since 2000-01-01. */
  readonly timeStamp: number;
  readonly body: Uint8Array;
}

export function decodeGbzAlert(payload: Uint8Array): GbzAlert {
  const r = new PayloadReader(payload);
  readGbzProfile(r);
  const componentCount = r.u8('gbz-alert.component-count');
  const alertCode = r.uintBe(2, 'gbz-alert.alert-code');
  const timeStamp = r.uintBe(4, 'gbz-alert.time-stamp');
  return { componentCount, alertCode, timeStamp, body: r.rest() };
}

export function encodeGbzAlert(a: GbzAlert): Uint8Array {
  return new PayloadWriter()
    .uintBe(GBZ_PROFILE_ID, 2, 'gbz-alert.profile-id')
    .u8(a.componentCount, 'gbz-alert.component-count')
    .uintBe(a.alertCode, 2, 'gbz-alert.alert-code')
    .uintBe(a.timeStamp, 4, 'gbz-alert.time-stamp')
    .bytes(a.body)
    .toBytes();
}

/** Offset of the body inside the payload. */
export const GBZ_ALERT_BODY_OFFSET = 9;
