// SPDX-License-Identifier: GPL-3.0-or-later
/** ZCL global Default Response (0x0B): the command id it answers and a status. */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { ZclStatuses, type ZclStatus } from './zcl-status.ts';

export interface DefaultResponse {
  readonly commandId: number;
  readonly status: ZclStatus;
}

export function decodeDefaultResponse(payload: Uint8Array, base = 0): DefaultResponse {
  const r = new PayloadReader(payload, base);
  const commandId = r.u8('default-response.command-id');
  const status = ZclStatuses.nameOf(r.u8('default-response.status'));
  r.expectEnd('default-response');
  return { commandId, status };
}

export function encodeDefaultResponse(d: DefaultResponse): Uint8Array {
  return new PayloadWriter()
    .u8(d.commandId, 'default-response.command-id')
    .u8(ZclStatuses.codeOf(d.status, 'default-response.status'), 'default-response.status')
    .toBytes();
}
