// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { dbch02 } from '../../harness/protocol/gbcs/payload/use-cases/dbch02.ts';
import { subGhzChannelMaskFor } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import { CHANGE_CAUSE } from '../comms-hub/sub-ghz-channel-manager.ts';
import { DEFAULT_EUIS } from '../premises.ts';
import { duisWorld, type DuisWorld } from '../testing/duis-world.ts';

const HOUR = 3_600_000;

async function readLog(d: DuisWorld, start: number, end: number) {
  const body = { ReadCHFSubGHzChannelLog: { ReadLogPeriod: { StartDateTime: new Date(start).toISOString(), EndDateTime: new Date(end).toISOString() } } };
  const { request, answer } = await d.send('DBCH02_6.32', DEFAULT_EUIS.chf, { body });
  expect(answer.responseCode).toBe('I99');
  await d.w.clock.advance(5_000);
  const { frame } = d.open(d.answerTo(request)!);
  return dbch02.decodeResponse(frame.payload, { header: frame });
}

describe('DBCH02 (SRV 6.32) on the emulated CHF', () => {
  it('reads the channel changes of the period asked for, as 0x8F26 reported them', async () => {
    const d = await duisWorld();
    const start = d.w.clock.now();
    expect(await readLog(d, start - HOUR, start)).toEqual({ ok: true, entries: [] });
    d.w.premises.subGhzNoise.setInterference({ page: 28, channel: 0 }, -60, start);
    d.w.premises.commsHub.subGhz.requestScan();
    await d.w.clock.advance(2 * HOUR);
    const [entry] = d.w.premises.chf.subGhzChannelLog.entries();
    const to = d.w.premises.chf.channels.subGhz;
    // the log period is read in whole seconds
    const at = new Date(Math.floor(entry!.at.getTime() / 1000) * 1000);
    expect(await readLog(d, start, d.w.clock.now())).toEqual({ ok: true, entries: [{ at, alertCode: 0x8f26, channel: subGhzChannelMaskFor(to.page, [to.channel]), qualifier: CHANGE_CAUSE.requested }] });
    expect(await readLog(d, start - HOUR, start)).toEqual({ ok: true, entries: [] });
  });
});
