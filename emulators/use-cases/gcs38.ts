// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS38 on the GSME (queued in the CHF's sleepy buffer until it wakes): read the firmware
 * version, the Metering cluster's current meter id. Protection as RTDS
 * GCS38_11.2_SUCCESS_RESPONSE: MAC, no signature, no header date-time, plain ZCL. Refused [P]:
 * the attribute read answers not-authorized (or the status a fault names).
 */
import { bytesToHex } from '../../harness/protocol/gbcs/hex.ts';
import { gcs38, type Gcs38Response } from '../../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { ZclStatuses, type ZclStatus } from '../../harness/protocol/gbcs/payload/zcl/zcl-status.ts';
import { Gsme } from '../meters/gsme.ts';
import { METERING_ATTRIBUTE, ZCL_CLUSTER } from '../meters/zcl-clusters.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';
import { zclResult } from './zcl-read-results.ts';

export const gcs38OnGsme = emulateUseCase(gcs38, {
  targets: ['GSME'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(ZclStatuses.entries, 'not-authorized'),
  refuse: (command, result): Gcs38Response => ({ sequenceNumber: command.sequenceNumber, firmwareVersion: { status: result as Exclude<ZclStatus, 'success'> } }),

  respond(command, { device }): Gcs38Response {
    if (!(device instanceof Gsme)) throw new Error(`GCS38 reached a ${device.deviceType}`);
    const records = device.readAttributes(ZCL_CLUSTER.metering, [METERING_ATTRIBUTE.currentMeterId]);
    const firmwareVersion = zclResult(records, METERING_ATTRIBUTE.currentMeterId, (v) => {
      if (!(v.value instanceof Uint8Array)) throw new TypeError(`current meter id is ${v.type}, not an octet string`);
      return bytesToHex(v.value);
    });
    return { sequenceNumber: command.sequenceNumber, firmwareVersion };
  },
});
