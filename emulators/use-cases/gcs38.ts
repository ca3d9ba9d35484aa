// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS38 on the GSME (queued in the CHF's sleepy buffer until it wakes): read the firmware
 * version, the Metering cluster's current meter id. Protection as RTDS
 * GCS38_11.2_SUCCESS_RESPONSE: MAC, no signature, no header date-time, plain ZCL.
 */
import { bytesToHex } from '../../harness/protocol/gbcs/hex.ts';
import { gcs38 } from '../../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { Gsme } from '../meters/gsme.ts';
import { METERING_ATTRIBUTE, ZCL_CLUSTER } from '../meters/zcl-clusters.ts';
import { emulateUseCase } from './emulated-use-case.ts';
import { zclResult } from './zcl-read-results.ts';

export const gcs38OnGsme = emulateUseCase(gcs38, {
  targets: ['GSME'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  respond(command, { device, payload }) {
    if (!(device instanceof Gsme)) throw new Error(`GCS38 reached a ${device.deviceType}`);
    const records = device.readAttributes(ZCL_CLUSTER.metering, [METERING_ATTRIBUTE.currentMeterId]);
    const firmwareVersion = zclResult(records, METERING_ATTRIBUTE.currentMeterId, (v) => {
      if (!(v.value instanceof Uint8Array)) throw new TypeError(`current meter id is ${v.type}, not an octet string`);
      return bytesToHex(v.value);
    });
    return gcs38.encodeResponse({ sequenceNumber: command.sequenceNumber, firmwareVersion }, payload);
  },
});
