// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { Axdr } from '../dlms/axdr-data.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { channelMaskBits, channelMaskData, expectChannelMask, subGhzChannelMask, subGhzChannelMaskFor } from './sub-ghz-channel-mask.ts';

describe('sub-GHz channel mask', () => {
  it('reads the RTDS mask E0000001 as page 28 channel 0', () => {
    expect(subGhzChannelMask(0xe0000001)).toEqual({ mask: 0xe0000001, page: 28, channels: [0] });
  });

  it('builds masks per page', () => {
    expect(subGhzChannelMaskFor(28, [5]).mask).toBe(0xe0000020);
    expect(subGhzChannelMaskFor(29, [27, 62]).mask).toBe(0xe8000101);
    expect(subGhzChannelMaskFor(30, [35]).mask).toBe(0xf0000001);
    expect(subGhzChannelMaskFor(31, [26]).mask).toBe(0xfc000000);
    expect(() => subGhzChannelMaskFor(30, [5])).toThrow(PayloadEncodeError);
  });

  it('gives the 32-bit string and refuses inconsistent fields', () => {
    expect(channelMaskBits(subGhzChannelMask(0xe0000001))).toBe('11100000000000000000000000000001');
    expect(() => channelMaskBits({ mask: 0xe0000001, page: 29, channels: [0] })).toThrow(PayloadEncodeError);
  });

  it('is carried by DLMS as a 32-bit bit-string', () => {
    const page31 = subGhzChannelMaskFor(31, [26]);
    expect(channelMaskData(page31)).toEqual(Axdr.bitString('11111100000000000000000000000000'));
    expect(expectChannelMask(channelMaskData(page31), 'mask')).toEqual(page31);
    expect(() => expectChannelMask(Axdr.bitString('1110'), 'mask')).toThrow(PayloadDecodeError);
    expect(() => expectChannelMask(Axdr.doubleLongUnsigned(0xe0000001), 'mask')).toThrow(/bit-string/);
  });
});
