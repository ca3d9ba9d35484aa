// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS02 — Remove Device from CHF Device Log, SRV 8.11 (RequestType Remove), message code 0x0002
 * (to the CHF, from the ACB).
 *
 * Command: Access request on ZigBee Network Control (class 104) 0-0:30.3.0.255 (CHF device log):
 *   [0] action method 2 (unregister device): octet-string(8) device id
 * RTDS: CCS02_8.11_SUCCESS_COMMAND removes the ESME 00-DB-12-34-56-78-90-A0.
 * Response: null-data and the action result (RTDS SUCCESS: success; ERROR: hardware-fault).
 * The removed device goes to the CHF's Historic Device Log (DOMAIN.md).
 */
import type { Eui64 } from '../../frame-types.ts';
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectEui, expectNull } from '../dlms/axdr-match.ts';
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import type { ActionResult } from '../dlms/dlms-results.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { CHF_DEVICE_LOG, ZIGBEE_NETWORK_CONTROL_CLASS_ID } from './ccs01.ts';
import { decodeFixedRequest, decodeFixedResponse, encodeFixedRequest, encodeFixedResponse } from './dlms-exchange.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

export interface Ccs02Command {
  /** The device to remove from the CHF Device Log. */
  readonly deviceId: Eui64;
}

export interface Ccs02Response {
  readonly unregisterDevice: ActionResult;
}

const SPECS: readonly AccessRequestSpec[] = [{ kind: 'action', classId: ZIGBEE_NETWORK_CONTROL_CLASS_ID, instanceId: CHF_DEVICE_LOG, methodId: 2 }];

export const ccs02: UseCaseCodec<Ccs02Command, Ccs02Response> = {
  kind: 'command-response',
  name: 'CCS02',
  messageCode: 0x0002,
  srv: '8.11',
  title: 'Remove Device from CHF Device Log',
  payloadKind: 'dlms',

  encodeCommand(f, ctx) {
    return encodeFixedRequest(ctx, SPECS, [Axdr.octetString(euiFieldBytes(f.deviceId, 'CCS02 command.deviceId'))]);
  },

  decodeCommand(payload, ctx) {
    const [device] = decodeFixedRequest(payload, ctx, SPECS, 'CCS02') as [AxdrData];
    return { deviceId: expectEui(device, 'access-request.data[0].device-id') };
  },

  encodeResponse(f, ctx) {
    return encodeFixedResponse(ctx, [Axdr.nullData()], [{ kind: 'action', result: f.unregisterDevice }]);
  },

  decodeResponse(payload, ctx) {
    const { data, specs } = decodeFixedResponse(payload, ctx, ['action'], 'CCS02');
    expectNull(data[0] as AxdrData, 'access-response.data[0]');
    return { unregisterDevice: (specs[0] as unknown as { result: ActionResult }).result };
  },
};
