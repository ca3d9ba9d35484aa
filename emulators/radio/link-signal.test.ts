// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { seededLinkQuality, seededLinkSignal, type HanLink } from './link-signal.ts';

const GSME_LINK: HanLink = { hub: '00DB1234567890A2', device: '00DB1234567890A1', band: '868MHz' };

describe('seededLinkSignal', () => {
  it('is stable for a seed and a link, and differs between seeds', () => {
    expect(seededLinkSignal('s1', GSME_LINK)).toEqual(seededLinkSignal('s1', GSME_LINK));
    const seeds = Array.from({ length: 8 }, (_, i) => JSON.stringify(seededLinkSignal(`seed-${i}`, GSME_LINK)));
    expect(new Set(seeds).size).toBeGreaterThan(1);
    expect(seededLinkSignal('s1', { ...GSME_LINK, device: '00DB1234567890A0' })).not.toEqual(seededLinkSignal('s1', GSME_LINK));
  });

  it('keeps max ≥ average ≥ min inside the band ranges, and LQI in 0..255 following RSSI', () => {
    for (let i = 0; i < 200; i++) {
      for (const band of ['868MHz', '2.4GHz'] as const) {
        const s = seededLinkSignal(`s${i}`, { ...GSME_LINK, band });
        expect(s.rssiMaxDbm).toBeGreaterThan(s.rssiAverageDbm);
        expect(s.rssiMinDbm).toBeLessThan(s.rssiAverageDbm);
        expect(s.rssiMinDbm).toBeGreaterThanOrEqual(-110);
        expect(s.rssiAverageDbm).toBeLessThanOrEqual(band === '868MHz' ? -55 : -45);
        expect(s.lqiMin).toBeLessThanOrEqual(s.lqiMax);
        expect(s.lqiMin).toBeGreaterThanOrEqual(0);
        expect(s.lqiMax).toBeLessThanOrEqual(255);
      }
    }
  });

  it('gives each link a frame error rate that falls with its signal margin', () => {
    const links = Array.from({ length: 100 }, (_, i) => seededLinkQuality(`s${i}`, GSME_LINK));
    for (const q of links) {
      expect(q.frameErrorRate).toBeGreaterThan(0);
      expect(q.frameErrorRate).toBeLessThanOrEqual(0.05);
      expect(seededLinkSignal(q === links[0] ? 's0' : 's1', GSME_LINK)).toBeDefined();
    }
    const byRssi = [...links].sort((a, b) => a.signal.rssiAverageDbm - b.signal.rssiAverageDbm);
    expect(byRssi[0]!.frameErrorRate).toBeGreaterThan(byRssi[byRssi.length - 1]!.frameErrorRate);
    expect(seededLinkQuality('s1', GSME_LINK).signal, 'CCS06 reports the same signal').toEqual(seededLinkSignal('s1', GSME_LINK));
  });
});
