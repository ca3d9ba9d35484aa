// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import { cosemDateTimeFromDate, cosemDateTimeToDate } from '../dlms/cosem-date-time.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { ECS01A_ELEMENTS, ECS01A_SETS, ecs01a, tariffActivationDateTime, tariffActivationOf, type Ecs01aCommand, type TariffActivation } from './ecs01a.ts';

const FOLDER = '1.1.1_ECS01a';
const ctx = { header: { cra: 1 as const, counter: 1006n, originator: '90B3D51F30010000', recipient: '00DB1234567890A0', dateTime: null, messageCode: 0x19, supplementary: null } };

const every = (a: TariffActivation) => Object.fromEntries(ECS01A_ELEMENTS.map((e) => [e, a])) as Ecs01aCommand['activation'];

const COMMAND: Ecs01aCommand = {
  seasons: [{ name: 'all', start: cosemDateTimeFromDate(new Date('2019-01-01T00:00:00Z')), weekName: 1 }],
  weekProfiles: [{ name: 1, dayIds: [1, 1, 1, 1, 1, 2, 2] }],
  dayProfiles: [
    { dayId: 1, actions: [{ startTime: { hour: 0, minute: 0, second: 0, hundredths: 0 }, scriptSelector: 1 }, { startTime: { hour: 7, minute: 0, second: 0, hundredths: 0 }, scriptSelector: 2 }] },
    { dayId: 2, actions: [{ startTime: { hour: 0, minute: 0, second: 0, hundredths: 0 }, scriptSelector: 101 }] },
  ],
  specialDays: [{ index: 1, date: { year: null, month: 12, dayOfMonth: 25, dayOfWeek: null }, dayId: 2 }],
  blockThresholds: [[1000, 4294967295], ...Array.from({ length: 7 }, () => [4294967295])],
  currencyUnits: 'GBP',
  standingCharge: { commodityScale: 0, priceScale: -5, value: 20000 },
  priceMatrix: {
    commodityScale: 3,
    priceScale: -5,
    touPrices: Array.from({ length: 48 }, (_, i) => (i < 2 ? 1500 + i : 0)),
    blockPrices: Array.from({ length: 8 }, (_, k) => (k === 0 ? [1200, 1800, 0, 0] : [0, 0, 0, 0])),
  },
  activation: every({ kind: 'at', dateTime: cosemDateTimeFromDate(new Date('2019-04-12T09:00:00Z')) }),
};

