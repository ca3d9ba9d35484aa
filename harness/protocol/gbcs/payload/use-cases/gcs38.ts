// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS38 — Read GSME Firmware Version, SRV 11.2, message code 0x0084 (to the GSME).
 *
 * Command: GBZ, one plain Metering (0x0702) component, global Read Attributes of attribute 0x0206
 * (ZSE CurrentMeterId; on the wire LE "06 02").
 * Response: GBZ, one plain component (ZCL header 08 seq 01): the attribute as an octet string
 * (RTDS: 41 04 01 23 AB CD), or a failure status (RTDS ERROR: 0xC0 hardware failure).
 */
import { bytesToHex } from '../../hex.ts';
import { hexFieldBytes } from '../field-bytes.ts';
import { METERING_CLUSTER_ID, MeteringAttribute } from '../zcl/zse-metering.ts';
import type { ZclValue } from '../zcl/zcl-data-types.ts';
import { decodeReadResponse, encodeReadResponse, mapResult, readCommandCodec, type GbzReadSpec, type ZclAttributeResult } from './gbz-exchange.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

export interface Gcs38Command {
  readonly sequenceNumber: number;
}

export interface Gcs38Response {
  readonly sequenceNumber: number;
  /** Firmware version octet string as upper-case hex, e.g. "0123ABCD". */
  readonly firmwareVersion: ZclAttributeResult<string>;
}

const SPEC: GbzReadSpec = {
  useCase: 'GCS38',
  clusterId: METERING_CLUSTER_ID,
  attributes: [{ id: MeteringAttribute.currentMeterId, type: 'octet-string', name: 'Current Meter Id (firmware version)' }],
  responseDisableDefaultResponse: false,
  encryptedResponse: false,
};

export const gcs38: UseCaseCodec<Gcs38Command, Gcs38Response> = {
  kind: 'command-response',
  name: 'GCS38',
  messageCode: 0x0084,
  srv: '11.2',
  title: 'Read GSME Firmware Version',
  payloadKind: 'gbz',

  ...readCommandCodec(SPEC),

  encodeResponse(f, ctx) {
    return encodeReadResponse(f.sequenceNumber, [mapResult(f.firmwareVersion, (hex): ZclValue => ({ type: 'octet-string', value: hexFieldBytes(hex, 'GCS38 response.firmwareVersion') }))], SPEC, ctx);
  },

  decodeResponse(payload, ctx) {
    const { sequenceNumber, results } = decodeReadResponse(payload, SPEC, ctx);
    return { sequenceNumber, firmwareVersion: mapResult(results[0] as ZclAttributeResult<ZclValue>, (v) => bytesToHex(v.value as Uint8Array)) };
  },
};
