// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { describeLimits, describeMeasurement, measurementFailure, measurementOf, withinLimits } from './measurement.ts';
import { closeMeasurementLog, openMeasurementLog, recordMeasurement } from './measurement-log.ts';

describe('a measurement with limits', () => {
  it('passes inside inclusive min / max and fails outside, naming value and limits', () => {
    expect(measurementOf('response time', 60_000, { max: 60_000, unit: 'ms' }).outcome).toBe('pass');
    const late = measurementOf('response time', 60_001, { max: 60_000, unit: 'ms' });
    expect(late.outcome).toBe('fail');
    expect(measurementFailure(late)).toBe('measurement "response time": 60001 ms is outside its limits (expected ≤ 60000 ms)');
    expect(describeMeasurement(measurementOf('advance', 12, { min: 1, max: 100, unit: 'Wh' }))).toBe('advance = 12 Wh (limit 1 … 100 Wh) ✓');
  });

  it('equals and oneOf compare exactly; a non-number never meets a numeric limit', () => {
    expect(withinLimits('1.9', { equals: '1.9' })).toBe(true);
    expect(withinLimits('1.90', { equals: '1.9' })).toBe(false);
    expect(withinLimits(null, { equals: null })).toBe(true);
    expect(withinLimits('E0', { oneOf: ['I0', 'I99'] })).toBe(false);
    expect(withinLimits('5', { min: 0 })).toBe(false);
    expect(withinLimits(3, { min: 0, equals: 3 })).toBe(true);
    expect(describeLimits({ oneOf: ['I0', 'I99'] })).toBe('one of "I0", "I99"');
    // nothing measured (e.g. an event that never came) is shown as none and fails a numeric limit
    expect(measurementFailure(measurementOf('first report after joining', null, { max: 60_000, unit: 'ms' }))).toBe('measurement "first report after joining": none is outside its limits (expected ≤ 60000 ms)');
  });

  it('a measurement without limits is a programming error', () => {
    expect(() => measurementOf('x', 1, { unit: 'ms' })).toThrow(/has no limits/);
  });

  it('the running execution keeps what it measures; outside one nothing is kept', () => {
    recordMeasurement('outside', 1, { equals: 1 });
    const log = openMeasurementLog();
    recordMeasurement('kept', 2, { max: 1 });
    recordMeasurement('kept too', 0, { max: 1 });
    closeMeasurementLog(log);
    recordMeasurement('after', 1, { equals: 1 });
    expect(log.all.map((m) => m.name)).toEqual(['kept', 'kept too']);
    expect(log.failed.map((m) => m.name)).toEqual(['kept']);
  });
});
