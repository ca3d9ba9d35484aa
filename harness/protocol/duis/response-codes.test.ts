// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { describeResponseCode, isErrorCode, isResponseCodeShape, RESPONSE_CODE, RESPONSE_CODES } from './response-codes.ts';

describe('DUIS response codes', () => {
  it('has one entry per code, each with a meaning', () => {
    const codes = RESPONSE_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of RESPONSE_CODES) {
      expect(isResponseCodeShape(c.code)).toBe(true);
      expect(c.meaning.length).toBeGreaterThan(10);
    }
  });

  it('names the codes the harness uses by meaning', () => {
    expect(RESPONSE_CODE.success).toBe('I0');
    expect(RESPONSE_CODE.acknowledged).toBe('I99');
    expect(describeResponseCode(RESPONSE_CODE.roleNotEligible)?.title).toMatch(/User Role \/ Service Reference/);
    for (const meaning of ['malformedRequest', 'requestIdCounterNotIncreasing', 'unknownSrv'] as const) {
      const info = describeResponseCode(RESPONSE_CODE[meaning]);
      expect(info?.provisional).toBe(true);
      expect(isErrorCode(info!.code)).toBe(true);
    }
    expect(Object.values(RESPONSE_CODE).every((c) => describeResponseCode(c) !== undefined)).toBe(true);
  });

  it('recognises the shape of codes it does not know', () => {
    expect(isResponseCodeShape('E120201')).toBe(true);
    expect(isResponseCodeShape('I0x')).toBe(false);
    expect(describeResponseCode('E65')).toBeUndefined();
  });
});
