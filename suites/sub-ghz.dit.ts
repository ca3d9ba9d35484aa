// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The comms hub's sub-GHz HAN, as a Service User manages it through DUIS and a test engineer
 * disturbs it through the Bench (DOMAIN.md "The two HAN bands"):
 *
 * - the CHF Sub GHz Configuration set (6.28, DBCH04; alert 0x8F2A DBCH09 reports it) and read
 *   back (6.30, DBCH03);
 * - an impossible configuration refused: thresholds each valid but Critical below Limited reach
 *   the CHF, which answers hardware-fault and keeps its configuration [P]; a percentage the
 *   command cannot carry is refused at the DCC edge (E9001) and nothing follows;
 * - a scan requested (6.29, DBCH05) while a signal generator sits on the operating channel
 *   (the Bench's interference): the CHF tells the sleepy GSME (EnergyScanPending, then
 *   ChannelChangePending, each read at a wake) and the user sees 0x8F27 scan initiated, 0x8F28
 *   its assessment and 0x8F26 the new channel, in that order; 6.31 (DBCH01) reads the new
 *   channel, 6.32 (DBCH02) logs it, and the GSME still answers on it;
 * - the weekly channel-change limit: with at most one change a week, a second scan that finds
 *   a better channel ends in 0x8F2B and the channel stays.
 * - capacity: a busy hour of on-demand reads of the ESME (one every 30 s), every one answered in
 *   its window, with no duty-cycle alert on 868 MHz.
 * The CHF answers and alerts the DCC Access Control Broker: the user cannot check those MACs.
 */
import { expect } from 'vitest';
import { ditCase, type DitContext } from '../harness/dit/dit-case.ts';
import { expectDeviceAlert, expectDeviceResponse, expectNoUnexpectedMessages, expectQuietFor } from '../harness/dit/expectations.ts';
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import { dbch02 } from '../harness/protocol/gbcs/payload/use-cases/dbch02.ts';
import { dbch07SubGhzChannelChanged } from '../harness/protocol/gbcs/payload/use-cases/dbch07-channel-changed.ts';
import { dbch08SubGhzScanOutcome } from '../harness/protocol/gbcs/payload/use-cases/dbch08-scan-outcome.ts';
import { dbch09SubGhzConfigurationChanged } from '../harness/protocol/gbcs/payload/use-cases/dbch09-configuration-changed.ts';
import { gcs38 } from '../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { gncaSubGhzChannelNotChanged, gncaSubGhzEnergyScanInitiated } from '../harness/protocol/gbcs/payload/use-cases/sub-ghz-generic-alerts.ts';
import { subGhzChannelMaskFor } from '../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import { CHF_WINDOW_MS, channelReadMatchesThePremises, configurationBody, readChannel, readConfiguration, requestScan, setConfiguration } from './sub-ghz-requests.ts';

const MINUTE = 60_000;
/** A CHF alert reaches the user within a minute of its event. */
const ALERT_WINDOW_MS = MINUTE;
/** A signal generator's level on the channel, well above any ambient noise (dBm). */
const INTERFERENCE_DBM = -60;

/** One GSME wake period (the premises description's, 30 min when it gives none). */
function wakeMs(ctx: DitContext): number {
  return (ctx.meter.wakeIntervalMinutes ?? 30) * MINUTE;
}

/**
 * A requested scan with a signal on the operating channel: 0x8F27 once the GSME read
 * EnergyScanPending (within a wake period), 0x8F28 when the scan is assessed, then 0x8F26 (within
 * two wake periods) or 0x8F2B; returns the assessment outcome and the new channel, if any.
 */
async function scanAwayFromInterference(ctx: DitContext, chf: Eui64) {
  const { duis, bench } = ctx;
  const before = await readChannel(duis, chf);
  await bench.interfere({ page: before.page, channel: before.channel }, INTERFERENCE_DBM);
  await requestScan(duis, chf);
  const initiated = await expectDeviceAlert(duis, gncaSubGhzEnergyScanInitiated, { from: chf, within: wakeMs(ctx) + ALERT_WINDOW_MS, mac: 'uncheckable' });
  const assessed = await expectDeviceAlert(duis, dbch08SubGhzScanOutcome, { from: chf, within: ALERT_WINDOW_MS, mac: 'uncheckable' });
  expect(assessed.arrivedAt, '0x8F28 after 0x8F27').toBeGreaterThanOrEqual(initiated.arrivedAt);
  return { before, assessed };
}

