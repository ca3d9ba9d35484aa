// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS03 — Restore CHF Device Log, SRV 8.12.1 (Restore HAN Device Log), message code 0x0003 (to
 * the CHF, from the ACB): the DCC writes a device log it holds — devices and their 16-byte key
 * material — into a CHF, as after a comms hub replacement [V: DOMAIN.md; RTDS 8.12.1_CCS03].
 *
 * Command: Access request, action method 5 on ZigBee Network Control (class 104)
 * 0-0:30.3.0.255 (CHF Device Log) with structure { octet-string(8) log identifier, device key
 * list } (device-log-security.ts). RTDS: identifier 00-00-00-00-00-00-01-40, ESME …-A0 and
 * GSME …-A1 with the key hashes RTDS CS14 / CCS07 report for them.
 * Response: null-data and the action result (RTDS SUCCESS: success; ERROR: hardware-fault).
 */
import type { Eui64 } from '../../frame-types.ts';
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectEui, expectNull, expectStructure, item } from '../dlms/axdr-match.ts';
import type { ActionResult } from '../dlms/dlms-results.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { CHF_DEVICE_LOG, ZIGBEE_NETWORK_CONTROL_CLASS_ID } from './ccs01.ts';
import { deviceKeyListData, expectDeviceKeyList, type DeviceKeyEntry } from './device-log-security.ts';
import { decodeFixedRequest, decodeFixedResponse, encodeFixedRequest, encodeFixedResponse } from './dlms-exchange.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

export interface Ccs03Command {
  /** The 8-byte log identifier (device-log-security.ts: [P] the EUI of the hub whose log it was). */
  readonly logIdentifier: Eui64;
  readonly devices: readonly DeviceKeyEntry[];
}

export interface Ccs03Response {
  readonly restoreDeviceLog: ActionResult;
}

const SPECS: readonly AccessRequestSpec[] = [{ kind: 'action', classId: ZIGBEE_NETWORK_CONTROL_CLASS_ID, instanceId: CHF_DEVICE_LOG, methodId: 5 }];
const FIELD = 'access-request.data[0]';

export const ccs03: UseCaseCodec<Ccs03Command, Ccs03Response> = {
  kind: 'command-response',
  name: 'CCS03',
  messageCode: 0x0003,
  srv: '8.12.1',
  title: 'Restore CHF Device Log',
  payloadKind: 'dlms',

  encodeCommand(f, ctx) {
    return encodeFixedRequest(ctx, SPECS, [
      Axdr.structure(Axdr.octetString(euiFieldBytes(f.logIdentifier, 'CCS03 command.logIdentifier')), deviceKeyListData(f.devices, 'CCS03 command.devices')),
    ]);
  },

  decodeCommand(payload, ctx) {
    const [restore] = decodeFixedRequest(payload, ctx, SPECS, 'CCS03') as [AxdrData];
    const s = expectStructure(restore, `${FIELD}.restore-device-log`, 2);
    return {
      logIdentifier: expectEui(item(s, 0), `${FIELD}.log-identifier`),
      devices: expectDeviceKeyList(item(s, 1), `${FIELD}.devices`),
    };
  },

  encodeResponse(f, ctx) {
    return encodeFixedResponse(ctx, [Axdr.nullData()], [{ kind: 'action', result: f.restoreDeviceLog }]);
  },

  decodeResponse(payload, ctx) {
    const { data, specs } = decodeFixedResponse(payload, ctx, ['action'], 'CCS03');
    expectNull(data[0] as AxdrData, 'access-response.data[0]');
    return { restoreDeviceLog: (specs[0] as { result: ActionResult }).result };
  },
};
