// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS01a — Set Tariff and Price on the GSME (SRV 1.1.1 Update Import Tariff, Primary Element),
 * message code 0x006B. A critical command, signed by the user (RTDS 1.1.1_GCS01a PRECOMMAND /
 * COMMAND); immediate, future dated, or the cancellation of a future-dated one.
 *
 * Command: a GBZ payload of plain components, each a ZSE cluster command sent server to client
 * (frame control 09: cluster specific, no default response disabled), ZCL sequence numbers
 * 0, 1, 2 … in component order, in this order [I: the RTDS GCS01a commands]:
 *
 *   Calendar  Publish Calendar · Publish Day Profile × days · Publish Week Profile × weeks ·
 *             Publish Seasons · Publish Special Days
 *   Price     Publish Tariff Information · [Publish Block Thresholds, block tariffs only] ·
 *             Publish Price Matrix
 *
 * (payload fields: zcl/zse-calendar.ts, zcl/zse-price.ts — every field typed). Future dated:
 * the start times of calendar, special days, tariff information, block thresholds and price
 * matrix (RTDS 2030-01-15 09:00); immediate: 0; cancellation: 0xFFFFFFFE / 0xFFFFFFFF.
 *
 * Response: one component per command component, same cluster, global Default Response
 * (frame control 00) echoing the sequence number, with the command id and a ZCL status (RTDS
 * ERROR: hardware-failure for the block thresholds, failure with command id FF for the last).
 */
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { componentPayloadReader, decodeGbz, encodeGbz, gbzContentOffset, type GbzComponent, type GbzPlainComponent } from '../zcl/gbz.ts';
import { decodeDefaultResponse, encodeDefaultResponse } from '../zcl/zcl-default-response.ts';
import { globalRequestHeader, ZCL_GLOBAL_COMMAND, type ZclHeader } from '../zcl/zcl-header.ts';
import type { ZclStatus } from '../zcl/zcl-status.ts';
import {
  CALENDAR_CLUSTER_ID,
  CALENDAR_COMMAND,
  encodePublishCalendar,
  encodePublishDayProfile,
  encodePublishSeasons,
  encodePublishSpecialDays,
  encodePublishWeekProfile,
  readPublishCalendar,
  readPublishDayProfile,
  readPublishSeasons,
  readPublishSpecialDays,
  readPublishWeekProfile,
  type PublishCalendar,
  type PublishDayProfile,
  type PublishSeasons,
  type PublishSpecialDays,
  type PublishWeekProfile,
} from '../zcl/zse-calendar.ts';
import {
  encodePublishBlockThresholds,
  encodePublishPriceMatrix,
  encodePublishTariffInformation,
  PRICE_CLUSTER_ID,
  PRICE_COMMAND,
  readPublishBlockThresholds,
  readPublishPriceMatrix,
  readPublishTariffInformation,
  type PublishBlockThresholds,
  type PublishPriceMatrix,
  type PublishTariffInformation,
} from '../zcl/zse-price.ts';
import type { PayloadReader } from '../payload-reader.ts';
import { hex4 } from './gbz-exchange.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

export interface Gcs01aCommand {
  readonly calendar: PublishCalendar;
  readonly dayProfiles: readonly PublishDayProfile[];
  readonly weekProfiles: readonly PublishWeekProfile[];
  readonly seasons: PublishSeasons;
  readonly specialDays: PublishSpecialDays;
  readonly tariffInformation: PublishTariffInformation;
  /** Block tariffs only. */
  readonly blockThresholds: PublishBlockThresholds | null;
  readonly priceMatrix: PublishPriceMatrix;
}

/** One cluster command of the command, as the response answers it. */
export interface Gcs01aResult {
  readonly clusterId: number;
  readonly commandId: number;
  readonly status: ZclStatus;
}

export interface Gcs01aResponse {
  /** One per command component, in order. */
  readonly results: readonly Gcs01aResult[];
}

/** Start time of a cancellation (RTDS CANCELLATION_BLOCK: calendar, special days, thresholds, price matrix) [I]. */
export const GCS01A_CANCEL_START = 0xfffffffe;
/** Start time of a cancellation in the tariff information (RTDS) [I]. */
export const GCS01A_CANCEL_TARIFF_START = 0xffffffff;

interface Part<T> {
  readonly clusterId: number;
  readonly commandId: number;
  readonly name: string;
  read(r: PayloadReader, field: string): T;
  encode(v: T, field: string): Uint8Array;
}

const part = <T>(clusterId: number, commandId: number, name: string, read: Part<T>['read'], encode: Part<T>['encode']): Part<T> => ({ clusterId, commandId, name, read, encode });