ditCase(
  {
    id: 'SUBGHZ-CHANNEL-READ',
    title: 'Read the CHF Sub GHz Channel (6.31 DBCH01): the channel the premises operates on',
    useCase: 'DBCH01',
    srv: '6.31',
    deviceTypes: ['CHF'],
    // the hub's sub-GHz radio is there whichever band its meters use: the read belongs to every combination's confidence pack
    bands: ['868MHz', '2.4GHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 2,
  },
  channelReadMatchesThePremises,
);

ditCase(
  {
    id: 'SUBGHZ-CONFIG-SET-READ',
    title: 'Set the CHF Sub GHz Configuration (6.28 DBCH04): 0x8F2A reports it and 6.30 (DBCH03) reads it back',
    useCase: 'DBCH04',
    srv: '6.28',
    deviceTypes: ['CHF'],
    bands: ['868MHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 2,
  },
  async ({ duis, premises }) => {
    const chf = premises.commsHub.chf;
    const held = await readConfiguration(duis, chf);
    const wanted = {
      ...held,
      lowerBandSubGhzChannels0To26: subGhzChannelMaskFor(28, [0, 5, 9]),
      upperBandSubGhzChannels0To26: subGhzChannelMaskFor(31, [3]),
      normalLimitedDutyCycleThresholdPercent: 1.1,
      limitedCriticalDutyCycleThresholdPercent: 1.95,
      maximumSubGhzChannelChangesPerWeek: 3,
    };
    expect(await setConfiguration(duis, chf, wanted), 'DBCH04 set result').toEqual({ ok: true });
    const reported = await expectDeviceAlert(duis, dbch09SubGhzConfigurationChanged, { from: chf, within: ALERT_WINDOW_MS, mac: 'uncheckable' });
    expect(reported.fields.configuration, '0x8F2A: the configuration now held').toEqual(wanted);
    expect(await readConfiguration(duis, chf), 'DBCH03 reads back what 6.28 set').toEqual(wanted);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'SUBGHZ-CONFIG-IMPOSSIBLE',
    title: 'An impossible 6.28 is refused: Critical below Limited by the CHF (hardware-fault, nothing set, no 0x8F2A), above 100 % at the DCC edge (E9001)',
    useCase: 'DBCH04',
    srv: '6.28',
    deviceTypes: ['CHF'],
    bands: ['868MHz'],
    tags: ['confidence', 'formal', 'regression'],
    severity: 3,
    needs: ['clock'],
  },
  async ({ duis, bench, premises }) => {
    const chf = premises.commsHub.chf;
    const held = await readConfiguration(duis, chf);
    const inverted = { ...held, normalLimitedDutyCycleThresholdPercent: 2.2, limitedCriticalDutyCycleThresholdPercent: 1.3 };
    expect(await setConfiguration(duis, chf, inverted), 'the CHF refuses Critical below Limited').toEqual({ ok: false, result: 'hardware-fault' });
    await expectQuietFor(duis, bench, ALERT_WINDOW_MS);

    const body = configurationBody(held);
    const tooHigh = await duis.send('DBCH04_6.28', { target: chf, body: { SetCHFSubGHzConfiguration: { ...(body['SetCHFSubGHzConfiguration'] as object), LimitedCriticalDutyCycleThreshold: '100.50' } } });
    expect(tooHigh.code, 'a threshold above 100 % never reaches the CHF').toBe('E9001');
    await expect(tooHigh.response({ within: CHF_WINDOW_MS }), 'nothing follows an edge refusal').rejects.toThrow();
    expect(await readConfiguration(duis, chf), 'the CHF keeps its configuration').toEqual(held);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'SUBGHZ-SCAN-CHANGE-SLEEPY-GSME',
    title: 'A requested scan (6.29 DBCH05) with interference on the channel moves the HAN with the sleepy GSME: 0x8F27, 0x8F28, 0x8F26 in order; 6.31 and 6.32 show the new channel; the GSME still answers',
    useCase: 'DBCH05',
    srv: '6.29',
    deviceTypes: ['GSME'],
    bands: ['868MHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    // a comms hub that loses its GSME on a channel change cuts the premises' gas service
    severity: 1,
    needs: ['interference', 'clock'],
  },
  async (ctx) => {
    const { duis, premises, meter } = ctx;
    const chf = premises.commsHub.chf;
    const startedAt = duis.now();
    const { before, assessed } = await scanAwayFromInterference(ctx, chf);
    expect(assessed.fields.outcome, '0x8F28: a channel change follows [P: outcome 1]').toBe(1);
    const changed = await expectDeviceAlert(duis, dbch07SubGhzChannelChanged, { from: chf, within: 2 * wakeMs(ctx) + ALERT_WINDOW_MS, mac: 'uncheckable' });
    expect(changed.arrivedAt, '0x8F26 after 0x8F28').toBeGreaterThanOrEqual(assessed.arrivedAt);
    expect(changed.fields.channel.mask, '0x8F26: another channel').not.toBe(before.mask.mask);

    const after = await readChannel(duis, chf);
    expect(after.mask, 'DBCH01 reads the channel 0x8F26 reported').toEqual(changed.fields.channel);
    const log = await duis.send('DBCH02_6.32', {
      target: chf,
      body: { ReadCHFSubGHzChannelLog: { ReadLogPeriod: { StartDateTime: new Date(startedAt).toISOString(), EndDateTime: new Date(duis.now()).toISOString() } } },
    });
    expect(log.code).toBe('I99');
    const entries = expectDeviceResponse(await log.response({ within: CHF_WINDOW_MS }), dbch02, { from: chf, mac: 'uncheckable', within: CHF_WINDOW_MS });
    if (!entries.ok) throw new Error(`DBCH02 answered ${entries.result}`);
    expect(entries.entries.map((e) => [e.alertCode, e.channel.mask]), 'DBCH02: the change, logged').toEqual([[0x8f26, changed.fields.channel.mask]]);

    // the GSME followed: it answers at its next wake, on the new channel
    const window = wakeMs(ctx) + MINUTE;
    const read = await duis.send('GCS38_11.2', { target: meter.eui });
    expect(read.code).toBe('I99');
    const version = expectDeviceResponse(await read.response({ within: window }), gcs38, { from: meter.eui, within: window }).firmwareVersion;
    expect(version.status, 'GCS38 from the GSME after the change').toBe('success');
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'SUBGHZ-WEEKLY-CHANGE-LIMIT',
    title: 'With at most one channel change a week (6.28), a second scan that finds a better channel is not acted on: 0x8F2B, the channel stays',
    useCase: 'DBCH05',
    srv: '6.29',
    deviceTypes: ['GSME'],
    bands: ['868MHz'],
    tags: ['formal', 'regression'],
    severity: 3,
    needs: ['interference', 'clock'],
  },
  async (ctx) => {
    const { duis } = ctx;
    const chf = ctx.premises.commsHub.chf;
    const held = await readConfiguration(duis, chf);
    expect(await setConfiguration(duis, chf, { ...held, maximumSubGhzChannelChangesPerWeek: 1 })).toEqual({ ok: true });
    await expectDeviceAlert(duis, dbch09SubGhzConfigurationChanged, { from: chf, within: ALERT_WINDOW_MS, mac: 'uncheckable' });

    await scanAwayFromInterference(ctx, chf);
    const first = await expectDeviceAlert(duis, dbch07SubGhzChannelChanged, { from: chf, within: 2 * wakeMs(ctx) + ALERT_WINDOW_MS, mac: 'uncheckable' });

    const { assessed } = await scanAwayFromInterference(ctx, chf);
    expect(assessed.fields.outcome, '0x8F28: a change is needed but the weekly limit is reached [P: outcome 2]').toBe(2);
    await expectDeviceAlert(duis, gncaSubGhzChannelNotChanged, { from: chf, within: ALERT_WINDOW_MS, mac: 'uncheckable' });
    await expectQuietFor(duis, ctx.bench, 2 * wakeMs(ctx));
    expect((await readChannel(duis, chf)).mask, 'the channel of the first change stays').toEqual(first.fields.channel);
    expectNoUnexpectedMessages(duis);
  },
);

/** Reads in the busy hour of the capacity case: one every 30 s. */
const BUSY_HOUR_READS = 120;

ditCase(
  {
    id: 'SUBGHZ-CAPACITY-BUSY-HOUR',
    title: `Capacity: ${BUSY_HOUR_READS} on-demand reads of the ESME in an hour, every one answered in its window; on 868 MHz the hub's duty cycle stays Normal (no 0x8F20)`,
    useCase: 'ECS17b',
    srv: '4.1.1',
    deviceTypes: ['ESME'],
    // the duty cycle bites on 868 MHz; on 2.4 GHz the same hour shows the HAN's capacity without it
    bands: ['868MHz', '2.4GHz'],
    tags: ['formal', 'regression'],
    // a hub that throttles a normal busy hour delays every supplier's reads: the function degrades, a workaround exists (read later)
    severity: 2,
    needs: ['clock'],
  },
  async ({ duis, bench, meter, measure }) => {
    const interval = (60 * MINUTE) / BUSY_HOUR_READS;
    let answered = 0;
    let slowestMs = 0;
    for (let i = 0; i < BUSY_HOUR_READS; i += 1) {
      const sentAt = duis.now();
      const exchange = await duis.send('ECS17b_4.1.1_SINGLE', { target: meter.eui });
      if (exchange.code === 'I99') {
        const response = await exchange.response({ within: MINUTE }).catch(() => null);
        if (response?.message.responseCode === 'I0') {
          answered += 1;
          slowestMs = Math.max(slowestMs, response.elapsedMs);
        }
      }
      const next = sentAt + interval - duis.now();
      if (next > 0) await bench.advance(next);
    }
    measure('reads answered in the busy hour', answered, { min: BUSY_HOUR_READS, unit: 'reads' });
    measure('slowest read response in the busy hour', slowestMs, { max: MINUTE, unit: 'ms' });
    // a duty-cycle alert (0x8F20 Limited …) or anything else nobody asked for fails it
    expectNoUnexpectedMessages(duis);
  },
);
