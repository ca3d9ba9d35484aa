// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import { CRA, type GbcsHeader } from '../../harness/protocol/gbcs/frame-types.ts';
import { cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ccs06 } from '../../harness/protocol/gbcs/payload/use-cases/ccs06.ts';
import { ccs07, type Ccs07Response } from '../../harness/protocol/gbcs/payload/use-cases/ccs07.ts';
import { DeviceLogRecords } from './device-log-records.ts';

const CHF = '00DB1234567890A2';
const HEADER: GbcsHeader = { cra: CRA.response, counter: 1300n, originator: CHF, recipient: '90B3D51F30000002', dateTime: null, messageCode: ccs07.messageCode, supplementary: null };
const LOGS: Ccs07Response = {
  chfDeviceLog: { ok: true, details: { changedAt: cosemDateTimeFromDate(new Date(0)), logIdentifier: CHF, devices: [{ deviceId: '00DB1234567890A0', keyHash: new Uint8Array(16).fill(1) }] } },
  gpfDeviceLog: { ok: false, result: 'other-reason' },
};

function frame(header: GbcsHeader, payload: Uint8Array): Uint8Array {
  return encodeFrame({ ...header, payload, signature: null, macProtected: false, mac: null });
}

describe('DeviceLogRecords', () => {
  it('keeps the logs of a CCS07 response, by the CHF that sent it; a failed log is null', () => {
    const records = new DeviceLogRecords();
    const record = records.observe(frame(HEADER, ccs07.encodeResponse(LOGS, { header: HEADER })), 42);
    expect(record).toMatchObject({ chf: CHF, takenAt: 42, gpfDeviceLog: null });
    expect(records.ofChf(CHF)?.chfDeviceLog?.devices.map((d) => d.deviceId)).toEqual(['00DB1234567890A0']);
  });

  it('ignores other messages, commands and what does not decode', () => {
    const records = new DeviceLogRecords();
    const other = { ...HEADER, messageCode: ccs06.messageCode };
    expect(records.observe(frame(other, ccs06.encodeResponse({ ok: false, result: 'hardware-fault' }, { header: other })), 1)).toBeUndefined();
    expect(records.observe(frame({ ...HEADER, cra: CRA.command }, ccs07.encodeCommand({}, { header: HEADER })), 1)).toBeUndefined();
    expect(records.observe(frame(HEADER, Uint8Array.of(0xda, 0)), 1)).toBeUndefined();
    expect(records.observe(Uint8Array.of(1, 2, 3), 1)).toBeUndefined();
    expect(records.ofChf(CHF)).toBeUndefined();
  });
});
