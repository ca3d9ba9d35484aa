// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { subGhzChannelMaskFor } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { createPremises, type PremisesDeviceOverrides } from '../premises.ts';
import type { SubGhzChannel } from '../radio/sub-ghz-channel.ts';
import { FUNCTIONAL_NOTIFICATION_FLAG as FLAG } from './functional-notification-flags.ts';
import { DEFAULT_SUB_GHZ_CONFIGURATION } from './sub-ghz-config.ts';
import { CHANGE_CAUSE, LOST_GSME_SEARCHES, WEEK_MS, type SubGhzChannelEvent } from './sub-ghz-channel-manager.ts';

const START = Date.UTC(2019, 3, 12, 9);
const MINUTE = 60_000;
const WAKE = 30 * MINUTE;
const FIRST_WAKE = 10 * MINUTE;
const P28C0: SubGhzChannel = { page: 28, channel: 0 };
/** Eight allowed channels at 500 ms each. */
const SCAN_MS = 4_000;

function setup(devices: PremisesDeviceOverrides = {}) {
  const clock = new VirtualClock(START);
  const premises = createPremises({ seed: 'channel-manager', clock, devices: { ...devices, gsme: { firstWakeAfterMs: FIRST_WAKE, ...devices.gsme } } });
  const manager = premises.commsHub.subGhz;
  const events: SubGhzChannelEvent[] = [];
  manager.onEvent((e) => events.push(e));
  const kinds = () => events.map((e) => `${e.kind}@${(e.at - START) / 1000}s`);
  const flags = () => premises.gpf.functionalNotificationFlags ?? 0;
  return { clock, premises, manager, events, kinds, flags };
}

/** A requested scan and change while the GSME's HAN link is down: the waits time out, the change is made without it. */
async function changeWithoutTheGsme() {
  const s = setup();
  s.premises.gsme.linkUp = false;
  s.premises.subGhzNoise.setInterference(P28C0, -60, s.clock.now());
  s.manager.requestScan();
  await s.clock.advance(WAKE + SCAN_MS + 2 * WAKE);
  return s;
}

