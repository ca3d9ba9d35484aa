// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS01 — Add Device to CHF Device Log, SRV 8.11, message code 0x0001 (to the CHF, from the ACB).
 *
 * Command: Access request on ZigBee Network Control (class 104) 0-0:30.3.0.255 (CHF device log):
 *   [0] action method 1 register device: structure { device id octet-string(8), device type enum,
 *       install code octet-string(16), enum }
 *   [1] set attribute 3 join timeout: long-unsigned (seconds)
 *   [2] set attribute 2 enable/disable joining: boolean
 * RTDS: ESME 00-DB-12-34-56-78-90-A0, device type 1, install code "0123456789ABCDEF", enum 0,
 * join timeout 90, joining enabled.
 * Response: three null-data and the action result + two set results.
 */
import type { Eui64 } from '../../frame-types.ts';
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectBoolean, expectEui, expectNull, expectNumber, expectOctetString, expectStructure, item } from '../dlms/axdr-match.ts';
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import type { ActionResult, DataAccessResult } from '../dlms/dlms-results.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { decodeFixedRequest, decodeFixedResponse, encodeFixedRequest, encodeFixedResponse } from './dlms-exchange.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

export const ZIGBEE_NETWORK_CONTROL_CLASS_ID = 104;
export const CHF_DEVICE_LOG = '0-0:30.3.0.255';

export interface Ccs01Command {
  readonly deviceId: Eui64;
  /**
   * Device type enum of the register-device structure. RTDS adds the ESME …-A0 with 1; the GBCS
   * table of names is not in the public material at hand, so the code is kept as a number.
   */
  readonly deviceType: number;
  /** 16-byte install code (key material, kept as bytes). */
  readonly installCode: Uint8Array;
  /** Fourth element of the register-device structure (enum; 0 in RTDS; meaning not stated there). */
  readonly registrationOption: number;
  /** Join timeout in seconds (DUIS JoinTimePeriod). */
  readonly joinTimeoutSeconds: number;
  readonly enableJoining: boolean;
}

export interface Ccs01Response {
  readonly registerDevice: ActionResult;
  readonly setJoinTimeout: DataAccessResult;
  readonly setEnableJoining: DataAccessResult;
}

const SPECS: readonly AccessRequestSpec[] = [
  { kind: 'action', classId: ZIGBEE_NETWORK_CONTROL_CLASS_ID, instanceId: CHF_DEVICE_LOG, methodId: 1 },
  { kind: 'set', classId: ZIGBEE_NETWORK_CONTROL_CLASS_ID, instanceId: CHF_DEVICE_LOG, attributeId: 3 },
  { kind: 'set', classId: ZIGBEE_NETWORK_CONTROL_CLASS_ID, instanceId: CHF_DEVICE_LOG, attributeId: 2 },
];

export const ccs01: UseCaseCodec<Ccs01Command, Ccs01Response> = {
  kind: 'command-response',
  name: 'CCS01',
  messageCode: 0x0001,
  srv: '8.11',
  title: 'Add Device to CHF Device Log',
  payloadKind: 'dlms',

  encodeCommand(f, ctx) {
    if (f.installCode.length !== 16) throw new PayloadEncodeError('CCS01 command.installCode', '16 bytes', String(f.installCode.length));
    return encodeFixedRequest(ctx, SPECS, [
      Axdr.structure(
        Axdr.octetString(euiFieldBytes(f.deviceId, 'CCS01 command.deviceId')),
        Axdr.enum(f.deviceType),
        Axdr.octetString(f.installCode),
        Axdr.enum(f.registrationOption),
      ),
      Axdr.longUnsigned(f.joinTimeoutSeconds),
      Axdr.boolean(f.enableJoining),
    ]);
  },

  decodeCommand(payload, ctx) {
    const [reg, timeout, joining] = decodeFixedRequest(payload, ctx, SPECS, 'CCS01') as [AxdrData, AxdrData, AxdrData];
    const s = expectStructure(reg, 'access-request.data[0].register-device', 4);
    return {
      deviceId: expectEui(item(s, 0), 'access-request.data[0].device-id'),
      deviceType: expectNumber(item(s, 1), 'enum', 'access-request.data[0].device-type'),
      installCode: expectOctetString(item(s, 2), 'access-request.data[0].install-code', 16),
      registrationOption: expectNumber(item(s, 3), 'enum', 'access-request.data[0].registration-option'),
      joinTimeoutSeconds: expectNumber(timeout, 'long-unsigned', 'access-request.data[1].join-timeout'),
      enableJoining: expectBoolean(joining, 'access-request.data[2].enable-joining'),
    };
  },

  encodeResponse(f, ctx) {
    return encodeFixedResponse(ctx, [Axdr.nullData(), Axdr.nullData(), Axdr.nullData()], [
      { kind: 'action', result: f.registerDevice },
      { kind: 'set', result: f.setJoinTimeout },
      { kind: 'set', result: f.setEnableJoining },
    ]);
  },

  decodeResponse(payload, ctx) {
    const { data, specs } = decodeFixedResponse(payload, ctx, ['action', 'set', 'set'], 'CCS01');
    data.forEach((d, i) => expectNull(d, `access-response.data[${i}]`));
    const [a, b, c] = specs as unknown as [{ result: ActionResult }, { result: DataAccessResult }, { result: DataAccessResult }];
    return { registerDevice: a.result, setJoinTimeout: b.result, setEnableJoining: c.result };
  },
};
