// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { alertCodeName } from './alert-codes.ts';

describe('alert code names', () => {
  it('names the DOMAIN.md alerts', () => {
    expect(alertCodeName(0x8f12)).toBe('CHF Device Log Changed');
    expect(alertCodeName(0x8f49)).toBe('Device Joined');
    expect(alertCodeName(0x1234)).toBeUndefined();
  });
});
