// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { loadPremisesSpec } from '../../harness/programme/premises-spec.ts';
import { dbch01 } from '../../harness/protocol/gbcs/payload/use-cases/dbch01.ts';
import { dbch05 } from '../../harness/protocol/gbcs/payload/use-cases/dbch05.ts';
import { dbch07SubGhzChannelChanged } from '../../harness/protocol/gbcs/payload/use-cases/dbch07-channel-changed.ts';
import { dbch08SubGhzScanOutcome } from '../../harness/protocol/gbcs/payload/use-cases/dbch08-scan-outcome.ts';
import { gcs13a } from '../../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { SCAN_OUTCOME } from '../comms-hub/sub-ghz-channel-manager.ts';
import { DEFAULT_EUIS } from '../premises.ts';
import { duisWorld } from '../testing/duis-world.ts';

const HOUR = 3_600_000;

describe('DBCH05 (SRV 6.29) on the emulated CHF', () => {
  it('answers success, then the scan and the change reach the user as 0x8F27, 0x8F28, 0x8F26; 6.31 reads the new channel; the GSME still answers', async () => {
    const d = await duisWorld();
    d.w.premises.subGhzNoise.setInterference({ page: 28, channel: 0 }, -60, d.w.clock.now());
    const { request, answer } = await d.send('DBCH05_6.29', DEFAULT_EUIS.chf);
    expect(answer.responseCode).toBe('I99');
    await d.w.clock.advance(5_000);
    const response = d.open(d.answerTo(request)!);
    expect(dbch05.decodeResponse(response.frame.payload, { header: response.frame })).toEqual({ ok: true });

    await d.w.clock.advance(2 * HOUR);
    const alerts = d.alerts();
    expect(alerts.map((a) => a.alertCode)).toEqual(['8F27', '8F28', '8F26']);
    for (const a of alerts) expect(d.open(a).frame).toMatchObject({ cra: 3, originator: DEFAULT_EUIS.chf, recipient: '90B3D51F30000002' });
    const outcome = d.open(alerts[1]!).frame;
    expect(dbch08SubGhzScanOutcome.decodeAlert(outcome.payload, { header: outcome })).toMatchObject({ outcome: SCAN_OUTCOME.channelChangeToFollow, detail: 0 });
    const changed = d.open(alerts[2]!).frame;
    const { channel } = dbch07SubGhzChannelChanged.decodeAlert(changed.payload, { header: changed });
    expect(channel.mask).toBe(d.w.premises.chf.subGhzChannelMask);
    expect(channel.mask).not.toBe(0xe0000001);

    const read = await d.send('DBCH01_6.31', DEFAULT_EUIS.chf);
    await d.w.clock.advance(5_000);
    const dbch01Frame = d.open(d.answerTo(read.request)!).frame;
    expect(dbch01.decodeResponse(dbch01Frame.payload, { header: dbch01Frame })).toEqual({ ok: true, channel });

    const gas = await d.send('GCS13a_4.1.1_UNRELIABLE', DEFAULT_EUIS.gsme);
    expect(gas.answer.responseCode).toBe('I99');
    await d.nextGsmeWake();
    const gasFrame = d.open(d.answerTo(gas.request)!).frame;
    expect(gasFrame.originator).toBe(DEFAULT_EUIS.gsme);
    expect(gasFrame.messageCode).toBe(gcs13a.messageCode);
  });

  it('a hub without the sub-GHz band answers object-unavailable and scans nothing', async () => {
    const spec = loadPremisesSpec();
    const premises = {
      ...spec,
      commsHub: { ...spec.commsHub, bands: ['2.4GHz' as const] },
      meters: spec.meters.map((m) => ({ ...m, band: '2.4GHz' as const, bands: ['2.4GHz' as const] })),
    };
    const d = await duisWorld({ premises });
    const { request } = await d.send('DBCH05_6.29', DEFAULT_EUIS.chf);
    await d.w.clock.advance(HOUR);
    const { frame } = d.open(d.answerTo(request)!);
    expect(dbch05.decodeResponse(frame.payload, { header: frame })).toEqual({ ok: false, result: 'object-unavailable' });
    expect(d.alerts()).toEqual([]);
  });
});
