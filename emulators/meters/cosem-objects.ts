// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A logical device as data: COSEM objects keyed by interface class id and OBIS code, each with
 * typed attributes (the model of the GXF DLMS device simulator). The table answers reads and
 * writes with DLMS data-access results; what changes with time (registers, the clock) is
 * written into it by the device that owns it (see esme.ts).
 *
 * Some objects are *collections*: their value attribute is a structure made of other objects'
 * attributes (`composedOf`), like the ESME's import register values that ECS17b reads through
 * the Data Protection object 0-0:43.2.8.255. The table recomputes them on read.
 */
import type { DataAccessResult } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { obisToBytes } from '../../harness/protocol/gbcs/payload/dlms/obis.ts';
import { cosem, type CosemData } from './cosem-data.ts';

/** An OBIS code written A-B:C.D.E.F, e.g. "1-0:1.8.0.255" (validated by the payload codec's obis.ts). */
export type ObisCode = string;

/** COSEM interface classes used by the emulated devices. */
export const COSEM_CLASS = {
  data: 1,
  register: 3,
  clock: 8,
  dataProtection: 30,
  disconnectControl: 70,
  zigbeeNetworkControl: 104,
} as const;

/** One attribute of one object, as a reference. */
export interface AttributeRef {
  readonly classId: number;
  readonly obis: ObisCode;
  readonly attribute: number;
}

export interface CosemAttribute {
  readonly name: string;
  value: CosemData;
  /** false for read-only attributes (a write answers read-write-denied). */
  readonly writable?: boolean;
}

export interface CosemObjectDefinition {
  readonly classId: number;
  readonly obis: ObisCode;
  readonly name: string;
  /** Attributes by index; attribute 1 (logical_name) is implied by `obis`. */
  readonly attributes: Readonly<Record<number, CosemAttribute>>;
  /** For collections: attribute 2 is the structure of these attributes, in this order. */
  readonly composedOf?: readonly AttributeRef[];
}

export type CosemReadResult =
  | { readonly ok: true; readonly value: CosemData }
  | { readonly ok: false; readonly result: Exclude<DataAccessResult, 'success'> };

function key(classId: number, obis: ObisCode): string {
  return `${classId}/${obis}`;
}

export class CosemObjectTable {
  private readonly objects = new Map<string, CosemObjectDefinition>();

  constructor(definitions: readonly CosemObjectDefinition[]) {
    for (const d of definitions) {
      obisToBytes(d.obis); // validates
      const k = key(d.classId, d.obis);
      if (this.objects.has(k)) throw new RangeError(`COSEM object class ${d.classId} ${d.obis} is defined twice`);
      // copy attributes so that tables built from one definition list never share state
      const attributes: Record<number, CosemAttribute> = {};
      for (const [index, a] of Object.entries(d.attributes)) attributes[Number(index)] = { ...a };
      this.objects.set(k, { ...d, attributes });
    }
  }

  has(classId: number, obis: ObisCode): boolean {
    return this.objects.has(key(classId, obis));
  }

  get(classId: number, obis: ObisCode): CosemObjectDefinition | undefined {
    return this.objects.get(key(classId, obis));
  }

  /** Every object, in definition order. */
  list(): CosemObjectDefinition[] {
    return [...this.objects.values()];
  }

  read(classId: number, obis: ObisCode, attribute: number): CosemReadResult {
    const object = this.objects.get(key(classId, obis));
    if (!object) {
      const otherClass = [...this.objects.values()].some((o) => o.obis === obis);
      return { ok: false, result: otherClass ? 'object-class-inconsistent' : 'object-undefined' };
    }
    if (attribute === 1) return { ok: true, value: cosem.octets(obisToBytes(obis)) };
    if (attribute === 2 && object.composedOf) return this.compose(object.composedOf);
    const a = object.attributes[attribute];
    return a ? { ok: true, value: a.value } : { ok: false, result: 'object-undefined' };
  }

  /** A device-side update (time passing, a firmware change): ignores the writable flag. */
  update(classId: number, obis: ObisCode, attribute: number, value: CosemData): void {
    const a = this.objects.get(key(classId, obis))?.attributes[attribute];
    if (!a) throw new RangeError(`no attribute ${attribute} on COSEM object class ${classId} ${obis}`);
    if (a.value.type !== value.type) {
      throw new TypeError(`attribute ${attribute} of ${obis} holds ${a.value.type}, not ${value.type}`);
    }
    a.value = value;
  }

  /** A remote party's write (DLMS Set): refused for read-only attributes and wrong types. */
  write(classId: number, obis: ObisCode, attribute: number, value: CosemData): DataAccessResult {
    const object = this.objects.get(key(classId, obis));
    if (!object) return 'object-undefined';
    const a = object.attributes[attribute];
    if (!a) return 'object-undefined';
    if (!a.writable) return 'read-write-denied';
    if (a.value.type !== value.type) return 'type-unmatched';
    a.value = value;
    return 'success';
  }

  private compose(parts: readonly AttributeRef[]): CosemReadResult {
    const values: CosemData[] = [];
    for (const p of parts) {
      const r = this.read(p.classId, p.obis, p.attribute);
      if (!r.ok) return r;
      values.push(r.value);
    }
    return { ok: true, value: cosem.structure(...values) };
  }
}
