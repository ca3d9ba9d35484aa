// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { sampleGasTariff } from '../testing/gas-tariff-sample.ts';
import { decodeGbz, encodeGbz } from '../zcl/gbz.ts';
import { zclUtcToDate } from '../zcl/zcl-utc-time.ts';
import { GCS01A_CANCEL_START, GCS01A_CANCEL_TARIFF_START, gcs01a, gcs01aCommands, type Gcs01aCommand } from './gcs01a.ts';

const FOLDER = '1.1.1_GCS01a';
const ctx = { header: { cra: 1 as const, counter: 1007n, originator: '90B3D51F30010000', recipient: '00DB1234567890A1', dateTime: null, messageCode: 0x6b, supplementary: null } };
const sample = sampleGasTariff({ issuerEventId: 600_000_000 });
const COMMAND: Gcs01aCommand = {
  ...sample,
  specialDays: { ...sample.specialDays, totalNumberOfSpecialDays: 1, entries: [{ date: { year: 2019, month: 12, dayOfMonth: 25, dayOfWeek: null }, dayId: 1 }] },
};

describe('GCS01a Set Tariff and Price on GSME', () => {
  it('round-trips a command and a response it builds, and rejects truncations and a wrong order', () => {
    const bytes = gcs01a.encodeCommand(COMMAND, ctx);
    expect(gcs01a.decodeCommand(bytes, ctx)).toEqual(COMMAND);
    expectEveryPrefixRejected(bytes, (b) => gcs01a.decodeCommand(b, ctx));
    expectTrailingRejected(bytes, (b) => gcs01a.decodeCommand(b, ctx));
    const tou = { ...COMMAND, blockThresholds: null };
    expect(gcs01a.decodeCommand(gcs01a.encodeCommand(tou, ctx), ctx)).toEqual(tou);
    const noProfiles = { ...COMMAND, weekProfiles: [], dayProfiles: [] };
    expect(gcs01a.decodeCommand(gcs01a.encodeCommand(noProfiles, ctx), ctx)).toEqual(noProfiles);
    const [first, second, ...rest] = decodeGbz(bytes).components;
    const swapped = encodeGbz({ components: [second!, first!, ...rest] });
    expect(() => gcs01a.decodeCommand(swapped, ctx)).toThrow(/Publish Calendar \(cluster 0x0707 command 0x00\) in GCS01a's order/);

    const results = gcs01aCommands(COMMAND).map((c) => ({ ...c, status: 'success' as const }));
    expect(results.map((r) => `${r.clusterId.toString(16)}/${r.commandId}`)).toEqual(['707/0', '707/1', '707/2', '707/3', '707/4', '700/4', '700/6', '700/5']);
    const rsp = gcs01a.encodeResponse({ results }, ctx);
    expect(gcs01a.decodeResponse(rsp, ctx)).toEqual({ results });
    expectEveryPrefixRejected(rsp, (b) => gcs01a.decodeResponse(b, ctx));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trips, byte for byte (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const tou = expectRtdsRoundTrip(gcs01a, FOLDER, 'GCS01a_1.1.1_IMMEDIATE_TOU_SUCCESS');
    expect(zclUtcToDate(tou.command.calendar.issuerEventId).toISOString()).toBe('2015-01-01T00:00:00.000Z');
    expect(tou.command.calendar).toMatchObject({ startTime: 0, numberOfSeasons: 2, numberOfWeekProfiles: 2, numberOfDayProfiles: 4 });
    expect(tou.command.dayProfiles.map((d) => [d.dayId, d.entries])).toEqual([1, 2, 3, 4].map((n) => [n, [{ startTime: 0, priceTier: n }]]));
    expect(tou.command.weekProfiles[1]?.dayIds).toEqual([3, 3, 3, 3, 3, 4, 4]);
    expect(tou.command.seasons.entries[1]).toEqual({ startDate: { year: null, month: 6, dayOfMonth: 21, dayOfWeek: null }, weekId: 2 });
    expect(tou.command.specialDays.entries).toHaveLength(10);
    expect(tou.command.specialDays.entries[0]).toEqual({ date: { year: 2015, month: 1, dayOfMonth: 1, dayOfWeek: null }, dayId: 2 });
    expect(tou.command.tariffInformation).toMatchObject({ currency: 826, standingCharge: 22465, numberOfPriceTiersInUse: 4, tariffTypeChargingScheme: 0 });
    expect(tou.command.blockThresholds).toBeNull();
    expect(tou.command.priceMatrix.entries.map((e) => e.price)).toEqual([9600, 10200, 10750, 11000]);
    expect(tou.response.results).toHaveLength(11);

    const block = expectRtdsRoundTrip(gcs01a, FOLDER, 'GCS01a_1.1.1_FUTURE_DATED_BLOCK_SUCCESS');
    expect(zclUtcToDate(block.command.calendar.startTime).toISOString()).toBe('2030-01-15T09:00:00.000Z');
    expect(block.command.blockThresholds?.groups).toEqual([{ tier: 0, thresholds: [1_000_000, 2_000_000, 3_000_000] }]);
    expect(block.command.tariffInformation.standingCharge).toBe(54794);

    const cancel = expectRtdsRoundTrip(gcs01a, FOLDER, 'GCS01a_1.1.1_CANCELLATION_BLOCK_SUCCESS');
    expect([cancel.command.calendar.startTime, cancel.command.tariffInformation.startTime, cancel.command.priceMatrix.startTime]).toEqual([GCS01A_CANCEL_START, GCS01A_CANCEL_TARIFF_START, GCS01A_CANCEL_START]);

    const error = expectRtdsRoundTrip(gcs01a, FOLDER, 'GCS01a_1.1.1_FUTURE_DATED_BLOCK_ERROR');
    expect(error.response.results.slice(-2)).toEqual([
      { clusterId: 0x0700, commandId: 6, status: 'hardware-failure' },
      { clusterId: 0x0700, commandId: 0xff, status: 'failure' },
    ]);

    for (const stem of ['IMMEDIATE_TOU_SUCCESS', 'FUTURE_DATED_BLOCK_SUCCESS', 'CANCELLATION_BLOCK_SUCCESS', 'FUTURE_DATED_BLOCK_ERROR']) {
      const pre = rtdsPayload(FOLDER, `GCS01a_1.1.1_${stem}_PRECOMMAND`);
      const cmd = rtdsPayload(FOLDER, `GCS01a_1.1.1_${stem}_COMMAND`);
      expect(bytesToHex(gcs01a.encodeCommand(gcs01a.decodeCommand(cmd.payload, cmd), pre)), `${stem} pre-command`).toBe(bytesToHex(pre.payload));
    }
  });
});
