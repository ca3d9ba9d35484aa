// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The range descriptor of selective access to a Profile Generic's buffer (access selector 1,
 * DLMS Blue Book class 7): structure { restricting object, from value, to value, selected values },
 * where the restricting object and each selected value is a capture object definition
 * structure { class id long-unsigned, logical name octet-string(6), attribute index integer,
 * data index long-unsigned }, and an empty selected-values array means "all columns".
 *
 * RTDS DBCH02: restricting object {1, 0-0:94.44.100.255, 2, 0}, from / to double-long-unsigned
 * UTC seconds, selected values empty.
 */
import { Axdr, type AxdrData } from './axdr-data.ts';
import { expectArray, expectNumber, expectObisOctetString, expectStructure, item } from './axdr-match.ts';
import { obisToBytes, type ObisCode } from './obis.ts';

/** Access selector of a range descriptor. */
export const RANGE_DESCRIPTOR_SELECTOR = 1;

export interface CaptureObjectDefinition {
  readonly classId: number;
  readonly logicalName: ObisCode;
  readonly attributeIndex: number;
  readonly dataIndex: number;
}

export interface RangeDescriptor {
  readonly restrictingObject: CaptureObjectDefinition;
  readonly from: AxdrData;
  readonly to: AxdrData;
  /** Columns to return; empty: all. */
  readonly selectedValues: readonly CaptureObjectDefinition[];
}

function captureObjectData(c: CaptureObjectDefinition, field: string): AxdrData {
  return Axdr.structure(Axdr.longUnsigned(c.classId), Axdr.octetString(obisToBytes(c.logicalName, `${field}.logical-name`)), Axdr.integer(c.attributeIndex), Axdr.longUnsigned(c.dataIndex));
}

function readCaptureObject(d: AxdrData, field: string): CaptureObjectDefinition {
  const s = expectStructure(d, field, 4);
  return {
    classId: expectNumber(item(s, 0), 'long-unsigned', `${field}.class-id`),
    logicalName: expectObisOctetString(item(s, 1), `${field}.logical-name`),
    attributeIndex: expectNumber(item(s, 2), 'integer', `${field}.attribute-index`),
    dataIndex: expectNumber(item(s, 3), 'long-unsigned', `${field}.data-index`),
  };
}

/** The range descriptor as the access parameters Data. */
export function rangeDescriptorData(r: RangeDescriptor, field = 'range-descriptor'): AxdrData {
  return Axdr.structure(
    captureObjectData(r.restrictingObject, `${field}.restricting-object`),
    r.from,
    r.to,
    Axdr.array(...r.selectedValues.map((c, i) => captureObjectData(c, `${field}.selected-values[${i}]`))),
  );
}

/** Reads access parameters as a range descriptor (from / to stay Data: their type is the restricting object's). */
export function readRangeDescriptor(d: AxdrData, field = 'range-descriptor'): RangeDescriptor {
  const s = expectStructure(d, field, 4);
  return {
    restrictingObject: readCaptureObject(item(s, 0), `${field}.restricting-object`),
    from: item(s, 1),
    to: item(s, 2),
    selectedValues: expectArray(item(s, 3), `${field}.selected-values`).map((c, i) => readCaptureObject(c, `${field}.selected-values[${i}]`)),
  };
}
