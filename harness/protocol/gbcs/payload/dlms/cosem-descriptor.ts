// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * COSEM attribute and method descriptors as carried in Access-Request specifications:
 * class id (Unsigned16, BE), instance id (6-byte OBIS code), attribute / method id (Integer8).
 */
import type { PayloadReader } from '../payload-reader.ts';
import type { PayloadWriter } from '../payload-writer.ts';
import { toSigned, toUnsigned } from '../twos-complement.ts';
import { obisToBytes, readObis, type ObisCode } from './obis.ts';

export interface CosemAttributeDescriptor {
  readonly classId: number;
  readonly instanceId: ObisCode;
  readonly attributeId: number;
}

export interface CosemMethodDescriptor {
  readonly classId: number;
  readonly instanceId: ObisCode;
  readonly methodId: number;
}

export function readAttributeDescriptor(r: PayloadReader, field: string): CosemAttributeDescriptor {
  const classId = r.uintBe(2, `${field}.class-id`);
  const instanceId = readObis(r, `${field}.instance-id`);
  const attributeId = toSigned(r.u8(`${field}.attribute-id`), 8);
  return { classId, instanceId, attributeId };
}

export function writeAttributeDescriptor(w: PayloadWriter, d: CosemAttributeDescriptor, field: string): void {
  w.uintBe(d.classId, 2, `${field}.class-id`);
  w.bytes(obisToBytes(d.instanceId, `${field}.instance-id`));
  w.u8(toUnsigned(d.attributeId, 8, `${field}.attribute-id`), `${field}.attribute-id`);
}

export function readMethodDescriptor(r: PayloadReader, field: string): CosemMethodDescriptor {
  const classId = r.uintBe(2, `${field}.class-id`);
  const instanceId = readObis(r, `${field}.instance-id`);
  const methodId = toSigned(r.u8(`${field}.method-id`), 8);
  return { classId, instanceId, methodId };
}

export function writeMethodDescriptor(w: PayloadWriter, d: CosemMethodDescriptor, field: string): void {
  w.uintBe(d.classId, 2, `${field}.class-id`);
  w.bytes(obisToBytes(d.instanceId, `${field}.instance-id`));
  w.u8(toUnsigned(d.methodId, 8, `${field}.method-id`), `${field}.method-id`);
}
