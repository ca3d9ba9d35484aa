// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS70 — Set Clock on the ESME (SRV 8.1.1 commission, 6.11 synchronise clock), message code
 * 0x0062. A critical command: the DCC builds it as a pre-command, the user signs it
 * (RTDS ECS70Commission_8.1.1_SUCCESS_PRECOMMAND / _COMMAND).
 * Command: Access request on the Clock object (class 8, 0-0:1.0.0.255):
 * set attribute 9 clock_base = enum 5, action method 5 preset_adjusting_time {preset_time
 * not specified (all FF), validity_interval_start, validity_interval_end}, action method 4
 * adjust_to_preset_time (integer 0), get attribute 2 (time), get attribute 4 (status).
 * Response: one result per specification; the time and the status (RTDS SUCCESS:
 * 2015-01-01 00:00:00, status 00; RTDS ERROR: both gets failed, null data).
 */
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectConstant, expectDateTimeOctetString, expectNull, expectNumber, expectStructure, item } from '../dlms/axdr-match.ts';
import { encodeCosemDateTime, type CosemDateTime } from '../dlms/cosem-date-time.ts';
import type { ActionResult, DataAccessResult } from '../dlms/dlms-results.ts';
import type { AccessResponseSpec } from '../dlms/access-response.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { decodeFixedRequest, decodeFixedResponse, encodeFixedRequest, encodeFixedResponse } from './dlms-exchange.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

const CLOCK = { classId: 8, instanceId: '0-0:1.0.0.255' } as const;
const SPECS: readonly AccessRequestSpec[] = [
  { kind: 'set', ...CLOCK, attributeId: 9 },
  { kind: 'action', ...CLOCK, methodId: 5 },
  { kind: 'action', ...CLOCK, methodId: 4 },
  { kind: 'get', ...CLOCK, attributeId: 2 },
  { kind: 'get', ...CLOCK, attributeId: 4 },
];
const KINDS: readonly AccessResponseSpec['kind'][] = ['set', 'action', 'action', 'get', 'get'];

/** clock_base 5 (radio controlled: set by the DCC), as RTDS. */
const CLOCK_BASE = 5;
const UNSPECIFIED_DATE_TIME = new Uint8Array(12).fill(0xff).fill(0x80, 9, 10).fill(0x00, 10, 11);

export interface Ecs70Command {
  /** The ESME sets its clock when its time is inside [validityStart, validityEnd]. */
  readonly validityStart: CosemDateTime;
  readonly validityEnd: CosemDateTime;
}

export type Ecs70Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly result: Exclude<DataAccessResult, 'success'> };

export interface Ecs70Response {
  readonly setClockBase: DataAccessResult;
  readonly presetAdjustingTime: ActionResult;
  readonly adjustToPresetTime: ActionResult;
  /** The clock after the command (get attribute 2). */
  readonly time: Ecs70Read<CosemDateTime>;
  /** Clock status (get attribute 4). */
  readonly status: Ecs70Read<number>;
}

function readOf<T>(data: AxdrData, result: DataAccessResult, field: string, value: (d: AxdrData) => T): Ecs70Read<T> {
  if (result === 'success') return { ok: true, value: value(data) };
  expectNull(data, field);
  return { ok: false, result };
}

function dataOf<T>(r: Ecs70Read<T>, encode: (v: T) => AxdrData): AxdrData {
  return r.ok ? encode(r.value) : Axdr.nullData();
}

export const ecs70: UseCaseCodec<Ecs70Command, Ecs70Response> = {
  kind: 'command-response',
  name: 'ECS70',
  messageCode: 0x0062,
  srv: '8.1.1',
  otherSrvs: ['6.11'],
  title: 'Set Clock on ESME',
  payloadKind: 'dlms',

  encodeCommand(fields, ctx) {
    return encodeFixedRequest(ctx, SPECS, [
      Axdr.enum(CLOCK_BASE),
      Axdr.structure(
        Axdr.octetString(UNSPECIFIED_DATE_TIME),
        Axdr.octetString(encodeCosemDateTime(fields.validityStart, 'ECS70 command.validityStart')),
        Axdr.octetString(encodeCosemDateTime(fields.validityEnd, 'ECS70 command.validityEnd')),
      ),
      Axdr.integer(0),
      Axdr.nullData(),
      Axdr.nullData(),
    ]);
  },

  decodeCommand(payload, ctx) {
    const data = decodeFixedRequest(payload, ctx, SPECS, 'ECS70');
    expectConstant(item(data, 0), Axdr.enum(CLOCK_BASE), 'access-request.data[0].clock-base');
    const preset = expectStructure(item(data, 1), 'access-request.data[1].preset-adjusting-time', 3);
    expectConstant(item(preset, 0), Axdr.octetString(UNSPECIFIED_DATE_TIME), 'access-request.data[1].preset-time', 'not specified');
    const validityStart = expectDateTimeOctetString(item(preset, 1), 'access-request.data[1].validity-interval-start');
    const validityEnd = expectDateTimeOctetString(item(preset, 2), 'access-request.data[1].validity-interval-end');
    expectConstant(item(data, 2), Axdr.integer(0), 'access-request.data[2].adjust-to-preset-time');
    expectNull(item(data, 3), 'access-request.data[3]');
    expectNull(item(data, 4), 'access-request.data[4]');
    return { validityStart, validityEnd };
  },

  encodeResponse(fields, ctx) {
    const { time, status } = fields;
    if ((time.ok === false && (time.result as string) === 'success') || (status.ok === false && (status.result as string) === 'success')) {
      throw new PayloadEncodeError('ECS70 response', 'a failure result for a failed read', 'success');
    }
    return encodeFixedResponse(
      ctx,
      [
        Axdr.nullData(),
        Axdr.nullData(),
        Axdr.nullData(),
        dataOf(time, (t) => Axdr.octetString(encodeCosemDateTime(t, 'ECS70 response.time'))),
        dataOf(status, (s) => Axdr.unsigned(s)),
      ],
      [
        { kind: 'set', result: fields.setClockBase },
        { kind: 'action', result: fields.presetAdjustingTime },
        { kind: 'action', result: fields.adjustToPresetTime },
        { kind: 'get', result: time.ok ? 'success' : time.result },
        { kind: 'get', result: status.ok ? 'success' : status.result },
      ],
    );
  },

  decodeResponse(payload, ctx) {
    const { data, specs } = decodeFixedResponse(payload, ctx, KINDS, 'ECS70');
    [0, 1, 2].forEach((i) => expectNull(item(data, i), `access-response.data[${i}]`));
    const result = (i: number) => (specs[i] as AccessResponseSpec).result;
    return {
      setClockBase: result(0) as DataAccessResult,
      presetAdjustingTime: result(1) as ActionResult,
      adjustToPresetTime: result(2) as ActionResult,
      time: readOf(item(data, 3), result(3) as DataAccessResult, 'access-response.data[3].time', (d) => expectDateTimeOctetString(d, 'access-response.data[3].time')),
      status: readOf(item(data, 4), result(4) as DataAccessResult, 'access-response.data[4].status', (d) => expectNumber(d, 'unsigned', 'access-response.data[4].status')),
    };
  },
};
