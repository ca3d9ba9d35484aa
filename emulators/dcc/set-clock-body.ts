// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The command fields of the two service requests that set a meter's clock, from their DUIS
 * bodies: SRV 8.1.1 Commission Device (CommissionDeviceSynchroniseClock) and SRV 6.11
 * Synchronise Clock (SynchroniseClock). Both carry CurrentDateTime and TolerancePeriod (seconds)
 * and become the same GBCS command, ECS70 (ESME) or GCS28 (GSME) [V: the RTDS 6.11_ECS70 /
 * 6.11_GCS28 messages are byte for byte the 8.1.1 ones; templates ECS70_6.11 / GCS28_6.11 carry
 * the same values as ECS70Commission_8.1.1 / GCS28Commission_8.1.1].
 * Validity interval = [CurrentDateTime, CurrentDateTime + TolerancePeriod] [V: RTDS
 * ECS70Commission_8.1.1: 2014-12-31T23:59:10Z, 60 → 23:59:10 .. 00:00:10; GCS28Commission_8.1.1:
 * 23:30:00 + 3600 s → 00:30:00], as COSEM date-times for ECS70 and GeneralizedTime (to the
 * second) for GCS28.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import type { Ecs70Command } from '../../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { gcs28Time, type Gcs28Command } from '../../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { RequestBodyError } from './request-body-error.ts';

/** The body element of each clock-setting service request. */
export const SET_CLOCK_BODY = {
  /** SRV 8.1.1 Commission Device. */
  commission: 'CommissionDeviceSynchroniseClock',
  /** SRV 6.11 Synchronise Clock. */
  synchronise: 'SynchroniseClock',
} as const;

export type SetClockBody = (typeof SET_CLOCK_BODY)[keyof typeof SET_CLOCK_BODY];

function text(n: unknown): string | null {
  if (typeof n === 'string' || typeof n === 'number') return String(n).trim();
  if (typeof n === 'object' && n !== null && '#text' in n) return text((n as { '#text': unknown })['#text']);
  return null;
}

function validity(body: XMLData, root: SetClockBody): { start: number; end: number } {
  const element = body[root];
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    throw new RequestBodyError('malformed', root, `expected the ${root} element with CurrentDateTime and TolerancePeriod`);
  }
  const current = text((element as XMLData)['CurrentDateTime']);
  const at = current === null ? NaN : Date.parse(current);
  if (!Number.isFinite(at)) throw new RequestBodyError('malformed', `${root}/CurrentDateTime`, `expected an xs:dateTime, found ${JSON.stringify(current)}`);
  const tolerance = text((element as XMLData)['TolerancePeriod']);
  const seconds = tolerance === null || !/^\d+$/.test(tolerance) ? NaN : Number(tolerance);
  if (!Number.isSafeInteger(seconds)) throw new RequestBodyError('malformed', `${root}/TolerancePeriod`, `expected seconds, found ${JSON.stringify(tolerance)}`);
  return { start: at, end: at + seconds * 1000 };
}

export function ecs70CommandFromBody(body: XMLData, root: SetClockBody): Ecs70Command {
  const { start, end } = validity(body, root);
  return { validityStart: cosemDateTimeFromDate(new Date(start)), validityEnd: cosemDateTimeFromDate(new Date(end)) };
}

export function gcs28CommandFromBody(body: XMLData, root: SetClockBody): Gcs28Command {
  const { start, end } = validity(body, root);
  return { validityStart: gcs28Time(start), validityEnd: gcs28Time(end) };
}
