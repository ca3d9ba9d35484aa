// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { Axdr, decodeAxdrData, encodeAxdrData } from './axdr-data.ts';
import { rangeDescriptorData, readRangeDescriptor, type RangeDescriptor } from './range-descriptor.ts';

const CLOCK = { classId: 8, logicalName: '0-0:1.0.0.255', attributeIndex: 2, dataIndex: 0 } as const;
const RANGE: RangeDescriptor = {
  restrictingObject: CLOCK,
  from: Axdr.doubleLongUnsigned(1),
  to: Axdr.doubleLongUnsigned(2),
  selectedValues: [{ classId: 3, logicalName: '1-0:1.8.0.255', attributeIndex: 2, dataIndex: 0 }],
};
const HEX =
  '0204' +
  '0204120008090600000100' + '00FF0F02120000' + // {8, 0-0:1.0.0.255, 2, 0}
  '0600000001' +
  '0600000002' +
  '0101' + '0204120003090601000108' + '00FF0F02120000'; // [{3, 1-0:1.8.0.255, 2, 0}]

describe('range descriptor (selective access, selector 1)', () => {
  it('writes restricting object, from, to and selected columns', () => {
    expect(bytesToHex(encodeAxdrData(rangeDescriptorData(RANGE)))).toBe(HEX);
    expect(readRangeDescriptor(decodeAxdrData(Buffer.from(HEX, 'hex')))).toEqual(RANGE);
  });

  it('refuses a bad logical name and a capture object of another shape', () => {
    expect(() => rangeDescriptorData({ ...RANGE, restrictingObject: { ...CLOCK, logicalName: '0-0:1.0.0' as never } })).toThrow(PayloadEncodeError);
    const short = Axdr.structure(Axdr.structure(Axdr.longUnsigned(8)), Axdr.nullData(), Axdr.nullData(), Axdr.array());
    expect(() => readRangeDescriptor(short)).toThrow(PayloadDecodeError);
    expect(() => readRangeDescriptor(Axdr.array())).toThrow(/structure/);
  });
});