const CALENDAR = part(CALENDAR_CLUSTER_ID, CALENDAR_COMMAND.publishCalendar, 'Publish Calendar', readPublishCalendar, encodePublishCalendar);
const DAY = part(CALENDAR_CLUSTER_ID, CALENDAR_COMMAND.publishDayProfile, 'Publish Day Profile', readPublishDayProfile, encodePublishDayProfile);
const WEEK = part(CALENDAR_CLUSTER_ID, CALENDAR_COMMAND.publishWeekProfile, 'Publish Week Profile', readPublishWeekProfile, encodePublishWeekProfile);
const SEASONS = part(CALENDAR_CLUSTER_ID, CALENDAR_COMMAND.publishSeasons, 'Publish Seasons', readPublishSeasons, encodePublishSeasons);
const SPECIAL_DAYS = part(CALENDAR_CLUSTER_ID, CALENDAR_COMMAND.publishSpecialDays, 'Publish Special Days', readPublishSpecialDays, encodePublishSpecialDays);
const TARIFF = part(PRICE_CLUSTER_ID, PRICE_COMMAND.publishTariffInformation, 'Publish Tariff Information', readPublishTariffInformation, encodePublishTariffInformation);
const THRESHOLDS = part(PRICE_CLUSTER_ID, PRICE_COMMAND.publishBlockThresholds, 'Publish Block Thresholds', readPublishBlockThresholds, encodePublishBlockThresholds);
const MATRIX = part(PRICE_CLUSTER_ID, PRICE_COMMAND.publishPriceMatrix, 'Publish Price Matrix', readPublishPriceMatrix, encodePublishPriceMatrix);

/** Frame control 09: cluster specific, server to client. */
function publishHeader(sequenceNumber: number, commandId: number): ZclHeader {
  return { frameControl: { frameType: 'cluster', direction: 'server-to-client', disableDefaultResponse: false }, manufacturerCode: null, sequenceNumber, commandId };
}

type Entry = { readonly part: Part<never>; readonly value: unknown };

function entries(c: Gcs01aCommand): Entry[] {
  const e = <T>(p: Part<T>, value: T): Entry => ({ part: p as unknown as Part<never>, value });
  return [
    e(CALENDAR, c.calendar),
    ...c.dayProfiles.map((d) => e(DAY, d)),
    ...c.weekProfiles.map((w) => e(WEEK, w)),
    e(SEASONS, c.seasons),
    e(SPECIAL_DAYS, c.specialDays),
    e(TARIFF, c.tariffInformation),
    ...(c.blockThresholds ? [e(THRESHOLDS, c.blockThresholds)] : []),
    e(MATRIX, c.priceMatrix),
  ];
}

/** The cluster commands of a GCS01a command, in component order (what the response answers). */
export function gcs01aCommands(c: Gcs01aCommand): Array<{ readonly clusterId: number; readonly commandId: number }> {
  return entries(c).map(({ part: p }) => ({ clusterId: p.clusterId, commandId: p.commandId }));
}

function describe(clusterId: number, commandId: number): string {
  return `cluster ${hex4(clusterId)} command 0x${commandId.toString(16).padStart(2, '0')}`;
}

/** Reads the components one after the other, each expected as one of the parts in GCS01a's order. */
class ComponentCursor {
  private index = 0;
  constructor(private readonly components: readonly GbzComponent[]) {}

  private headerOffset(c: GbzComponent): number {
    return (gbzContentOffset(c) ?? 3) - 3;
  }

  /** Whether the next component is this part (by cluster and command id). */
  nextIs(p: Part<unknown>): boolean {
    const c = this.components[this.index];
    return c !== undefined && c.clusterId === p.clusterId && c.header.commandId === p.commandId;
  }

  take<T>(p: Part<T>): T {
    const i = this.index;
    const field = `gbz.component[${i}]`;
    const c = this.components[i];
    if (!c) throw new PayloadDecodeError(2, 'gbz.component-count', `a ${p.name} component (${describe(p.clusterId, p.commandId)}) at index ${i} (GCS01a)`, `${this.components.length} component(s)`);
    if (c.kind !== 'plain') throw new PayloadDecodeError(this.headerOffset(c), `${field}.control`, 'a plain component (GCS01a)', 'encrypted');
    if (c.fromDateTime !== null) throw new PayloadDecodeError(this.headerOffset(c), `${field}.control`, 'no from-date-time (GCS01a)', 'from-date-time present');
    if (!this.nextIs(p)) {
      throw new PayloadDecodeError(this.headerOffset(c), `${field}`, `${p.name} (${describe(p.clusterId, p.commandId)}) in GCS01a's order`, describe(c.clusterId, c.header.commandId));
    }
    const want = publishHeader(i, p.commandId);
    const h = c.header;
    if (h.frameControl.frameType !== 'cluster' || h.frameControl.direction !== 'server-to-client' || h.frameControl.disableDefaultResponse || h.manufacturerCode !== null || h.sequenceNumber !== want.sequenceNumber) {
      throw new PayloadDecodeError(this.headerOffset(c), `${field}.zcl-header`, `frame control 09 (cluster, server to client), sequence number ${i}`, `${h.frameControl.frameType} ${h.frameControl.direction}, sequence number ${h.sequenceNumber}`);
    }
    this.index += 1;
    const r = componentPayloadReader(c as GbzPlainComponent);
    const value = p.read(r, `${field}.${p.name.toLowerCase().replace(/ /g, '-')}`);
    r.expectEnd(field);
    return value;
  }

