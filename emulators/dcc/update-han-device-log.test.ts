// SPDX-License-Identifier: GPL-3.0-or-later
import type { XMLData } from '@smartdcc/duis-parser';
import { describe, expect, it } from 'vitest';
import type { DeviceType } from '../device.ts';
import { RequestBodyError } from './request-body-error.ts';
import { ccs01CommandFromBody, ccs02CommandFromBody, updateHanDeviceLogRequestType } from './update-han-device-log.ts';

const inventory = { deviceTypeOf: (eui: string): DeviceType | undefined => (eui === '00DB1234567890A0' ? 'ESME' : undefined) };

function body(overrides: { deviceId?: string; requestType?: string; join?: string; code?: string } = {}): XMLData {
  return {
    UpdateHANDeviceLog: {
      DeviceID: overrides.deviceId ?? '00-DB-12-34-56-78-90-A0',
      RequestType: overrides.requestType ?? 'Add',
      AddDeviceToCHFWhitelist: { JoinTimePeriod: overrides.join ?? '90', InstallCode: overrides.code ?? '30313233343536373839414243444546', ImportMPxN: '1312345678111' },
    },
  };
}

function problemOf(b: XMLData): [string, string] {
  try {
    ccs01CommandFromBody(b, inventory);
  } catch (e) {
    if (e instanceof RequestBodyError) return [e.problem, e.message];
    throw e;
  }
  throw new Error('no problem found');
}

describe('ccs01CommandFromBody (SRV 8.11 → CCS01)', () => {
  it('reads the RTDS template body into the RTDS CCS01 command fields', () => {
    expect(ccs01CommandFromBody(body(), inventory)).toEqual({
      deviceId: '00DB1234567890A0',
      deviceType: 1,
      installCode: new TextEncoder().encode('0123456789ABCDEF'),
      registrationOption: 0,
      joinTimeoutSeconds: 90,
      enableJoining: true,
    });
  });

  it('names the element at fault and the DCC outcome', () => {
    expect(problemOf(body({ code: 'ABC' }))).toEqual(['malformed', expect.stringContaining('AddDeviceToCHFWhitelist/InstallCode: expected 16 bytes as 32 hex digits')]);
    expect(problemOf(body({ join: 'soon' }))).toEqual(['malformed', expect.stringContaining('JoinTimePeriod')]);
    expect(problemOf(body({ deviceId: '00-DB-12-34-56-78-90-FF' }))).toEqual(['unknown-device', expect.stringContaining("not in the DCC's inventory")]);
    expect(problemOf(body({ requestType: 'Replace' }))).toEqual(['malformed', expect.stringContaining('expected Add (CCS01) or Remove (CCS02), found "Replace"')]);
    expect(problemOf({ UpdateHANDeviceLog: '' })).toEqual(['malformed', expect.stringContaining('Request/Body/UpdateHANDeviceLog')]);
  });
});

describe('ccs02CommandFromBody (SRV 8.11 RequestType Remove → CCS02)', () => {
  const remove: XMLData = { UpdateHANDeviceLog: { DeviceID: '00-DB-12-34-56-78-90-A0', RequestType: 'Remove' } };

  it('reads the RTDS template body into the RTDS CCS02 command fields', () => {
    expect(updateHanDeviceLogRequestType(remove)).toBe('Remove');
    expect(updateHanDeviceLogRequestType(body())).toBe('Add');
    expect(ccs02CommandFromBody(remove)).toEqual({ deviceId: '00DB1234567890A0' });
  });

  it('refuses a body that is not a removal or names no EUI-64', () => {
    expect(() => ccs02CommandFromBody(body())).toThrow(/expected Add \(CCS01\) or Remove \(CCS02\), found "Add"/);
    expect(() => ccs02CommandFromBody({ UpdateHANDeviceLog: { DeviceID: 'nope', RequestType: 'Remove' } })).toThrow(/EUI-64/);
  });
});
