// SPDX-License-Identifier: GPL-3.0-or-later
import type { XMLData } from '@smartdcc/duis-parser';
import { describe, expect, it } from 'vitest';
import { loadTemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../../harness/protocol/gbcs/payload/testing/rtds-payloads.ts';
import { dbch02 } from '../../harness/protocol/gbcs/payload/use-cases/dbch02.ts';
import { dbch04 } from '../../harness/protocol/gbcs/payload/use-cases/dbch04.ts';
import { RequestBodyError } from './request-body-error.ts';
import { dbch02CommandFromBody, dbch03CommandFromBody, dbch04CommandFromBody, dbch05CommandFromBody } from './sub-ghz-body.ts';

async function templateBody(key: string): Promise<XMLData> {
  return (await loadTemplateCatalogue()).get(key).request.body as XMLData;
}

function refusal(read: () => unknown): RequestBodyError {
  try {
    read();
  } catch (e) {
    if (e instanceof RequestBodyError) return e;
    throw e;
  }
  throw new Error('the body was read');
}

describe('sub-GHz service request bodies (6.28, 6.29, 6.30, 6.32)', () => {
  it('reads the DBCH04_6.28 template: channel lists by page, percentages, counts', async () => {
    const c = dbch04CommandFromBody(await templateBody('DBCH04_6.28'));
    expect(c.lowerBandSubGhzChannels0To26).toMatchObject({ page: 28, channels: [1, 2] });
    expect(c.lowerBandSubGhzChannels27To34).toMatchObject({ page: 29, channels: [28, 29] });
    expect(c.lowerBandSubGhzChannels35To61).toMatchObject({ page: 30, channels: [36, 37] });
    expect(c.upperBandSubGhzChannels0To26).toMatchObject({ page: 31, channels: [1, 2] });
    expect([c.normalLimitedDutyCycleThresholdPercent, c.limitedCriticalDutyCycleThresholdPercent, c.maximumSubGhzChannelChangesPerWeek, c.gsmeCurfew]).toEqual([1.3, 2.2, 5, 7]);
    expect([c.nonGsmePoorCommsPercentageThreshold, c.localChFailurePercentage, c.localChRetryPercentage]).toEqual([60, 40, 30]);
  });

  it.skipIf(rtdsAbsent)(`the template's configuration is the RTDS DBCH04 command's (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, async () => {
    const command = rtdsPayload('6.28_DBCH04', 'DBCH04_6.28_SUCCESS_COMMAND');
    expect(dbch04CommandFromBody(await templateBody('DBCH04_6.28'))).toEqual(dbch04.decodeCommand(command.payload, command));
    const log = rtdsPayload('6.32_DBCH02', 'DBCH02_6.32_SUCCESS_COMMAND');
    expect(dbch02CommandFromBody(await templateBody('DBCH02_6.32'))).toEqual(dbch02.decodeCommand(log.payload, log));
  });

  it('refuses what the command cannot carry, naming the element and why (E9001 at the DCC edge)', async () => {
    const template = (await templateBody('DBCH04_6.28'))['SetCHFSubGHzConfiguration'] as XMLData;
    const cases: Array<[XMLData, RegExp]> = [
      [{ LimitedCriticalDutyCycleThreshold: '100.5' }, /LimitedCriticalDutyCycleThreshold: expected a percentage from 0\.00 to 100\.00 with at most two decimals .* found "100\.5"/],
      [{ NormalLimitedDutyCycleThreshold: '1.255' }, /NormalLimitedDutyCycleThreshold: .*at most two decimals.*"1\.255"/],
      [{ NormalLimitedDutyCycleThreshold: '-1' }, /NormalLimitedDutyCycleThreshold: expected a percentage/],
      [{ MaximumSubGHzChannelChangesPerWeek: '256' }, /MaximumSubGHzChannelChangesPerWeek: expected a whole number from 0 to 255, found "256"/],
      [{ GSMECurfew: '7.5' }, /GSMECurfew: expected a whole number from 0 to 65535/],
      [{ LowerBandSubGHzChannels0To26: { Channel40: '' } }, /LowerBandSubGHzChannels0To26\/Channel40: channel 40 is not on page 28 \(its channels are 0–26\): not a channel of this list/],
      [{ LowerBandSubGHzChannels27To34: { Channel5: '' } }, /channel 5 is not on page 29 \(its channels are 27–34 and 62\)/],
      [{ UpperBandSubGHzChannels0To26: { Frequency: '' } }, /UpperBandSubGHzChannels0To26\/Frequency: expected ChannelN elements/],
      [{ LocalCHRetryPercentage: '' }, /LocalCHRetryPercentage: expected a value, found none/],
    ];
    for (const [replace, message] of cases) {
      const e = refusal(() => dbch04CommandFromBody({ SetCHFSubGHzConfiguration: { ...template, ...replace } }));
      expect([e.problem, e.message], JSON.stringify(replace)).toEqual(['malformed', expect.stringMatching(message)]);
    }
    const { LocalCHRetryPercentage: _dropped, ...missing } = template;
    expect(refusal(() => dbch04CommandFromBody({ SetCHFSubGHzConfiguration: missing })).message).toMatch(/LocalCHRetryPercentage: expected a value, found no such element/);
    expect(refusal(() => dbch04CommandFromBody({})).message).toMatch(/^Request\/Body\/SetCHFSubGHzConfiguration: expected the SetCHFSubGHzConfiguration element/);
  });

  it('takes impossible-together thresholds and empty channel lists: the CHF judges them', async () => {
    const template = (await templateBody('DBCH04_6.28'))['SetCHFSubGHzConfiguration'] as XMLData;
    const c = dbch04CommandFromBody({ SetCHFSubGHzConfiguration: { ...template, NormalLimitedDutyCycleThreshold: '2.2', LimitedCriticalDutyCycleThreshold: '1.3', LowerBandSubGHzChannels27To34: '' } });
    expect([c.normalLimitedDutyCycleThresholdPercent, c.limitedCriticalDutyCycleThresholdPercent]).toEqual([2.2, 1.3]);
    expect(c.lowerBandSubGhzChannels27To34).toEqual({ mask: 29 * 2 ** 27, page: 29, channels: [] });
  });

  it('6.29 and 6.30 carry no field; 6.32 reads its log period in whole seconds from 2000 on', async () => {
    expect(dbch05CommandFromBody(await templateBody('DBCH05_6.29'))).toEqual({});
    expect(dbch03CommandFromBody(await templateBody('DBCH03_6.30'))).toEqual({});
    expect(() => dbch05CommandFromBody({ ReadCHFSubGHzConfiguration: '' })).toThrow(/RequestCHFSubGHzChannelScan: expected the RequestCHFSubGHzChannelScan element/);
    expect(dbch02CommandFromBody(await templateBody('DBCH02_6.32'))).toEqual({ from: new Date('2014-12-20T00:00:00Z'), to: new Date('2014-12-31T09:00:00Z') });
    const period = (start: string, end: string) => ({ ReadCHFSubGHzChannelLog: { ReadLogPeriod: { StartDateTime: start, EndDateTime: end } } });
    expect(dbch02CommandFromBody(period('2019-04-12T09:00:00.75Z', '2019-04-13T09:00:00Z')).from).toEqual(new Date('2019-04-12T09:00:00Z'));
    expect(refusal(() => dbch02CommandFromBody(period('2019-04-13T00:00:00Z', '2019-04-12T00:00:00Z'))).message).toMatch(/EndDateTime: the period ends .* before it starts/);
    expect(refusal(() => dbch02CommandFromBody(period('1999-12-31T00:00:00Z', '2019-04-12T00:00:00Z'))).message).toMatch(/StartDateTime: the channel log is read from 2000-01-01/);
    expect(refusal(() => dbch02CommandFromBody(period('yesterday', '2019-04-12T00:00:00Z'))).message).toMatch(/StartDateTime: expected an xs:dateTime, found "yesterday"/);
    expect(refusal(() => dbch02CommandFromBody({ ReadCHFSubGHzChannelLog: '' })).message).toMatch(/ReadLogPeriod: expected the ReadLogPeriod element/);
  });
});
