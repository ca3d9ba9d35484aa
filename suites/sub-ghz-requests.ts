// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How a suite talks to the CHF about its sub-GHz HAN through DUIS (SRV 6.28–6.32): the DUIS body
 * of a Set CHF Sub GHz Configuration written from the configuration a 6.30 read gave (what a
 * user would change and send back), and the reads and requests with their checks. The CHF
 * answers the DCC Access Control Broker: the user cannot check those MACs ('uncheckable').
 */
import type { DitContext } from '../harness/dit/dit-case.ts';
import type { XMLData } from '@smartdcc/duis-parser';
import { expect } from 'vitest';
import type { DuisClient, DuisExchange } from '../harness/dit/duis-client.ts';
import { expectDeviceResponse } from '../harness/dit/expectations.ts';
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import { dbch01 } from '../harness/protocol/gbcs/payload/use-cases/dbch01.ts';
import { dbch03 } from '../harness/protocol/gbcs/payload/use-cases/dbch03.ts';
import { dbch04, type Dbch04Response } from '../harness/protocol/gbcs/payload/use-cases/dbch04.ts';
import { dbch05 } from '../harness/protocol/gbcs/payload/use-cases/dbch05.ts';
import type { SubGhzChannelMask } from '../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import type { SubGhzConfiguration } from '../harness/protocol/gbcs/payload/use-cases/sub-ghz-configuration.ts';

/** The CHF answers within a minute. */
export const CHF_WINDOW_MS = 60_000;

/** A percentage as DUIS writes it: two decimals. */
const percent = (p: number): string => p.toFixed(2);
const channels = (m: SubGhzChannelMask): XMLData | '' => (m.channels.length === 0 ? '' : Object.fromEntries(m.channels.map((c) => [`Channel${c}`, ''])));

/** The SetCHFSubGHzConfiguration body that sets `c` (elements in DUIS order). */
export function configurationBody(c: SubGhzConfiguration): XMLData {
  return {
    SetCHFSubGHzConfiguration: {
      LowerBandSubGHzChannels0To26: channels(c.lowerBandSubGhzChannels0To26),
      LowerBandSubGHzChannels27To34: channels(c.lowerBandSubGhzChannels27To34),
      LowerBandSubGHzChannels35To61: channels(c.lowerBandSubGhzChannels35To61),
      UpperBandSubGHzChannels0To26: channels(c.upperBandSubGhzChannels0To26),
      NormalLimitedDutyCycleThreshold: percent(c.normalLimitedDutyCycleThresholdPercent),
      LimitedCriticalDutyCycleThreshold: percent(c.limitedCriticalDutyCycleThresholdPercent),
      MaximumSubGHzChannelChangesPerWeek: String(c.maximumSubGhzChannelChangesPerWeek),
      GSMECurfew: String(c.gsmeCurfew),
      ChannelQuieterThreshold: String(c.channelQuieterThreshold),
      ChannelNoisierThreshold: String(c.channelNoisierThreshold),
      NonGSMEPoorCommsPercentageThreshold: percent(c.nonGsmePoorCommsPercentageThreshold),
      NonGSMEPoorCommsMeasurementPeriods: String(c.nonGsmePoorCommsMeasurementPeriods),
      LocalCHNoiseMeasurementPeriod: String(c.localChNoiseMeasurementPeriod),
      LocalCHFailurePercentage: percent(c.localChFailurePercentage),
      LocalCHRetryPercentage: percent(c.localChRetryPercentage),
    },
  };
}

async function acknowledged(duis: DuisClient, template: string, chf: Eui64, body: XMLData): Promise<DuisExchange> {
  const exchange = await duis.send(template, { target: chf, body });
  expect(exchange.code, `${template}: DCC acknowledgement`).toBe('I99');
  return exchange;
}

/** 6.30: the configuration the CHF holds. */
export async function readConfiguration(duis: DuisClient, chf: Eui64): Promise<SubGhzConfiguration> {
  const exchange = await acknowledged(duis, 'DBCH03_6.30', chf, { ReadCHFSubGHzConfiguration: '' });
  const read = expectDeviceResponse(await exchange.response({ within: CHF_WINDOW_MS }), dbch03, { from: chf, mac: 'uncheckable', within: CHF_WINDOW_MS });
  if (!read.ok) throw new Error(`DBCH03 answered ${read.result}, expected the configuration`);
  return read.configuration;
}

/** 6.28: sets a configuration; returns the CHF's set result. */
export async function setConfiguration(duis: DuisClient, chf: Eui64, c: SubGhzConfiguration): Promise<Dbch04Response> {
  const exchange = await acknowledged(duis, 'DBCH04_6.28', chf, configurationBody(c));
  return expectDeviceResponse(await exchange.response({ within: CHF_WINDOW_MS }), dbch04, { from: chf, mac: 'uncheckable', within: CHF_WINDOW_MS });
}

/** 6.31: the operating sub-GHz channel, as page and channel. */
export async function readChannel(duis: DuisClient, chf: Eui64): Promise<{ readonly page: number; readonly channel: number; readonly mask: SubGhzChannelMask }> {
  const exchange = await acknowledged(duis, 'DBCH01_6.31', chf, { ReadCHFSubGHzChannel: '' });
  const read = expectDeviceResponse(await exchange.response({ within: CHF_WINDOW_MS }), dbch01, { from: chf, mac: 'uncheckable', within: CHF_WINDOW_MS });
  if (!read.ok) throw new Error(`DBCH01 answered ${read.result}, expected the channel`);
  expect(read.channel.channels, 'DBCH01: one operating channel').toHaveLength(1);
  return { page: read.channel.page, channel: read.channel.channels[0] as number, mask: read.channel };
}

/**
 * 6.31 on a hub that has not changed channel reports the channel its premises description says
 * it operates on (finds firmware that reports the wrong channel).
 */
export async function channelReadMatchesThePremises(ctx: DitContext): Promise<void> {
  const { duis, premises } = ctx;
  const configured = premises.commsHub.subGhzChannel;
  if (configured === undefined) return ctx.skip('the premises description names no sub-GHz channel');
  const read = await readChannel(duis, premises.commsHub.chf);
  ctx.measure('DBCH01: the operating channel the premises description gives', read.mask.mask.toString(16).toUpperCase().padStart(8, '0'), { equals: configured });
}

/** 6.29: asks for a scan; the CHF accepts it. */
export async function requestScan(duis: DuisClient, chf: Eui64): Promise<void> {
  const exchange = await acknowledged(duis, 'DBCH05_6.29', chf, { RequestCHFSubGHzChannelScan: '' });
  expect(expectDeviceResponse(await exchange.response({ within: CHF_WINDOW_MS }), dbch05, { from: chf, mac: 'uncheckable', within: CHF_WINDOW_MS }), 'DBCH05 set result').toEqual({ ok: true });
}
