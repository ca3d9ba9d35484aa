// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { categoriseFailure, failureFrom, normaliseFailureText } from './failure.ts';

describe('failure signatures', () => {
  it('normalises identities, counters and times away', () => {
    expect(normaliseFailureText('no response from 00DB1234567890A0 to 90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1555059600000 at 2019-04-12T09:00:00Z')).toBe(
      'no response from <eui> to <eui>:<eui>:<n> at <time>',
    );
  });

  it('gives the same fault on two combinations one signature, and two faults two', () => {
    const a = failureFrom('READ-1', ['expected 5 to be 6 (device 00DB1234567890A0, counter 1555059600000)']);
    const b = failureFrom('READ-1', ['expected 5 to be 6 (device 00DB1234567890A1, counter 1555059612345)']);
    const c = failureFrom('READ-1', ['MAC: expected invalid to be valid']);
    expect(a.signature).toBe(b.signature);
    expect(a.signature).not.toBe(c.signature);
    expect(failureFrom('READ-2', ['expected 5 to be 6']).signature).not.toBe(failureFrom('READ-1', ['expected 5 to be 6']).signature);
  });

  it('classifies transport errors and DCC 5xx as environment failures, never product', () => {
    expect(categoriseFailure('TypeError: fetch failed (ECONNREFUSED 127.0.0.1:8079)')).toBe('environment');
    expect(categoriseFailure('the DCC answered HTTP 503')).toBe('environment');
    expect(categoriseFailure('ECS17b response: MAC expected valid, got invalid')).toBe('product');
    expect(categoriseFailure("TypeError: cannot read properties of undefined (reading 'x')")).toBe('harness');
  });
});
