// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { DuisError } from './duis-error.ts';
import { findSrv, isRoleEligible, listSrvs, requireSrv } from './srv-matrix.ts';

describe('SRV matrix', () => {
  it('holds the 129 SRVs of duis-parser', () => {
    expect(listSrvs()).toHaveLength(129);
  });

  it('gives typed flags and roles', () => {
    expect(findSrv('4.1.1')).toEqual({
      srv: '4.1.1',
      serviceReference: '4.1',
      name: 'Read Instantaneous Import Registers',
      critical: false,
      onDemand: true,
      futureDatedResponse: 'DSP',
      futureDatable: true,
      dccScheduled: false,
      nonDevice: false,
      eligibleRoles: ['IS', 'GS', 'ED', 'GT'],
    });
    expect(findSrv('11.3')).toMatchObject({ critical: true, futureDatedResponse: 'Device' });
    expect(findSrv('8.14.1')).toMatchObject({ nonDevice: true, onDemand: false });
    expect(findSrv('6.28')).toMatchObject({ name: 'Set CHF Sub GHz Configuration', futureDatable: false });
  });

  it('answers role eligibility', () => {
    expect(isRoleEligible('4.1.1', 'IS')).toBe(true);
    expect(isRoleEligible('4.1.1', 'ES')).toBe(false);
    expect(isRoleEligible('11.2', 'OU')).toBe(true);
  });

  it('refuses an unknown SRV with close matches', () => {
    expect(findSrv('4.1.9')).toBeUndefined();
    expect(() => requireSrv('4.1.9')).toThrow(DuisError);
    expect(() => requireSrv('4.1.9')).toThrow(/unknown-srv.*close: .*4\.1\.1/);
  });
});
