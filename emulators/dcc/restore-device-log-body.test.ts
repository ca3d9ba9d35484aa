// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { GBCS_DEVICE_TYPE } from '../../harness/protocol/gbcs/payload/use-cases/device-type-entry.ts';
import type { DeviceType } from '../device.ts';
import type { DeviceLogRecord } from './device-log-records.ts';
import { RequestBodyError } from './request-body-error.ts';
import { ccs03CommandFromBody, gcs59CommandFromBody } from './restore-device-log-body.ts';
import type { TransformContext } from './srv-transforms.ts';

const CHF = '00DB1234567890A2';
const GPF = '00DB1234567890A3';
const IHD = '00DB12345678909C';
const key = (n: number) => new Uint8Array(16).fill(n);
const RECORD: DeviceLogRecord = {
  chf: CHF,
  takenAt: 0,
  chfDeviceLog: { changedAt: cosemDateTimeFromDate(new Date(0)), logIdentifier: CHF, devices: [{ deviceId: '00DB1234567890A0', keyHash: key(1) }] },
  gpfDeviceLog: {
    changedAt: cosemDateTimeFromDate(new Date(0)),
    logIdentifier: GPF,
    devices: [
      { deviceId: '00DB1234567890A1', keyHash: key(2) },
      { deviceId: IHD, keyHash: key(0) },
    ],
  },
};
const TYPES: Record<string, DeviceType> = { [CHF]: 'CHF', [GPF]: 'GPF', '00DB1234567890A0': 'ESME', '00DB1234567890A1': 'GSME' };
const context: TransformContext = {
  deviceTypeOf: (eui) => TYPES[eui],
  deviceLogRecordOf: (eui) => (eui === CHF || eui === GPF ? RECORD : undefined),
};

describe('SRV 8.12 Restore Device Log bodies', () => {
  it('8.12.1: the CHF Device Log the DCC holds for the old hub', () => {
    expect(ccs03CommandFromBody({ RestoreHANDeviceLog: { OldCHFID: '00-DB-12-34-56-78-90-A2' } }, context)).toEqual({
      logIdentifier: CHF,
      devices: RECORD.chfDeviceLog!.devices,
    });
  });

  it('8.12.2: the GPF Device Log with the inventory types (an unknown device as a Type 2 device)', () => {
    expect(gcs59CommandFromBody({ RestoreGPFDeviceLog: { OldGPFID: '00-DB-12-34-56-78-90-A3' } }, context)).toEqual({
      devices: [
        { deviceId: '00DB1234567890A1', deviceType: GBCS_DEVICE_TYPE.GSME },
        { deviceId: IHD, deviceType: GBCS_DEVICE_TYPE.type2 },
      ],
    });
  });

  it('an old hub the DCC holds no log of restores an empty log; a bad id is malformed', () => {
    expect(ccs03CommandFromBody({ RestoreHANDeviceLog: { OldCHFID: '00-DB-12-34-56-78-90-95' } }, context)).toEqual({ logIdentifier: '00DB123456789095', devices: [] });
    expect(gcs59CommandFromBody({ RestoreGPFDeviceLog: { OldGPFID: '00-DB-12-34-56-78-90-B3' } }, { deviceTypeOf: () => undefined })).toEqual({ devices: [] });
    expect(() => ccs03CommandFromBody({ RestoreHANDeviceLog: { OldCHFID: 'nope' } }, context)).toThrow(RequestBodyError);
    expect(() => gcs59CommandFromBody({ RestoreHANDeviceLog: { OldCHFID: '00-DB-12-34-56-78-90-A2' } }, context)).toThrow(/RestoreGPFDeviceLog/);
  });
});
