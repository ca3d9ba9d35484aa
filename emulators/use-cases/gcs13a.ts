// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS13a on the GPF (answered at once from its mirror of the GSME) or on the GSME itself
 * (queued until it wakes): read the gas consumption register. Protection as RTDS
 * GCS13a_4.1.1_SUCCESS_RELIABLE_GPF_RESPONSE: MAC, no signature, header date-time present
 * (clock status 00), inner-encrypted ZCL. Refused [P]: every attribute read answers the status
 * not-authorized (or the status a fault names).
 */
import { gcs13a, type Gcs13aResponse } from '../../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { ZclStatuses, type ZclStatus } from '../../harness/protocol/gbcs/payload/zcl/zcl-status.ts';
import { ZseUnitsOfMeasure } from '../../harness/protocol/gbcs/payload/zcl/zse-metering.ts';
import { Gpf } from '../comms-hub/gpf.ts';
import { Gsme } from '../meters/gsme.ts';
import { METERING_ATTRIBUTE, ZCL_CLUSTER } from '../meters/zcl-clusters.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';
import { numberOf, zclResult } from './zcl-read-results.ts';

const READ = [METERING_ATTRIBUTE.divisor, METERING_ATTRIBUTE.multiplier, METERING_ATTRIBUTE.unitOfMeasure, METERING_ATTRIBUTE.currentSummationDelivered];

export const gcs13aOnGpfOrGsme = emulateUseCase(gcs13a, {
  targets: ['GPF', 'GSME'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: { clockStatus: 0x00 } },
  innerEncryption: true,

  refusalResults: failureNames(ZclStatuses.entries, 'not-authorized'),
  refuse(command, result): Gcs13aResponse {
    const status = { status: result as Exclude<ZclStatus, 'success'> };
    return { sequenceNumber: command.sequenceNumber, divisor: status, multiplier: status, unitOfMeasure: status, currentSummationDelivered: status };
  },

  respond(command, { device }): Gcs13aResponse {
    if (!(device instanceof Gpf || device instanceof Gsme)) throw new Error(`GCS13a reached a ${device.deviceType}`);
    const records = device.readAttributes(ZCL_CLUSTER.metering, READ);
    return {
      sequenceNumber: command.sequenceNumber,
      divisor: zclResult(records, METERING_ATTRIBUTE.divisor, numberOf),
      multiplier: zclResult(records, METERING_ATTRIBUTE.multiplier, numberOf),
      unitOfMeasure: zclResult(records, METERING_ATTRIBUTE.unitOfMeasure, (v) => ZseUnitsOfMeasure.nameOf(numberOf(v))),
      currentSummationDelivered: zclResult(records, METERING_ATTRIBUTE.currentSummationDelivered, numberOf),
    };
  },
});

