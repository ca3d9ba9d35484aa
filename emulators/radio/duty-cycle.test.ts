// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { DUTY_CYCLE_STATES, DutyCycleMeter, checkThresholds, type DutyCycleStep } from './duty-cycle.ts';

const HOUR = 3_600_000;
/** Airtime in ms that is `percent` of the one-hour window. */
const pct = (percent: number) => (percent * HOUR) / 100;

describe('duty-cycle meter', () => {
  it('counts airtime over a rolling one-hour window', () => {
    const m = new DutyCycleMeter();
    m.transmit(0, 1000);
    m.transmit(10_000, 500);
    expect(m.usageMs(20_000)).toBe(1500);
    expect(m.usagePercent(20_000)).toBeCloseTo((1500 * 100) / HOUR, 12);
    // At one hour + 250 ms the first transmission is 750 ms inside the window.
    expect(m.usageMs(HOUR + 250)).toBe(1250);
    expect(m.usageMs(HOUR + 10_000 + 500)).toBe(0);
  });

  it('escalates Normal → Limited → Critical → Suspended at the thresholds, one alert per step', () => {
    const m = new DutyCycleMeter({ limitedPercent: 1.3, criticalPercent: 2.2, regulatedPercent: 2.5 });
    expect(m.transmit(0, pct(1.29))).toEqual([]);
    expect(m.transmit(100_000, pct(0.02)).map((s) => [s.to, s.alertCode])).toEqual([['limited', 0x8f20]]);
    expect(m.transmit(200_000, pct(0.9)).map((s) => [s.to, s.alertCode])).toEqual([['critical', 0x8f22]]);
    expect(m.transmit(300_000, pct(0.3)).map((s) => [s.to, s.alertCode])).toEqual([['suspended', 0x8f24]]);
    expect(m.mayTransmit(400_000)).toBe(false);
    expect(() => m.transmit(400_000, 10)).toThrow(/suspended/);
  });

  it('takes a jump over several thresholds as legal single steps, and falls back the same way', () => {
    const m = new DutyCycleMeter();
    const up = m.transmit(0, pct(3));
    expect(up.map((s) => `${s.from}>${s.to}:${s.alertCode.toString(16)}`)).toEqual(['normal>limited:8f20', 'limited>critical:8f22', 'critical>suspended:8f24']);
    const down = m.evaluate(2 * HOUR);
    expect(down.map((s) => `${s.from}>${s.to}:${s.alertCode.toString(16)}`)).toEqual(['suspended>critical:8f25', 'critical>limited:8f23', 'limited>normal:8f21']);
    expect(m.state).toBe('normal');
  });

  it('every step it ever takes is to an adjacent level, and the state matches the usage', () => {
    const m = new DutyCycleMeter();
    const steps: DutyCycleStep[] = [];
    let t = 0;
    // A deterministic burst pattern: heavy for a while, then quiet.
    for (let i = 0; i < 2000; i++) {
      t += i < 800 ? 1000 : 20_000;
      const airtime = i < 800 ? 150 : 5;
      if (m.mayTransmit(t)) steps.push(...m.transmit(t, airtime));
      steps.push(...m.evaluate(t + airtime));
    }
    expect(steps.length).toBeGreaterThan(4);
    for (const s of steps) expect(Math.abs(DUTY_CYCLE_STATES.indexOf(s.to) - DUTY_CYCLE_STATES.indexOf(s.from))).toBe(1);
    for (let i = 1; i < steps.length; i++) expect(steps[i]?.from).toBe(steps[i - 1]?.to);
  });

  it('tells when the usage will fall below the current level with nothing more sent', () => {
    const m = new DutyCycleMeter();
    m.transmit(0, pct(1.5)); // 54 s on air: Limited
    expect(m.state).toBe('limited');
    const at = m.nextStepDownAt(60_000);
    expect(at).not.toBeNull();
    // Below 1.3 % once 0.2 % (7.2 s) of the transmission has left the window.
    expect(at).toBe(HOUR + 7200 + 1);
    expect(m.evaluate((at as number) - 2)).toEqual([]);
    expect(m.evaluate(at as number).map((s) => s.to)).toEqual(['normal']);
    expect(m.nextStepDownAt((at as number) + 1)).toBeNull();
  });

  it('applies new thresholds at once (SRV 6.28) and refuses thresholds out of order', () => {
    const m = new DutyCycleMeter();
    m.transmit(0, pct(1.0));
    expect(m.configure({ limitedPercent: 0.5, criticalPercent: 0.9, regulatedPercent: 2.5 }, pct(1.0) + 10).map((s) => s.to)).toEqual(['limited', 'critical']);
    expect(() => checkThresholds({ limitedPercent: 2.2, criticalPercent: 1.3, regulatedPercent: 2.5 })).toThrow(/limited < critical < regulated/);
    expect(() => checkThresholds({ limitedPercent: 1, criticalPercent: 2, regulatedPercent: Number.NaN })).toThrow(RangeError);
  });

  it('says when a sender may next transmit without its usage reaching a ceiling', () => {
    const m = new DutyCycleMeter({ limitedPercent: 1.3, criticalPercent: 2.2, regulatedPercent: 2.5 });
    m.transmit(0, pct(1.2));
    // one frame at a time: not before the first ends; then room for 0.09 % (1.29 % at its end)
    expect(m.earliestRoomFor(pct(0.09), 1.3, 10_000)).toBe(pct(1.2));
    // not for 0.2 %: 0.1 % of the first transmission must have left the window by its end
    const at = m.earliestRoomFor(pct(0.2), 1.3, 10_000) as number;
    expect(at).toBe(HOUR + pct(0.1));
    expect(m.usageMs(at) + pct(0.2)).toBeLessThanOrEqual(pct(1.3));
    // a frame longer than the ceiling itself never fits
    expect(m.earliestRoomFor(pct(1.4), 1.3, 10_000)).toBeNull();
  });
});
