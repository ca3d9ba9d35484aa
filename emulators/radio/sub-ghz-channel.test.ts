// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { subGhzChannelFromMask, subGhzChannelMask } from './sub-ghz-channel.ts';

describe('sub-GHz channel mask', () => {
  it('encodes page in the top 5 bits and the channel as a bitmap (RTDS E0000001 = page 28 channel 0)', () => {
    expect(subGhzChannelMask({ page: 28, channel: 0 })).toBe(0xe0000001);
    expect(subGhzChannelMask({ page: 28, channel: 5 })).toBe(0xe0000020);
    expect(subGhzChannelMask({ page: 31, channel: 26 })).toBe(0xfc000000);
    expect(subGhzChannelMask({ page: 29, channel: 62 })).toBe(0xe8000100);
  });

  it('round-trips every channel of pages 28–31 and refuses what is not one channel', () => {
    for (const page of [28, 29, 30, 31] as const) {
      for (let channel = 0; channel <= 62; channel++) {
        let mask: number;
        try {
          mask = subGhzChannelMask({ page, channel });
        } catch {
          continue;
        }
        expect(subGhzChannelFromMask(mask)).toEqual({ page, channel });
      }
    }
    expect(() => subGhzChannelMask({ page: 30, channel: 3 })).toThrow(new RangeError('channel 3 is not on page 30 (its channels are 35–61)'));
    expect(() => subGhzChannelMask({ page: 29, channel: 40 })).toThrow(/its channels are 27–34 and 62/);
    expect(() => subGhzChannelFromMask(0xe0000003)).toThrow(RangeError);
    expect(() => subGhzChannelFromMask(0x00000001)).toThrow(RangeError);
  });
});
