// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH01 — Read CHF Sub GHz Channel, SRV 6.31, message code 0x010A (to the CHF, from the ACB).
 * Command: Access request, get class 1 (Data) 0-0:94.44.10.2 (operating sub-GHz channel)
 * attribute 2, null-data. Response: a 32-bit bit-string channel mask and a get result
 * (RTDS: 04 20 E0 00 00 01 = page 28, channel 0).
 */
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectNull, expectType } from '../dlms/axdr-match.ts';
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import { axdrOffset } from '../dlms/axdr-data.ts';
import type { DataAccessResult } from '../dlms/dlms-results.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { decodeFixedRequest, decodeFixedResponse, encodeFixedRequest, encodeFixedResponse } from './dlms-exchange.ts';
import { channelMaskBits, subGhzChannelMask, type SubGhzChannelMask } from './sub-ghz-channel-mask.ts';
import { NO_FIELDS, type NoFields, type UseCaseCodec } from './use-case-codec.ts';

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

  encodeCommand(_fields, ctx) {
    return encodeFixedRequest(ctx, SPECS, [Axdr.nullData()]);
  },

  decodeCommand(payload, ctx) {
    const [d] = decodeFixedRequest(payload, ctx, SPECS, 'DBCH01') as [AxdrData];
    expectNull(d, 'access-request.data[0]');
    return NO_FIELDS;
  },

  encodeResponse(fields, ctx) {
    if (!fields.ok) {
      if ((fields.result as string) === 'success') throw new PayloadEncodeError('DBCH01 response.result', 'a failure result when ok is false', 'success');
      return encodeFixedResponse(ctx, [Axdr.nullData()], [{ kind: 'get', result: fields.result }]);
    }
    return encodeFixedResponse(ctx, [Axdr.bitString(channelMaskBits(fields.channel))], [{ kind: 'get', result: 'success' }]);
  },

  decodeResponse(payload, ctx) {
    const { data, specs } = decodeFixedResponse(payload, ctx, ['get'], 'DBCH01');
    const d = data[0] as AxdrData;
    const result = (specs[0] as { result: DataAccessResult }).result;
    if (result !== 'success') {
      expectType(d, 'null-data', 'access-response.data[0] (a failed get carries null-data)');
      return { ok: false, result };
    }
    const bits = expectType(d, 'bit-string', 'access-response.data[0].channel-mask').bits;
    if (bits.length !== 32) throw new PayloadDecodeError(axdrOffset(d) ?? 0, 'access-response.data[0].channel-mask', 'a 32-bit bit-string', `${bits.length} bits`);
    return { ok: true, channel: subGhzChannelMask(parseInt(bits, 2)) };
  },
};
