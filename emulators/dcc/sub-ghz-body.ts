// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DUIS bodies of the CHF's sub-GHz service requests, as the DCC reads them to build the GBCS
 * commands [V: RTDS templates DBCH04_6.28, DBCH05_6.29, DBCH03_6.30, DBCH02_6.32 and the RTDS
 * commands built from them]:
 *
 *   6.28 <SetCHFSubGHzConfiguration> the 15 elements in order: four channel lists, each with an
 *        empty <ChannelN/> per channel the CHF may use (<LowerBandSubGHzChannels0To26> page 28
 *        channels 0–26, <…27To34> page 29 channels 27–34 and 62, <…35To61> page 30, and
 *        <UpperBandSubGHzChannels0To26> page 31), then the thresholds and counts
 *        (NormalLimitedDutyCycleThreshold 1.3 …) → DBCH04 { the CHF Sub GHz Configuration }
 *   6.29 <RequestCHFSubGHzChannelScan/>  → DBCH05 (no field)
 *   6.30 <ReadCHFSubGHzConfiguration/>   → DBCH03 (no field)
 *   6.32 <ReadCHFSubGHzChannelLog><ReadLogPeriod><StartDateTime>…</StartDateTime>
 *        <EndDateTime>…</EndDateTime></ReadLogPeriod></…> → DBCH02 { from, to } (whole seconds)
 *
 * What the DCC refuses at its edge (E9001, malformed or schema-invalid, with the element and the
 * reason) [P: the DUIS schema's types are not in the sources at hand; these are the limits the
 * GBCS command can carry]: a missing element; a percentage that is not 0.00–100.00 with at most
 * two decimals (the command carries hundredths); a count outside its A-XDR type (unsigned
 * 0–255, long-unsigned 0–65535); a channel element that is not ChannelN of that list's page; a
 * log period that is not two xs:dateTime from 2000 on, or ends before it starts. Thresholds that
 * are each valid but impossible together (Critical at or below Limited) pass the edge: the CHF
 * refuses them (use-cases/dbch04.ts).
 */
import type { XMLData } from '@smartdcc/duis-parser';
import type { Dbch02Command } from '../../harness/protocol/gbcs/payload/use-cases/dbch02.ts';
import { subGhzChannelMaskFor, type SubGhzChannelMask } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import type { SubGhzConfiguration } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-configuration.ts';
import { NO_FIELDS, type NoFields } from '../../harness/protocol/gbcs/payload/use-cases/use-case-codec.ts';
import { ZCL_EPOCH_MS } from '../../harness/protocol/gbcs/payload/zcl/zcl-utc-time.ts';
import { GB_PAGE_CHANNELS, subGhzChannelMask, type SubGhzChannel } from '../radio/sub-ghz-channel.ts';
import { RequestBodyError } from './request-body-error.ts';

type Node = XMLData[string] | undefined;
type ConfigKey = keyof SubGhzConfiguration;

/** The channel lists, page by page, in body order. */
const CHANNEL_LISTS: ReadonlyArray<{ readonly element: string; readonly key: ConfigKey; readonly page: SubGhzChannel['page'] }> = [
  { element: 'LowerBandSubGHzChannels0To26', key: 'lowerBandSubGhzChannels0To26', page: 28 },
  { element: 'LowerBandSubGHzChannels27To34', key: 'lowerBandSubGhzChannels27To34', page: 29 },
  { element: 'LowerBandSubGHzChannels35To61', key: 'lowerBandSubGhzChannels35To61', page: 30 },
  { element: 'UpperBandSubGHzChannels0To26', key: 'upperBandSubGhzChannels0To26', page: 31 },
];

type NumberKind = 'percent' | 'unsigned' | 'long-unsigned';

/** The numbers, in body order, each with the A-XDR type the command carries it in. */
const NUMBERS: ReadonlyArray<{ readonly element: string; readonly key: ConfigKey; readonly kind: NumberKind }> = [
  { element: 'NormalLimitedDutyCycleThreshold', key: 'normalLimitedDutyCycleThresholdPercent', kind: 'percent' },
  { element: 'LimitedCriticalDutyCycleThreshold', key: 'limitedCriticalDutyCycleThresholdPercent', kind: 'percent' },
  { element: 'MaximumSubGHzChannelChangesPerWeek', key: 'maximumSubGhzChannelChangesPerWeek', kind: 'unsigned' },
  { element: 'GSMECurfew', key: 'gsmeCurfew', kind: 'long-unsigned' },
  { element: 'ChannelQuieterThreshold', key: 'channelQuieterThreshold', kind: 'unsigned' },
  { element: 'ChannelNoisierThreshold', key: 'channelNoisierThreshold', kind: 'unsigned' },
  { element: 'NonGSMEPoorCommsPercentageThreshold', key: 'nonGsmePoorCommsPercentageThreshold', kind: 'percent' },
  { element: 'NonGSMEPoorCommsMeasurementPeriods', key: 'nonGsmePoorCommsMeasurementPeriods', kind: 'unsigned' },
  { element: 'LocalCHNoiseMeasurementPeriod', key: 'localChNoiseMeasurementPeriod', kind: 'long-unsigned' },
  { element: 'LocalCHFailurePercentage', key: 'localChFailurePercentage', kind: 'percent' },
  { element: 'LocalCHRetryPercentage', key: 'localChRetryPercentage', kind: 'percent' },
];

