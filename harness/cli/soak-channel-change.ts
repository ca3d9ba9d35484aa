// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The soak's channel change on the sub-GHz HAN, as suites/sub-ghz.dit.ts drives one: 6.31 reads
 * the operating channel, the Bench puts a signal generator on it, 6.29 asks the CHF for a scan;
 * the CHF tells the sleepy GSME (EnergyScanPending, ChannelChangePending, each read at a wake)
 * and the user receives 0x8F27 (scan initiated, within a wake period and a minute), 0x8F28 (its
 * assessment, within a minute more) and 0x8F26 (the new channel, within two wake periods and a
 * minute more), in that order. The Bench then takes the signal off and 6.31 must read another
 * channel. The reads go on meanwhile; a GSME read queued at the hub is answered at the GSME's
 * next wake on the new channel.
 */
import { dbch01 } from '../protocol/gbcs/payload/use-cases/dbch01.ts';
import { dbch05 } from '../protocol/gbcs/payload/use-cases/dbch05.ts';
import type { SoakContext } from './soak-session.ts';
import type { SoakDevices } from './soak-devices.ts';
import type { SoakChannel } from './soak-trace.ts';

const SCENARIO = 'channel-change';
const MINUTE = 60_000;
/** The CHF answers within a minute. */
const CHF_WINDOW_MS = MINUTE;
/** A signal generator's level on the channel, well above any ambient noise (dBm), as the sub-GHz suite uses. */
const INTERFERENCE_DBM = -60;

export interface ChannelChangeOutcome {
  readonly from: SoakChannel | null;
  readonly to: SoakChannel | null;
  readonly requestedAt: number;
  /** When 0x8F26 arrived (null: not within its window). */
  readonly changedAt: number | null;
}

/** 6.31: the operating channel (page and channel); null when not read (a finding). */
async function readChannel(soak: SoakContext, chf: string): Promise<SoakChannel | null> {
  const exchange = await soak.send('DBCH01_6.31', { target: chf, body: { ReadCHFSubGHzChannel: '' }, within: CHF_WINDOW_MS });
  const response = exchange && (await soak.response(exchange));
  const read = response && soak.decode(response, dbch01, chf);
  if (!read) return null;
  if (!read.ok || read.channel.channels.length !== 1) {
    soak.finding(`DBCH01 from ${chf}: ${read.ok ? `${read.channel.channels.length} channels, expected the one operating channel` : `answered ${read.result}`}`);
    return null;
  }
  return { page: read.channel.page, channel: read.channel.channels[0] as number };
}

export async function soakChannelChange(soak: SoakContext, devices: SoakDevices): Promise<ChannelChangeOutcome> {
  const { chf, wakeMs } = devices;
  const requestedAt = soak.now();
  const from = await readChannel(soak, chf);
  if (!from) return { from, to: null, requestedAt, changedAt: null };
  soak.step(SCENARIO, `interference on page ${from.page} channel ${from.channel}, then 6.29`);
  await soak.interfere(from, INTERFERENCE_DBM);
  let changedAt: number | null = null;
  try {
    const scan = await soak.send('DBCH05_6.29', { target: chf, body: { RequestCHFSubGHzChannelScan: '' }, within: CHF_WINDOW_MS });
    if (!scan) return { from, to: null, requestedAt, changedAt };
    const response = await soak.response(scan);
    const accepted = response && soak.decode(response, dbch05, chf);
    if (accepted && !accepted.ok) soak.finding(`DBCH05 from ${chf}: answered ${accepted.result}, expected success`);
    const since = scan.sentAt;
    const initiated = await soak.alert('8F27', chf, { within: wakeMs + MINUTE, after: '6.29', since });
    const assessed = initiated && (await soak.alert('8F28', chf, { within: MINUTE, after: '0x8F27', since }));
    const changed = assessed && (await soak.alert('8F26', chf, { within: 2 * wakeMs + MINUTE, after: '0x8F28', since }));
    if (initiated && assessed && changed && !(initiated.at <= assessed.at && assessed.at <= changed.at)) {
      soak.finding(`0x8F27, 0x8F28, 0x8F26 from ${chf} out of order: at ${[initiated.at, assessed.at, changed.at].map((t) => new Date(t).toISOString()).join(', ')}`);
    }
    changedAt = changed?.at ?? null;
  } finally {
    await soak.clearInterference(from);
  }
  const to = await readChannel(soak, chf);
  if (to && to.page === from.page && to.channel === from.channel && changedAt !== null) soak.finding(`6.31 after 0x8F26 still reads page ${to.page} channel ${to.channel}`);
  if (to) soak.step(SCENARIO, `now on page ${to.page} channel ${to.channel}`);
  return { from, to, requestedAt, changedAt };
}
