// SPDX-License-Identifier: GPL-3.0-or-later
import type { XMLData } from '@smartdcc/duis-parser';
import { describe, expect, it } from 'vitest';
import { RESPONSE_CODE } from '../../harness/protocol/duis/response-codes.ts';
import { loadTemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { dbch04 } from '../../harness/protocol/gbcs/payload/use-cases/dbch04.ts';
import { dbch09SubGhzConfigurationChanged } from '../../harness/protocol/gbcs/payload/use-cases/dbch09-configuration-changed.ts';
import { DEFAULT_SUB_GHZ_CONFIGURATION } from '../comms-hub/sub-ghz-config.ts';
import { DEFAULT_EUIS } from '../premises.ts';
import { duisWorld } from '../testing/duis-world.ts';

const CHF = DEFAULT_EUIS.chf;

async function setBody(replace: XMLData = {}): Promise<XMLData> {
  const body = (await loadTemplateCatalogue()).get('DBCH04_6.28').request.body as XMLData;
  return { SetCHFSubGHzConfiguration: { ...(body['SetCHFSubGHzConfiguration'] as XMLData), ...replace } };
}

describe('DBCH04 (SRV 6.28) on the emulated CHF', () => {
  it('sets the configuration, answers success and reports it in 0x8F2A to the user', async () => {
    const d = await duisWorld();
    const { request, answer } = await d.send('DBCH04_6.28', CHF, { body: await setBody({ MaximumSubGHzChannelChangesPerWeek: '2' }) });
    expect(answer.responseCode).toBe('I99');
    await d.w.clock.advance(5_000);
    const response = d.open(d.answerTo(request)!);
    expect(dbch04.decodeResponse(response.frame.payload, { header: response.frame })).toEqual({ ok: true });
    const config = d.w.premises.chf.subGhzConfiguration;
    expect(config.current.maximumSubGhzChannelChangesPerWeek).toBe(2);
    expect(config.current.lowerBandSubGhzChannels0To26.channels).toEqual([1, 2]);
    expect(config.dutyCycleThresholds).toMatchObject({ limitedPercent: 1.3, criticalPercent: 2.2 });

    const [alert] = d.alerts('8F2A');
    const opened = d.open(alert!);
    expect(opened.frame).toMatchObject({ cra: 3, originator: CHF, recipient: '90B3D51F30000002', messageCode: 0x0113 });
    expect(dbch09SubGhzConfigurationChanged.decodeAlert(opened.frame.payload, { header: opened.frame }).configuration).toEqual(config.current);
  });

  it('refuses impossible thresholds with hardware-fault: nothing set, no alert', async () => {
    const d = await duisWorld();
    const { request, answer } = await d.send('DBCH04_6.28', CHF, { body: await setBody({ NormalLimitedDutyCycleThreshold: '2.20', LimitedCriticalDutyCycleThreshold: '1.30' }) });
    expect(answer.responseCode, 'the DCC edge passes thresholds each valid on its own').toBe('I99');
    await d.w.clock.advance(60_000);
    const response = d.open(d.answerTo(request)!);
    expect(dbch04.decodeResponse(response.frame.payload, { header: response.frame })).toEqual({ ok: false, result: 'hardware-fault' });
    expect(d.w.premises.chf.subGhzConfiguration.current).toBe(DEFAULT_SUB_GHZ_CONFIGURATION);
    expect(d.alerts()).toEqual([]);
  });

  it('a percentage above 100 or with three decimals is refused at the DCC edge (E9001) with the reason; nothing reaches the CHF', async () => {
    const d = await duisWorld();
    for (const [element, value] of [
      ['LimitedCriticalDutyCycleThreshold', '100.01'],
      ['NormalLimitedDutyCycleThreshold', '1.305'],
    ] as const) {
      const { answer } = await d.send('DBCH04_6.28', CHF, { body: await setBody({ [element]: value }) });
      expect(answer.responseCode).toBe(RESPONSE_CODE.malformedRequest);
      expect(d.w.dccTrace.entries().at(-1)).toMatchObject({ event: 'rejected', detail: expect.stringMatching(new RegExp(`SetCHFSubGHzConfiguration/${element}: expected a percentage from 0.00 to 100.00 with at most two decimals`)) });
    }
    const { answer } = await d.send('DBCH04_6.28', CHF, { body: await setBody({ UpperBandSubGHzChannels0To26: { Channel27: '' } }) });
    expect(answer.responseCode).toBe(RESPONSE_CODE.malformedRequest);
    expect(d.w.dccTrace.entries().at(-1)?.detail).toMatch(/UpperBandSubGHzChannels0To26\/Channel27: channel 27 is not on page 31 \(its channels are 0–26\)/);
    await d.w.clock.advance(60_000);
    expect(d.w.dccTrace.of('command')).toEqual([]);
  });
});
