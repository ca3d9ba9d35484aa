// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS13a — Read GSME Consumption Register, SRV 4.1.1, message code 0x0074 (to the GPF or GSME).
 *
 * Command: GBZ, one plain Metering (0x0702) component, global Read Attributes of Divisor 0x0302,
 * Multiplier 0x0301, Unit of Measure 0x0300, Current Summation Delivered 0x0000.
 * Response: GBZ, one encrypted component (control 03, additional header 00 00, ZCL header
 * 18 seq 01), whose sealed ZCL payload is the Read Attributes Response: uint24 divisor,
 * uint24 multiplier, enum8 unit of measure, uint48 current summation delivered (RTDS: 1000, 1,
 * m3, 12345). A record may instead carry a failure status (RTDS ERROR: divisor 0xC0).
 */
import { ZseUnitsOfMeasure, METERING_CLUSTER_ID, MeteringAttribute, type ZseUnitOfMeasure } from '../zcl/zse-metering.ts';
import type { ZclValue } from '../zcl/zcl-data-types.ts';
import { decodeReadResponse, encodeReadResponse, mapResult, readCommandCodec, type GbzReadSpec, type ZclAttributeResult } from './gbz-exchange.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

export interface Gcs13aCommand {
  /** ZCL transaction sequence number (RTDS: 0). */
  readonly sequenceNumber: number;
}

export interface Gcs13aResponse {
  /** Echo of the command's ZCL sequence number. */
  readonly sequenceNumber: number;
  readonly divisor: ZclAttributeResult<number>;
  readonly multiplier: ZclAttributeResult<number>;
  readonly unitOfMeasure: ZclAttributeResult<ZseUnitOfMeasure>;
  /** Raw register value; consumption = value × multiplier / divisor in unitOfMeasure. */
  readonly currentSummationDelivered: ZclAttributeResult<number>;
}

const SPEC: GbzReadSpec = {
  useCase: 'GCS13a',
  clusterId: METERING_CLUSTER_ID,
  attributes: [
    { id: MeteringAttribute.divisor, type: 'uint24', name: 'Divisor' },
    { id: MeteringAttribute.multiplier, type: 'uint24', name: 'Multiplier' },
    { id: MeteringAttribute.unitOfMeasure, type: 'enum8', name: 'Unit of Measure' },
    { id: MeteringAttribute.currentSummationDelivered, type: 'uint48', name: 'Current Summation Delivered' },
  ],
  responseDisableDefaultResponse: true,
  encryptedResponse: true,
};

const num = (v: ZclValue): number => v.value as number;

export const gcs13a: UseCaseCodec<Gcs13aCommand, Gcs13aResponse> = {
  kind: 'command-response',
  name: 'GCS13a',
  messageCode: 0x0074,
  srv: '4.1.1',
  title: 'Read GSME Consumption Register',
  payloadKind: 'gbz',

  ...readCommandCodec(SPEC),

  encodeResponse(f, ctx) {
    return encodeReadResponse(
      f.sequenceNumber,
      [
        mapResult(f.divisor, (value): ZclValue => ({ type: 'uint24', value })),
        mapResult(f.multiplier, (value): ZclValue => ({ type: 'uint24', value })),
        mapResult(f.unitOfMeasure, (u): ZclValue => ({ type: 'enum8', value: ZseUnitsOfMeasure.codeOf(u, 'GCS13a response.unitOfMeasure') })),
        mapResult(f.currentSummationDelivered, (value): ZclValue => ({ type: 'uint48', value })),
      ],
      SPEC,
      ctx,
    );
  },

  decodeResponse(payload, ctx) {
    const { sequenceNumber, results } = decodeReadResponse(payload, SPEC, ctx);
    const [divisor, multiplier, unit, summation] = results as [ZclAttributeResult<ZclValue>, ZclAttributeResult<ZclValue>, ZclAttributeResult<ZclValue>, ZclAttributeResult<ZclValue>];
    return {
      sequenceNumber,
      divisor: mapResult(divisor, num),
      multiplier: mapResult(multiplier, num),
      unitOfMeasure: mapResult(unit, (v) => ZseUnitsOfMeasure.nameOf(num(v))),
      currentSummationDelivered: mapResult(summation, num),
    };
  },
};
