// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { readDeviceLogFromBody, readsSecurityDetails } from './read-device-log-body.ts';
import { RequestBodyError } from './request-body-error.ts';

describe('SRV 8.9 Read Device Log body', () => {
  it('tells a plain read (CCS06, CS07) from a security details read (CCS07)', () => {
    expect(readsSecurityDetails({ ReadDeviceLog: '' })).toBe(false);
    expect(readsSecurityDetails({ ReadDeviceLog: { ReadSecurityDetails: '' } })).toBe(true);
    expect(readsSecurityDetails({})).toBe(false);
    expect(readDeviceLogFromBody({ ReadDeviceLog: '' }, false)).toEqual({});
    expect(readDeviceLogFromBody({ ReadDeviceLog: { ReadSecurityDetails: '' } }, true)).toEqual({});
  });

  it('refuses a body without ReadDeviceLog, and security details where the row reads none', () => {
    expect(() => readDeviceLogFromBody({ UpdateHANDeviceLog: '' }, false)).toThrow(RequestBodyError);
    expect(() => readDeviceLogFromBody({ ReadDeviceLog: { ReadSecurityDetails: '' } }, false)).toThrow(/CHF only/);
    expect(() => readDeviceLogFromBody({ ReadDeviceLog: '' }, true)).toThrow(/ReadSecurityDetails/);
  });
});
