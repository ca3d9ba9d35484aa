// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ZigBee Cluster Library attributes as data: attributes keyed by cluster id and attribute id,
 * each with a typed ZCL value (the payload codec's `ZclValue`, so a value read from a table goes
 * into a Read Attributes Response as it is). The GSME holds one such table, the GPF a mirror of
 * it. Ids are numbers; wire order is the codec's business (attribute 0x0206 travels as 06 02).
 */
import type { ReadAttributeRecord } from '../../harness/protocol/gbcs/payload/zcl/zcl-attributes.ts';
import type { ZclValue } from '../../harness/protocol/gbcs/payload/zcl/zcl-data-types.ts';
import { METERING_CLUSTER_ID, MeteringAttribute } from '../../harness/protocol/gbcs/payload/zcl/zse-metering.ts';

export type { ReadAttributeRecord } from '../../harness/protocol/gbcs/payload/zcl/zcl-attributes.ts';

/** Cluster ids (ZCL / Smart Energy) the emulated GSME holds. */
export const ZCL_CLUSTER = {
  basic: 0x0000,
  powerConfiguration: 0x0001,
  time: 0x000a,
  metering: METERING_CLUSTER_ID,
} as const;

/** Metering attributes: the codec's (GBCS reads) plus the meter-status ones the emulator keeps. */
export const METERING_ATTRIBUTE = {
  ...MeteringAttribute,
  status: 0x0200,
  remainingBatteryLifeInDays: 0x0205,
  meteringDeviceType: 0x0306,
} as const;

export const BASIC_ATTRIBUTE = {
  zclVersion: 0x0000,
  applicationVersion: 0x0001,
  manufacturerName: 0x0004,
  modelIdentifier: 0x0005,
  powerSource: 0x0007,
} as const;

export const POWER_CONFIGURATION_ATTRIBUTE = { batteryPercentageRemaining: 0x0021 } as const;
export const TIME_ATTRIBUTE = { time: 0x0000 } as const;

/** Metering Status (0x0200) bits. */
export const METERING_STATUS_BIT = { lowBattery: 0x02 } as const;

export interface ZclAttribute {
  readonly clusterId: number;
  readonly id: number;
  readonly name: string;
  readonly value: ZclValue;
}

function key(clusterId: number, attributeId: number): string {
  return `${clusterId}/${attributeId}`;
}

function hex4(n: number): string {
  return `0x${n.toString(16).padStart(4, '0')}`;
}

function copy(value: ZclValue): ZclValue {
  return value.value instanceof Uint8Array ? ({ ...value, value: value.value.slice() } as ZclValue) : value;
}

/** Clusters and their attributes, answering ZCL Read Attributes. */
export class ZclAttributeTable {
  private readonly attributes = new Map<string, ZclAttribute>();

  constructor(attributes: readonly ZclAttribute[] = []) {
    for (const a of attributes) this.put(a);
  }

  hasCluster(clusterId: number): boolean {
    return [...this.attributes.values()].some((a) => a.clusterId === clusterId);
  }

  get(clusterId: number, attributeId: number): ZclAttribute | undefined {
    return this.attributes.get(key(clusterId, attributeId));
  }

  /** The typed value of an attribute that must exist. */
  value(clusterId: number, attributeId: number): ZclValue {
    const a = this.get(clusterId, attributeId);
    if (!a) throw new RangeError(`no ZCL attribute ${hex4(attributeId)} in cluster ${hex4(clusterId)}`);
    return a.value;
  }

  /** The value of a numeric attribute that must exist. */
  numberValue(clusterId: number, attributeId: number): number {
    const v = this.value(clusterId, attributeId).value;
    if (typeof v !== 'number') throw new TypeError(`ZCL attribute ${hex4(attributeId)} of cluster ${hex4(clusterId)} is not numeric`);
    return v;
  }

  /** Sets the value of an existing attribute, keeping its ZCL type. */
  set(clusterId: number, attributeId: number, value: ZclValue['value']): void {
    const a = this.get(clusterId, attributeId);
    if (!a) throw new RangeError(`no ZCL attribute ${hex4(attributeId)} in cluster ${hex4(clusterId)}`);
    if (typeof value !== typeof a.value.value || value instanceof Uint8Array !== a.value.value instanceof Uint8Array) {
      throw new TypeError(`ZCL attribute ${a.name} holds ${a.value.type}, not a ${typeof value}`);
    }
    this.put({ ...a, value: { ...a.value, value } as ZclValue });
  }

  /** Adds or replaces an attribute. */
  put(attribute: ZclAttribute): void {
    this.attributes.set(key(attribute.clusterId, attribute.id), { ...attribute, value: copy(attribute.value) });
  }

  /** Read Attributes: one record per requested id, in request order. */
  read(clusterId: number, attributeIds: readonly number[]): ReadAttributeRecord[] {
    const known = this.hasCluster(clusterId);
    return attributeIds.map((attributeId): ReadAttributeRecord => {
      if (!known) return { attributeId, status: 'unsupported-cluster' };
      const a = this.get(clusterId, attributeId);
      return a ? { attributeId, status: 'success', value: copy(a.value) } : { attributeId, status: 'unsupported-attribute' };
    });
  }

  /** Every attribute (copies), for reporting to a mirror. */
  snapshot(): ZclAttribute[] {
    return [...this.attributes.values()].map((a) => ({ ...a, value: copy(a.value) }));
  }
}