describe('ECS01a Set Tariff and Price on ESME', () => {
  it('round-trips a command and a response it builds, and rejects truncations', () => {
    const bytes = ecs01a.encodeCommand(COMMAND, ctx);
    expect(ecs01a.decodeCommand(bytes, ctx)).toEqual(COMMAND);
    expectEveryPrefixRejected(bytes.subarray(0, 400), (b) => ecs01a.decodeCommand(b, ctx));
    expectTrailingRejected(bytes, (b) => ecs01a.decodeCommand(b, ctx));
    const results = Object.fromEntries(ECS01A_SETS.map((n) => [n, n === 'priceMatrix' ? 'type-unmatched' : 'success'])) as Record<(typeof ECS01A_SETS)[number], 'success'>;
    const rsp = ecs01a.encodeResponse({ results }, ctx);
    expect(ecs01a.decodeResponse(rsp, ctx)).toEqual({ results });
    expectEveryPrefixRejected(rsp, (b) => ecs01a.decodeResponse(b, ctx));
  });

  it('tells immediate, cancellation and a date-time apart', () => {
    for (const a of [{ kind: 'immediate' }, { kind: 'cancel' }, { kind: 'at', dateTime: cosemDateTimeFromDate(new Date('2030-01-15T09:00:00Z')) }] as const) {
      expect(tariffActivationOf(tariffActivationDateTime(a))).toEqual(a);
    }
  });

  it('refuses what it cannot write: a wrong number of block tariffs, non-latin1 season names', () => {
    expect(() => ecs01a.encodeCommand({ ...COMMAND, blockThresholds: [[1]] }, ctx)).toThrow(/8 entries/);
    expect(() => ecs01a.encodeCommand({ ...COMMAND, seasons: [{ ...COMMAND.seasons[0]!, name: 'été€' }] }, ctx)).toThrow(/latin1/);
  });

  it.skipIf(rtdsAbsent)(`RTDS round trips, byte for byte (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const tou = expectRtdsRoundTrip(ecs01a, FOLDER, 'ECS01a_1.1.1_IMMEDIATE_TOU_SUCCESS');
    expect(tou.command.seasons.map((s) => [s.name, cosemDateTimeToDate(s.start)?.toISOString(), s.weekName])).toEqual([
      ['winter', '2014-10-27T00:00:00.000Z', 1],
      ['summer', '2015-03-29T00:00:00.000Z', 2],
    ]);
    expect(tou.command.weekProfiles[1]).toEqual({ name: 2, dayIds: [2, 2, 2, 2, 2, 3, 3] });
    expect(tou.command.dayProfiles[0]?.actions.map((a) => [a.startTime.hour, a.scriptSelector])).toEqual([[0, 2], [7, 3]]);
    expect(tou.command.specialDays[1]).toEqual({ index: 2, date: { year: null, month: 12, dayOfMonth: 25, dayOfWeek: null }, dayId: 3 });
    expect(tou.command.currencyUnits).toBe('GBP');
    expect(tou.command.standingCharge).toEqual({ commodityScale: 0, priceScale: -5, value: 20000 });
    expect(tou.command.priceMatrix.touPrices.slice(0, 4)).toEqual([2121, 3127, 4744, 0]);
    expect(tou.command.activation).toEqual(every({ kind: 'immediate' }));
    expect(Object.values(tou.response.results).every((r) => r === 'success')).toBe(true);

    const block = expectRtdsRoundTrip(ecs01a, FOLDER, 'ECS01a_1.1.1_IMMEDIATE_BLOCK_SUCCESS');
    expect(block.command.blockThresholds[0]).toEqual([10000, 20000, 4294967295]);
    expect(block.command.priceMatrix.blockPrices[0]).toEqual([1361, 2289, 5566, 0]);
    expect(block.command.dayProfiles[0]?.actions[0]?.scriptSelector).toBe(101);

    const future = expectRtdsRoundTrip(ecs01a, FOLDER, 'ECS01a_1.1.1_FUTURE_DATED_TOU_BLOCK_SUCCESS');
    const at = future.command.activation.priceMatrix;
    expect(at.kind === 'at' && cosemDateTimeToDate(at.dateTime)?.toISOString()).toBe('2030-01-15T09:00:00.000Z');
    expect(future.command.priceMatrix.blockPrices.slice(0, 2)).toEqual([[2289, 3546, 0, 0], [4002, 6969, 0, 0]]);

    const cancel = expectRtdsRoundTrip(ecs01a, FOLDER, 'ECS01a_1.1.1_CANCELLATION_TOU_BLOCK_SUCCESS');
    expect(cancel.command.activation).toEqual(every({ kind: 'cancel' }));
    expect({ ...cancel.command, activation: null }).toEqual({ ...future.command, activation: null });

    const error = expectRtdsRoundTrip(ecs01a, FOLDER, 'ECS01a_1.1.1_IMMEDIATE_ERROR');
    expect(error.response.results.priceMatrixActivation).toBe('hardware-fault');
    expect(error.response.results.thresholdMatrixActivation).toBe('other-reason');

    for (const stem of ['IMMEDIATE_TOU_SUCCESS', 'IMMEDIATE_BLOCK_SUCCESS', 'FUTURE_DATED_TOU_BLOCK_SUCCESS', 'CANCELLATION_TOU_BLOCK_SUCCESS', 'IMMEDIATE_ERROR']) {
      const pre = rtdsPayload(FOLDER, `ECS01a_1.1.1_${stem}_PRECOMMAND`);
      const cmd = rtdsPayload(FOLDER, `ECS01a_1.1.1_${stem}_COMMAND`);
      expect(bytesToHex(ecs01a.encodeCommand(ecs01a.decodeCommand(cmd.payload, cmd), pre)), `${stem} pre-command`).toBe(bytesToHex(pre.payload));
    }
  });
});
