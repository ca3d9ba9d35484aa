// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH03 — Read CHF Sub GHz Configuration, SRV 6.30, message code 0x010C (to the CHF, from the ACB).
 * Command: Access request, get class 1 (Data) 0-0:94.44.10.0 attribute 2, null-data. Response: the
 * CHF Sub GHz Configuration (sub-ghz-configuration.ts) and a get result (RTDS SUCCESS: thresholds
 * 1.25 % / 2.00 %, channels 0 and 1 of each page; ERROR: hardware-fault with null-data).
 */
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import type { DataAccessResult } from '../dlms/dlms-results.ts';
import { SUB_GHZ_CONFIGURATION_OBJECT } from './dbch04.ts';
import { decodeSingleResultResponse, encodeSingleResultResponse, nullDataCommand } from './dlms-exchange.ts';
import { readSubGhzConfiguration, subGhzConfigurationData, type SubGhzConfiguration } from './sub-ghz-configuration.ts';
import type { NoFields, UseCaseCodec } from './use-case-codec.ts';

export type Dbch03Response =
  | { readonly ok: true; readonly configuration: SubGhzConfiguration }
  | { readonly ok: false; readonly result: Exclude<DataAccessResult, 'success'> };

const SPECS: readonly AccessRequestSpec[] = [{ kind: 'get', ...SUB_GHZ_CONFIGURATION_OBJECT }];

export const dbch03: UseCaseCodec<NoFields, Dbch03Response> = {
  kind: 'command-response',
  name: 'DBCH03',
  messageCode: 0x010c,
  srv: '6.30',
  title: 'Read CHF Sub GHz Configuration',
  payloadKind: 'dlms',

  ...nullDataCommand(SPECS, 'DBCH03'),

  encodeResponse(fields, ctx) {
    return encodeSingleResultResponse(ctx, 'get', 'DBCH03', fields, (f) => subGhzConfigurationData(f.configuration, 'DBCH03 response.configuration'));
  },

  decodeResponse(payload, ctx) {
    const r = decodeSingleResultResponse(payload, ctx, 'get', 'DBCH03');
    if (!r.ok) return r;
    return { ok: true, configuration: readSubGhzConfiguration(r.data, 'access-response.data[0]') };
  },
};
