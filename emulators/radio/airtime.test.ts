// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { RADIO_2_4_GHZ, RADIO_868_MHZ, airtimeMs, framesFor, payloadPerFrame, radioOf, subGhzRadio } from './airtime.ts';

describe('airtime', () => {
  it('sends a one-frame message at the band rate with its PHY and header overhead', () => {
    // 2.4 GHz: (50 + 45 + 6) bytes × 8 bits / 250 kbit/s = 3.232 ms.
    expect(airtimeMs(RADIO_2_4_GHZ, 50)).toBeCloseTo(3.232, 9);
    // 868 MHz at 100 kbit/s: (50 + 45 + 12) × 8 / 100 000 = 8.56 ms.
    expect(airtimeMs(RADIO_868_MHZ, 50)).toBeCloseTo(8.56, 9);
  });

  it('fragments a message larger than one frame carries', () => {
    expect(payloadPerFrame(RADIO_2_4_GHZ)).toBe(82);
    expect(framesFor(RADIO_2_4_GHZ, 0)).toBe(1);
    expect(framesFor(RADIO_2_4_GHZ, 82)).toBe(1);
    expect(framesFor(RADIO_2_4_GHZ, 83)).toBe(2);
    // 1000 bytes in 13 frames of 45 header + 6 PHY bytes each: (1000 + 13 × 51) × 8 / 250 000 s.
    expect(airtimeMs(RADIO_2_4_GHZ, 1000)).toBeCloseTo(((1000 + 13 * 51) * 8) / 250, 9);
  });

  it('scales with the sub-GHz data rate and refuses nonsense', () => {
    expect(airtimeMs(subGhzRadio(50_000), 100)).toBeCloseTo(2 * airtimeMs(subGhzRadio(100_000), 100), 9);
    expect(radioOf('868MHz').band).toBe('868MHz');
    expect(() => subGhzRadio(0)).toThrow(/positive/);
    expect(() => framesFor(RADIO_868_MHZ, -1)).toThrow(/whole number/);
  });
});
