// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The command fields of SRV 8.1.1 Commission Device from its DUIS body
 * (CommissionDeviceSynchroniseClock: CurrentDateTime, TolerancePeriod in seconds) [V: RTDS
 * ECS70Commission_8.1.1: CurrentDateTime 2014-12-31T23:59:10Z, TolerancePeriod 60 → validity
 * interval 23:59:10 .. 00:00:10]: validity interval = [CurrentDateTime, CurrentDateTime +
 * TolerancePeriod] (RTDS GCS28Commission_8.1.1: 23:30:00 + 3600 s → 00:30:00), as COSEM
 * date-times for ECS70 and GeneralizedTime (to the second) for GCS28.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import type { Ecs70Command } from '../../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { gcs28Time, type Gcs28Command } from '../../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { RequestBodyError } from './request-body-error.ts';

const ROOT = 'CommissionDeviceSynchroniseClock';

function text(n: unknown): string | null {
  if (typeof n === 'string' || typeof n === 'number') return String(n).trim();
  if (typeof n === 'object' && n !== null && '#text' in n) return text((n as { '#text': unknown })['#text']);
  return null;
}

function validity(body: XMLData): { start: number; end: number } {
  const element = body[ROOT];
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    throw new RequestBodyError('malformed', ROOT, `expected the ${ROOT} element with CurrentDateTime and TolerancePeriod`);
  }
  const current = text((element as XMLData)['CurrentDateTime']);
  const at = current === null ? NaN : Date.parse(current);
  if (!Number.isFinite(at)) throw new RequestBodyError('malformed', `${ROOT}/CurrentDateTime`, `expected an xs:dateTime, found ${JSON.stringify(current)}`);
  const tolerance = text((element as XMLData)['TolerancePeriod']);
  const seconds = tolerance === null || !/^\d+$/.test(tolerance) ? NaN : Number(tolerance);
  if (!Number.isSafeInteger(seconds)) throw new RequestBodyError('malformed', `${ROOT}/TolerancePeriod`, `expected seconds, found ${JSON.stringify(tolerance)}`);
  return { start: at, end: at + seconds * 1000 };
}

export function ecs70CommandFromBody(body: XMLData): Ecs70Command {
  const { start, end } = validity(body);
  return { validityStart: cosemDateTimeFromDate(new Date(start)), validityEnd: cosemDateTimeFromDate(new Date(end)) };
}

export function gcs28CommandFromBody(body: XMLData): Gcs28Command {
  const { start, end } = validity(body);
  return { validityStart: gcs28Time(start), validityEnd: gcs28Time(end) };
}
