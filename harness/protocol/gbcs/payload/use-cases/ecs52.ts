// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS52 — Read ESME/Comms Hub Firmware Version, SRV 11.2, message code 0x0059.
 * Command: Access request, get class 1 (Data) 0-0:0.2.1.255 attribute 2, null-data.
 * Response: the firmware version octet-string and a get result (RTDS: 01 23 AB CD, success).
 */
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectNull, expectOctetString, expectType } from '../dlms/axdr-match.ts';
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import type { DataAccessResult } from '../dlms/dlms-results.ts';
import { bytesToHex } from '../../hex.ts';
import { hexFieldBytes } from '../field-bytes.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { decodeFixedRequest, decodeFixedResponse, encodeFixedRequest, encodeFixedResponse } from './dlms-exchange.ts';
import { NO_FIELDS, type NoFields, type UseCaseCodec } from './use-case-codec.ts';

export type Ecs52Response =
  | { readonly ok: true; /** Firmware version octet-string as upper-case hex, e.g. "0123ABCD". */ readonly firmwareVersion: string }
  | { readonly ok: false; readonly result: Exclude<DataAccessResult, 'success'> };

const SPECS: readonly AccessRequestSpec[] = [{ kind: 'get', classId: 1, instanceId: '0-0:0.2.1.255', attributeId: 2 }];

export const ecs52: UseCaseCodec<NoFields, Ecs52Response> = {
  kind: 'command-response',
  name: 'ECS52',
  messageCode: 0x0059,
  srv: '11.2',
  title: 'Read ESME/Comms Hub Firmware Version',
  payloadKind: 'dlms',

  encodeCommand(_fields, ctx) {
    return encodeFixedRequest(ctx, SPECS, [Axdr.nullData()]);
  },

  decodeCommand(payload, ctx) {
    const [d] = decodeFixedRequest(payload, ctx, SPECS, 'ECS52') as [AxdrData];
    expectNull(d, 'access-request.data[0]');
    return NO_FIELDS;
  },

  encodeResponse(fields, ctx) {
    if (!fields.ok) {
      if ((fields.result as string) === 'success') throw new PayloadEncodeError('ECS52 response.result', 'a failure result when ok is false', 'success');
      return encodeFixedResponse(ctx, [Axdr.nullData()], [{ kind: 'get', result: fields.result }]);
    }
    return encodeFixedResponse(ctx, [Axdr.octetString(hexFieldBytes(fields.firmwareVersion, 'ECS52 response.firmwareVersion'))], [{ kind: 'get', result: 'success' }]);
  },

  decodeResponse(payload, ctx) {
    const { data, specs } = decodeFixedResponse(payload, ctx, ['get'], 'ECS52');
    const d = data[0] as AxdrData;
    const result = (specs[0] as { result: DataAccessResult }).result;
    if (result !== 'success') {
      expectType(d, 'null-data', 'access-response.data[0] (a failed get carries null-data)');
      return { ok: false, result };
    }
    return { ok: true, firmwareVersion: bytesToHex(expectOctetString(d, 'access-response.data[0].firmware-version')) };
  },
};
