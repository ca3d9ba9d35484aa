// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { categoriseFailure, failureFrom, normaliseFailureText, signatureLines, signatureOf, failureIdentityText } from './failure.ts';

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

  it('derives one signature per distinct failed expectation, the first being `signature`', () => {
    const both = failureFrom('READ-1', ['expected 5 to be 6 // Object.is equality\n\n- Expected\n+ Received', 'MAC: expected invalid to be valid', 'expected 5 to be 6 // Object.is equality']);
    expect(both.message).toBe('expected 5 to be 6 // Object.is equality\n\n- Expected\n+ Received\nMAC: expected invalid to be valid\nexpected 5 to be 6 // Object.is equality');
    expect(both.signatures).toEqual([signatureOf('READ-1', 'expected 5 to be 6 // Object.is equality'), signatureOf('READ-1', 'MAC: expected invalid to be valid')]);
    expect(both.signature).toBe(both.signatures[0]);
    expect(failureFrom('READ-1', ['MAC: expected invalid to be valid']).signatures).toEqual([both.signatures[1]]);
  });

  it('gives a failure without messages one signature', () => {
    const none = failureFrom('READ-1', []);
    expect(none.signatures).toEqual([none.signature]);
    expect(none.message).toBe('');
  });

  it('finds the normalised line of each signature in the joined message again', () => {
    const f = failureFrom('READ-1', ['no response from 00DB1234567890A0\nat line 3', 'MAC: expected invalid to be valid']);
    expect([...signatureLines('READ-1', f.message, f.signatures).values()]).toEqual(['no response from <eui>', 'MAC: expected invalid to be valid']);
    expect(signatureLines('READ-1', f.message, ['unknown']).get('unknown')).toBe('no response from <eui>');
  });

  it('classifies transport errors, DCC 5xx and a failed canary as environment failures, never product', () => {
    expect(categoriseFailure('TypeError: fetch failed (ECONNREFUSED 127.0.0.1:8079)')).toBe('environment');
    expect(categoriseFailure('the DCC answered HTTP 503')).toBe('environment');
    expect(categoriseFailure('HTTP 503 from the DCC edge')).toBe('environment');
    expect(categoriseFailure('could not reach the DCC at http://127.0.0.1:8079/api/v1/serviceS: boom')).toBe('environment');
    expect(categoriseFailure('canary 8.14.1 to the DCC failed before the test: E5')).toBe('environment');
    expect(categoriseFailure('expected I99, got E65\nthen HTTP status 502')).toBe('environment');
    expect(categoriseFailure('ECS17b response: MAC expected valid, got invalid')).toBe('product');
    expect(categoriseFailure('register value expected 5003 to be 5004')).toBe('product');
    expect(categoriseFailure("TypeError: cannot read properties of undefined (reading 'x')")).toBe('harness');
  });
});

describe('failure identity', () => {
  it('is the same for the same check failing with other values, and differs for another check', () => {
    const v110 = failureFrom('FW-READ-GSME', ["firmware version the GSME reports: expected '312E302E39' to be '312E312E30'"]);
    const v120 = failureFrom('FW-READ-GSME', ["firmware version the GSME reports: expected '312E302E39' to be '312E322E30'"]);
    const late = failureFrom('FW-READ-GSME', ['no DUIS response to 90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A1:1555059600000 within 1860000 ms']);
    const late2 = failureFrom('FW-READ-GSME', ['no DUIS response to 90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A4:1555060000000 within 2460000 ms']);
    expect(v110.signature).toBe(v120.signature);
    expect(late.signature).toBe(late2.signature);
    expect(late.signature).not.toBe(v110.signature);
    expect(failureIdentityText("MAC: expected 'invalid' to be 'valid'")).toBe('MAC: expected <value> to be <value>');
  });
});
