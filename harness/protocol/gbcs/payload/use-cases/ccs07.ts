// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS07 — Read CHF Device Logs, SRV 8.9 with ReadSecurityDetails, message code 0x00FE (to the
 * CHF, from the ACB): the security details of the CHF Device Log and of the GPF Device Log
 * [V: DOMAIN.md — CCS07 reads both; RTDS 8.9_CCS07].
 *
 * Command: Access request, two actions method 4 with null-data, on ZigBee Network Control
 * (class 104) 0-0:30.3.0.255 (CHF Device Log) and 0-0:30.3.1.255 (GPF Device Log [P: the
 * second instance read as the GPF's, following DOMAIN.md]).
 * Response: per log, its security details (device-log-security.ts: date-time, 8-byte log
 * identifier, devices with 16-byte key hashes) and the action result; a failed action carries
 * null-data [V: RTDS ERROR — null-data twice, hardware-fault and other-reason].
 * RTDS SUCCESS: CHF log ESME …-A0 and GSME …-A1 (the hashes of RTDS CS14 / CCS03), GPF log
 * …-A3 and …-A4.
 */
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import type { AccessResponseSpec } from '../dlms/access-response.ts';
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectType } from '../dlms/axdr-match.ts';
import type { ActionResult } from '../dlms/dlms-results.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { CHF_DEVICE_LOG, ZIGBEE_NETWORK_CONTROL_CLASS_ID } from './ccs01.ts';
import { expectSecurityDetails, securityDetailsData, type DeviceLogSecurityDetails } from './device-log-security.ts';
import { decodeFixedResponse, encodeFixedResponse, nullDataCommand } from './dlms-exchange.ts';
import type { NoFields, UseCaseCodec } from './use-case-codec.ts';

/** [P] The GPF Device Log as the CHF holds it (second instance of CCS07). */
export const GPF_DEVICE_LOG = '0-0:30.3.1.255';

/** One log's outcome: its security details, or the action's failure result. */
export type DeviceLogRead =
  | { readonly ok: true; readonly details: DeviceLogSecurityDetails }
  | { readonly ok: false; readonly result: Exclude<ActionResult, 'success'> };

export interface Ccs07Response {
  readonly chfDeviceLog: DeviceLogRead;
  readonly gpfDeviceLog: DeviceLogRead;
}

const SPECS: readonly AccessRequestSpec[] = [
  { kind: 'action', classId: ZIGBEE_NETWORK_CONTROL_CLASS_ID, instanceId: CHF_DEVICE_LOG, methodId: 4 },
  { kind: 'action', classId: ZIGBEE_NETWORK_CONTROL_CLASS_ID, instanceId: GPF_DEVICE_LOG, methodId: 4 },
];

const LOGS = ['chfDeviceLog', 'gpfDeviceLog'] as const;

function readData(read: DeviceLogRead, field: string): { data: AxdrData; spec: AccessResponseSpec } {
  if (read.ok) return { data: securityDetailsData(read.details, field), spec: { kind: 'action', result: 'success' } };
  if ((read.result as string) === 'success') throw new PayloadEncodeError(`${field}.result`, 'a failure result when ok is false', 'success');
  return { data: Axdr.nullData(), spec: { kind: 'action', result: read.result } };
}

export const ccs07: UseCaseCodec<NoFields, Ccs07Response> = {
  kind: 'command-response',
  name: 'CCS07',
  messageCode: 0x00fe,
  srv: '8.9',
  title: 'Read CHF Device Logs',
  payloadKind: 'dlms',

  ...nullDataCommand(SPECS, 'CCS07'),

  encodeResponse(fields, ctx) {
    const parts = LOGS.map((log) => readData(fields[log], `CCS07 response.${log}`));
    return encodeFixedResponse(
      ctx,
      parts.map((p) => p.data),
      parts.map((p) => p.spec),
    );
  },

  decodeResponse(payload, ctx) {
    const { data, specs } = decodeFixedResponse(payload, ctx, ['action', 'action'], 'CCS07');
    const [chfDeviceLog, gpfDeviceLog] = LOGS.map((log, i): DeviceLogRead => {
      const d = data[i] as AxdrData;
      const result = (specs[i] as { result: ActionResult }).result;
      const field = `access-response.data[${i}]`;
      if (result !== 'success') {
        expectType(d, 'null-data', `${field} (a failed action carries null-data)`);
        return { ok: false, result };
      }
      return { ok: true, details: expectSecurityDetails(d, `${field}.${log === 'chfDeviceLog' ? 'chf-device-log' : 'gpf-device-log'}`) };
    }) as [DeviceLogRead, DeviceLogRead];
    return { chfDeviceLog, gpfDeviceLog };
  },
};