  takeAll<T>(p: Part<T>): T[] {
    const out: T[] = [];
    while (this.nextIs(p)) out.push(this.take(p));
    return out;
  }

  end(): void {
    if (this.index < this.components.length) {
      const c = this.components[this.index] as GbzComponent;
      throw new PayloadDecodeError(this.headerOffset(c), `gbz.component[${this.index}]`, 'no component after the Publish Price Matrix (GCS01a)', describe(c.clusterId, c.header.commandId));
    }
  }
}

const RESPONSE_HEADER = (sequenceNumber: number) => globalRequestHeader(ZCL_GLOBAL_COMMAND.defaultResponse, sequenceNumber);

export const gcs01a: UseCaseCodec<Gcs01aCommand, Gcs01aResponse> = {
  kind: 'command-response',
  name: 'GCS01a',
  messageCode: 0x006b,
  srv: '1.1.1',
  title: 'Set Tariff and Price on GSME',
  payloadKind: 'gbz',

  encodeCommand(fields) {
    return encodeGbz({
      components: entries(fields).map(({ part: p, value }, i) => ({
        kind: 'plain',
        clusterId: p.clusterId,
        fromDateTime: null,
        header: publishHeader(i, p.commandId),
        payload: p.encode(value as never, `GCS01a command.${p.name}`),
      })),
    });
  },

  decodeCommand(payload) {
    const cursor = new ComponentCursor(decodeGbz(payload).components);
    const calendar = cursor.take(CALENDAR);
    const dayProfiles = cursor.takeAll(DAY);
    const weekProfiles = cursor.takeAll(WEEK);
    const seasons = cursor.take(SEASONS);
    const specialDays = cursor.take(SPECIAL_DAYS);
    const tariffInformation = cursor.take(TARIFF);
    const blockThresholds = cursor.nextIs(THRESHOLDS) ? cursor.take(THRESHOLDS) : null;
    const priceMatrix = cursor.take(MATRIX);
    cursor.end();
    return { calendar, dayProfiles, weekProfiles, seasons, specialDays, tariffInformation, blockThresholds, priceMatrix };
  },

  encodeResponse(fields) {
    if (fields.results.length === 0) throw new PayloadEncodeError('GCS01a response.results', 'one result per command component', 'none');
    return encodeGbz({
      components: fields.results.map((r, i) => ({
        kind: 'plain',
        clusterId: r.clusterId,
        fromDateTime: null,
        header: RESPONSE_HEADER(i),
        payload: encodeDefaultResponse({ commandId: r.commandId, status: r.status }),
      })),
    });
  },

  decodeResponse(payload) {
    const results = decodeGbz(payload).components.map((c, i): Gcs01aResult => {
      const field = `gbz.component[${i}]`;
      const at = (gbzContentOffset(c) ?? 3) - 3;
      if (c.kind !== 'plain' || c.fromDateTime !== null) throw new PayloadDecodeError(at, `${field}.control`, 'a plain component without from-date-time (GCS01a)', c.kind);
      const h = c.header;
      if (h.frameControl.frameType !== 'global' || h.frameControl.direction !== 'client-to-server' || h.frameControl.disableDefaultResponse || h.manufacturerCode !== null || h.commandId !== ZCL_GLOBAL_COMMAND.defaultResponse || h.sequenceNumber !== i) {
        throw new PayloadDecodeError(at, `${field}.zcl-header`, `00 ${i.toString(16).padStart(2, '0')} 0B (global Default Response, sequence number ${i})`, `${h.frameControl.frameType} ${h.frameControl.direction} sequence ${h.sequenceNumber} command 0x${h.commandId.toString(16)}`);
      }
      const d = decodeDefaultResponse(c.payload, gbzContentOffset(c));
      return { clusterId: c.clusterId, commandId: d.commandId, status: d.status };
    });
    return { results };
  },
};
