// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH01 — Read CHF Sub GHz Channel, SRV 6.31, message code 0x010A (to the CHF, from the ACB).
 * Command: Access request, get class 1 (Data) 0-0:94.44.10.2 (operating sub-GHz channel)
 * attribute 2, null-data. Response: a 32-bit bit-string channel mask and a get result
 * (RTDS: 04 20 E0 00 00 01 = page 28, channel 0).
 */
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import type { DataAccessResult } from '../dlms/dlms-results.ts';
import { decodeSingleResultResponse, encodeSingleResultResponse, nullDataCommand } from './dlms-exchange.ts';
import { channelMaskData, expectChannelMask, type SubGhzChannelMask } from './sub-ghz-channel-mask.ts';
import type { NoFields, UseCaseCodec } from './use-case-codec.ts';

export type Dbch01Response =
  | { readonly ok: true; readonly channel: SubGhzChannelMask }
  | { readonly ok: false; readonly result: Exclude<DataAccessResult, 'success'> };

const SPECS: readonly AccessRequestSpec[] = [{ kind: 'get', classId: 1, instanceId: '0-0:94.44.10.2', attributeId: 2 }];

export const dbch01: UseCaseCodec<NoFields, Dbch01Response> = {
  kind: 'command-response',
  name: 'DBCH01',
  messageCode: 0x010a,
  srv: '6.31',
  title: 'Read CHF Sub GHz Channel',
  payloadKind: 'dlms',

  ...nullDataCommand(SPECS, 'DBCH01'),

  encodeResponse(fields, ctx) {
    return encodeSingleResultResponse(ctx, 'get', 'DBCH01', fields, (f) => channelMaskData(f.channel));
  },

  decodeResponse(payload, ctx) {
    const r = decodeSingleResultResponse(payload, ctx, 'get', 'DBCH01');
    if (!r.ok) return r;
    return { ok: true, channel: expectChannelMask(r.data, 'access-response.data[0].channel-mask') };
  },
};
