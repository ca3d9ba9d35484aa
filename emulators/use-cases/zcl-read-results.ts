// SPDX-License-Identifier: GPL-3.0-or-later
/** ZCL Read Attributes records of an emulated GSME or GPF, as the GBZ use-case codecs take them. */
import type { ZclValue } from '../../harness/protocol/gbcs/payload/zcl/zcl-data-types.ts';
import type { ZclAttributeResult } from '../../harness/protocol/gbcs/payload/use-cases/gbz-exchange.ts';
import type { ReadAttributeRecord } from '../meters/zcl-clusters.ts';

/** The record for `attributeId` mapped through `value`; a missing record reads as unsupported. */
export function zclResult<T>(records: readonly ReadAttributeRecord[], attributeId: number, value: (v: ZclValue) => T): ZclAttributeResult<T> {
  const r = records.find((x) => x.attributeId === attributeId);
  if (!r) return { status: 'unsupported-attribute' };
  return r.status === 'success' ? { status: 'success', value: value(r.value) } : { status: r.status };
}

export function numberOf(v: ZclValue): number {
  if (typeof v.value !== 'number') throw new TypeError(`ZCL ${v.type} is not numeric`);
  return v.value;
}