describe('SubGhzChannelManager: the GBCS §10.6.2.8 sequence', () => {
  it('a requested scan with the sleepy GSME: EnergyScanPending read at its wake, scan, ChannelChangePending read at the next, change', async () => {
    const { clock, premises, manager, events, kinds, flags } = setup();
    premises.subGhzNoise.setInterference(P28C0, -60, clock.now());
    expect(manager.requestScan()).toBe(true);
    expect(manager.requestScan(), 'a second request joins the sequence under way').toBe(false);
    expect(flags() & FLAG.energyScanPending).not.toBe(0);
    expect(manager.stageName).toBe('scan-pending');

    await clock.advance(FIRST_WAKE + SCAN_MS);
    expect(kinds()).toEqual([`scan-initiated@${FIRST_WAKE / 1000}s`, `scan-assessed@${(FIRST_WAKE + SCAN_MS) / 1000}s`]);
    const assessed = events[1] as Extract<SubGhzChannelEvent, { kind: 'scan-assessed' }>;
    expect(assessed.outcome).toBe('channelChangeToFollow');
    expect(assessed.readings).toHaveLength(8);
    expect(flags() & FLAG.energyScanPending, 'cleared once the scan is over').toBe(0);
    expect(flags() & FLAG.channelChangePending).not.toBe(0);
    expect(premises.chf.channels.subGhz, 'not changed before the GSME reads it').toEqual(P28C0);

    await clock.advance(WAKE);
    const changed = events[2] as Extract<SubGhzChannelEvent, { kind: 'channel-changed' }>;
    expect(changed).toMatchObject({ kind: 'channel-changed', at: START + FIRST_WAKE + WAKE, from: P28C0, to: assessed.quietest!.channel, cause: 'requested', gsmeFollowed: true });
    expect(premises.chf.channels.subGhz).toEqual(changed.to);
    expect(flags() & (FLAG.energyScanPending | FLAG.channelChangePending)).toBe(0);
    expect(manager.gsmeLost).toBe(false);
    expect(premises.chf.subGhzChannelLog.entries()).toEqual([{ at: new Date(changed.at), alertCode: 0x8f26, channel: subGhzChannelMaskFor(changed.to.page, [changed.to.channel]), qualifier: CHANGE_CAUSE.requested }]);
    expect(manager.stageName).toBe('idle');
  });

  it('keeps the channel when none allowed is ChannelQuieterThreshold dB quieter (0x8F28 only)', async () => {
    const { clock, premises, manager, events } = setup();
    for (const c of premises.chf.subGhzConfiguration.allowedChannels().slice(1)) premises.subGhzNoise.setInterference(c, -80, clock.now());
    manager.requestScan();
    await clock.advance(FIRST_WAKE + SCAN_MS + 3 * WAKE);
    expect(events.map((e) => e.kind)).toEqual(['scan-initiated', 'scan-assessed']);
    expect(events[1]).toMatchObject({ outcome: 'channelKept', quietest: { channel: P28C0 } });
    expect(premises.chf.channels.subGhz).toEqual(P28C0);
    expect(premises.chf.subGhzChannelLog.entries()).toEqual([]);
  });

  it('moves off a channel the configuration no longer allows, however quiet it is', async () => {
    const { clock, premises, manager, events } = setup();
    premises.chf.subGhzConfiguration.set({ ...DEFAULT_SUB_GHZ_CONFIGURATION, lowerBandSubGhzChannels0To26: subGhzChannelMaskFor(28, [5]) }, clock.now());
    for (const c of premises.chf.subGhzConfiguration.allowedChannels()) premises.subGhzNoise.setInterference(c, -85, clock.now());
    manager.requestScan();
    await clock.advance(FIRST_WAKE + SCAN_MS + WAKE);
    expect(events.map((e) => e.kind)).toEqual(['configuration-changed', 'scan-initiated', 'scan-assessed', 'channel-changed']);
    expect(premises.chf.subGhzConfiguration.allows(premises.chf.channels.subGhz)).toBe(true);
  });

  it('waits one wake period, then two, for a GSME that does not wake; then searches for it three times and raises 0x8F29', async () => {
    const { clock, premises, manager, kinds } = await changeWithoutTheGsme();
    expect(kinds()).toEqual([`scan-initiated@${WAKE / 1000}s`, `scan-assessed@${(WAKE + SCAN_MS) / 1000}s`, `channel-changed@${(3 * WAKE + SCAN_MS) / 1000}s`]);
    expect(manager.gsmeLost).toBe(true);
    await clock.advance(LOST_GSME_SEARCHES * WAKE);
    expect(kinds().at(-1)).toBe(`lost-gsme-searches-failed@${(3 * WAKE + SCAN_MS + LOST_GSME_SEARCHES * WAKE) / 1000}s`);

    // the link back: its next wake is heard and served (the mirror takes its report)
    premises.gsme.linkUp = true;
    const reports = premises.gpf.reportCount;
    await clock.advance(WAKE);
    expect(manager.gsmeLost).toBe(false);
    expect(premises.gpf.reportCount).toBe(reports + 1);
  });

  it('a lost GSME heard during the searches is found: no 0x8F29', async () => {
    const { clock, premises, manager, events } = await changeWithoutTheGsme();
    expect(manager.gsmeLost).toBe(true);
    premises.gsme.linkUp = true;
    await clock.advance(LOST_GSME_SEARCHES * WAKE + WAKE);
    expect(manager.gsmeLost).toBe(false);
    expect(events.map((e) => e.kind)).not.toContain('lost-gsme-searches-failed');
  });

  it('refuses a change past MaximumSubGhzChannelChangesPerWeek in a rolling week (0x8F2B), and allows it a week later', async () => {
    const { clock, premises, manager, events, flags } = setup();
    premises.chf.subGhzConfiguration.set({ ...DEFAULT_SUB_GHZ_CONFIGURATION, maximumSubGhzChannelChangesPerWeek: 1 }, clock.now());
    premises.subGhzNoise.setInterference(P28C0, -60, clock.now());
    manager.requestScan();
    await clock.advance(FIRST_WAKE + SCAN_MS + WAKE);
    const first = premises.chf.channels.subGhz;
    expect(first).not.toEqual(P28C0);

    premises.subGhzNoise.setInterference(first, -60, clock.now());
    events.length = 0;
    manager.requestScan();
    await clock.advance(WAKE + SCAN_MS + 2 * WAKE);
    expect(events.map((e) => e.kind)).toEqual(['scan-initiated', 'scan-assessed', 'channel-not-changed']);
    expect(events[1]).toMatchObject({ outcome: 'changeLimitReached' });
    expect(events[2]).toMatchObject({ cause: 'requested', changesThisWeek: 1, limit: 1 });
    expect(premises.chf.channels.subGhz).toEqual(first);
    expect(flags() & FLAG.channelChangePending).toBe(0);

    await clock.advance(WEEK_MS);
    events.length = 0;
    manager.requestScan();
    await clock.advance(WAKE + SCAN_MS + 2 * WAKE);
    expect(events.map((e) => e.kind)).toEqual(['scan-initiated', 'scan-assessed', 'channel-changed']);
  });

  it('interference on the operating channel starts a scan one noise measurement period later (no 0x8F28; the cause logged)', async () => {
    const { clock, premises, events } = setup();
    premises.subGhzNoise.setInterference({ page: 31, channel: 1 }, -60, clock.now());
    await clock.advance(200_000);
    expect(events, 'interference elsewhere changes nothing').toEqual([]);
    premises.subGhzNoise.setInterference(P28C0, -60, clock.now());
    const periodMs = DEFAULT_SUB_GHZ_CONFIGURATION.localChNoiseMeasurementPeriod * 1000;
    await clock.advance(periodMs - 1);
    expect(premises.commsHub.subGhz.stageName).toBe('idle');
    await clock.advance(1);
    expect(premises.commsHub.subGhz.stageName).toBe('scan-pending');
    await clock.advance(FIRST_WAKE + WAKE + SCAN_MS);
    expect(events.map((e) => e.kind)).toEqual(['scan-initiated', 'channel-changed']);
    expect(events[1]).toMatchObject({ cause: 'interference' });
    expect(premises.chf.subGhzChannelLog.entries()[0]?.qualifier).toBe(CHANGE_CAUSE.interference);
  });

  it('without a sleepy device on the sub-GHz band nothing is waited for', async () => {
    const { clock, premises, manager, kinds } = setup({ gsme: { band: '2.4GHz' } });
    premises.subGhzNoise.setInterference(P28C0, -60, clock.now());
    manager.requestScan();
    expect(premises.gpf.functionalNotificationFlags! & FLAG.energyScanPending).toBe(0);
    await clock.advance(SCAN_MS);
    expect(kinds()).toEqual(['scan-initiated@0s', `scan-assessed@${SCAN_MS / 1000}s`, `channel-changed@${SCAN_MS / 1000}s`]);
  });

  it('a hub that loses mains abandons the sequence and clears its flags', async () => {
    const { clock, premises, manager, events, flags } = setup();
    manager.requestScan();
    premises.commsHub.setPowered(false);
    expect(manager.stageName).toBe('idle');
    expect(flags() & FLAG.energyScanPending).toBe(0);
    await clock.advance(3 * WAKE);
    expect(events).toEqual([]);
  });
});