const INTEGER_MAX: Readonly<Record<Exclude<NumberKind, 'percent'>, number>> = { unsigned: 0xff, 'long-unsigned': 0xffff };

/** An element with children (or empty: no children), or a RequestBodyError naming `path`. */
function parent(n: Node, path: string, what: string): XMLData {
  if (n === '') return {};
  if (typeof n === 'object' && n !== null && !Array.isArray(n)) return n;
  throw new RequestBodyError('malformed', path, `expected ${what}, found ${n === undefined ? 'no such element' : JSON.stringify(n)}`);
}

/** An element's text, or a RequestBodyError naming `path`. */
function value(n: Node, path: string): string {
  const t = typeof n === 'string' ? n : typeof n === 'object' && n !== null && !Array.isArray(n) && typeof n['#text'] === 'string' ? n['#text'] : null;
  if (t === null || t.trim() === '') throw new RequestBodyError('malformed', path, `expected a value, found ${n === undefined ? 'no such element' : 'none'}`);
  return t.trim();
}

function channelList(list: XMLData, path: string, page: SubGhzChannel['page']): SubGhzChannelMask {
  const channels = Object.keys(list).map((name) => {
    const m = /^Channel(\d+)$/.exec(name);
    const at = `${path}/${name}`;
    if (!m) throw new RequestBodyError('malformed', at, `expected ChannelN elements (channels ${GB_PAGE_CHANNELS[page]} of page ${page})`);
    const channel = Number(m[1]);
    try {
      subGhzChannelMask({ page, channel });
    } catch (e) {
      throw new RequestBodyError('malformed', at, `${(e as Error).message}: not a channel of this list`);
    }
    return channel;
  });
  return subGhzChannelMaskFor(page, channels);
}

function number(text: string, path: string, kind: NumberKind): number {
  if (kind === 'percent') {
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || Number(text) > 100) {
      throw new RequestBodyError('malformed', path, `expected a percentage from 0.00 to 100.00 with at most two decimals (the command carries hundredths of a percent), found ${JSON.stringify(text)}`);
    }
    return Number(text);
  }
  const max = INTEGER_MAX[kind];
  if (!/^\d+$/.test(text) || Number(text) > max) throw new RequestBodyError('malformed', path, `expected a whole number from 0 to ${max}, found ${JSON.stringify(text)}`);
  return Number(text);
}

/** 6.28: the CHF Sub GHz Configuration a SetCHFSubGHzConfiguration body sets. */
export function dbch04CommandFromBody(body: XMLData): SubGhzConfiguration {
  const root = 'SetCHFSubGHzConfiguration';
  const element = parent(body[root], root, 'the SetCHFSubGHzConfiguration element with its 15 elements');
  const out: Partial<Record<ConfigKey, unknown>> = {};
  for (const l of CHANNEL_LISTS) {
    const path = `${root}/${l.element}`;
    out[l.key] = channelList(parent(element[l.element], path, `the list of channels of page ${l.page} (empty ChannelN elements)`), path, l.page);
  }
  for (const n of NUMBERS) {
    const path = `${root}/${n.element}`;
    out[n.key] = number(value(element[n.element], path), path, n.kind);
  }
  return out as SubGhzConfiguration;
}

/** A body that must hold `root` (empty): the request carries no field. */
function emptyRequest(body: XMLData, root: string): NoFields {
  if (!(root in body)) throw new RequestBodyError('malformed', root, `expected the ${root} element`);
  return NO_FIELDS;
}

/** 6.29: RequestCHFSubGHzChannelScan, no field. */
export const dbch05CommandFromBody = (body: XMLData): NoFields => emptyRequest(body, 'RequestCHFSubGHzChannelScan');

/** 6.30: ReadCHFSubGHzConfiguration, no field. */
export const dbch03CommandFromBody = (body: XMLData): NoFields => emptyRequest(body, 'ReadCHFSubGHzConfiguration');

function dateTime(text: string, path: string): Date {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d\d-\d\dT/.test(text) || !Number.isFinite(ms)) throw new RequestBodyError('malformed', path, `expected an xs:dateTime, found ${JSON.stringify(text)}`);
  if (ms < ZCL_EPOCH_MS || ms >= ZCL_EPOCH_MS + 2 ** 32 * 1000) {
    throw new RequestBodyError('malformed', path, `the channel log is read from 2000-01-01 to 2136-02-07 (the command carries seconds since 2000), found ${text}`);
  }
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** 6.32: the log period of a ReadCHFSubGHzChannelLog body. */
export function dbch02CommandFromBody(body: XMLData): Dbch02Command {
  const root = 'ReadCHFSubGHzChannelLog';
  const period = parent(parent(body[root], root, 'the ReadCHFSubGHzChannelLog element with ReadLogPeriod')['ReadLogPeriod'], `${root}/ReadLogPeriod`, 'the ReadLogPeriod element with StartDateTime and EndDateTime');
  const from = dateTime(value(period['StartDateTime'], `${root}/ReadLogPeriod/StartDateTime`), `${root}/ReadLogPeriod/StartDateTime`);
  const to = dateTime(value(period['EndDateTime'], `${root}/ReadLogPeriod/EndDateTime`), `${root}/ReadLogPeriod/EndDateTime`);
  if (to < from) throw new RequestBodyError('malformed', `${root}/ReadLogPeriod/EndDateTime`, `the period ends (${to.toISOString()}) before it starts (${from.toISOString()})`);
  return { from, to };
}
