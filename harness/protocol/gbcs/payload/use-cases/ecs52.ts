// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS52 — Read ESME/Comms Hub Firmware Version, SRV 11.2, message code 0x0059.
 * Command: Access request, get class 1 (Data) 0-0:0.2.1.255 attribute 2, null-data.
 * Response: the firmware version octet-string and a get result (RTDS: 01 23 AB CD, success).
 */
import { Axdr } from '../dlms/axdr-data.ts';
import { expectOctetString } from '../dlms/axdr-match.ts';
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import type { DataAccessResult } from '../dlms/dlms-results.ts';
import { bytesToHex } from '../../hex.ts';
import { hexFieldBytes } from '../field-bytes.ts';
import { decodeSingleResultResponse, encodeSingleResultResponse, nullDataCommand } from './dlms-exchange.ts';
import type { NoFields, UseCaseCodec } from './use-case-codec.ts';

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

  ...nullDataCommand(SPECS, 'ECS52'),

  encodeResponse(fields, ctx) {
    return encodeSingleResultResponse(ctx, 'get', 'ECS52', fields, (f) => Axdr.octetString(hexFieldBytes(f.firmwareVersion, 'ECS52 response.firmwareVersion')));
  },

  decodeResponse(payload, ctx) {
    const r = decodeSingleResultResponse(payload, ctx, 'get', 'ECS52');
    return r.ok ? { ok: true, firmwareVersion: bytesToHex(expectOctetString(r.data, 'access-response.data[0].firmware-version')) } : r;
  },
};
