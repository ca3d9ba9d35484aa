// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { subGhzChannelMaskFor } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../../harness/protocol/gbcs/payload/testing/rtds-payloads.ts';
import { dbch03 } from '../../harness/protocol/gbcs/payload/use-cases/dbch03.ts';
import { dbch04 } from '../../harness/protocol/gbcs/payload/use-cases/dbch04.ts';
import { DutyCycleMeter } from '../radio/duty-cycle.ts';
import { ChfSubGhzConfiguration, DEFAULT_SUB_GHZ_CONFIGURATION, type SubGhzConfigurationChange } from './sub-ghz-config.ts';

const AT = Date.UTC(2019, 3, 12, 9);

describe('ChfSubGhzConfiguration', () => {
  it('starts with the RTDS values: DBCH04 numbers, DBCH03 channel lists (which hold page 28 channel 0)', () => {
    const config = new ChfSubGhzConfiguration();
    expect(config.current).toBe(DEFAULT_SUB_GHZ_CONFIGURATION);
    expect(config.dutyCycleThresholds).toEqual({ limitedPercent: 1.3, criticalPercent: 2.2, regulatedPercent: 2.5 });
    expect(config.current.maximumSubGhzChannelChangesPerWeek).toBe(5);
    expect(config.allowedChannels()).toEqual([
      { page: 28, channel: 0 },
      { page: 28, channel: 1 },
      { page: 29, channel: 27 },
      { page: 29, channel: 28 },
      { page: 30, channel: 35 },
      { page: 30, channel: 36 },
      { page: 31, channel: 0 },
      { page: 31, channel: 1 },
    ]);
    expect(config.allows({ page: 28, channel: 0 })).toBe(true);
    expect(config.allows({ page: 28, channel: 2 })).toBe(false);
  });

  it.skipIf(rtdsAbsent)(`defaults are the RTDS DBCH04 command's numbers and the RTDS DBCH03 response's channels (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const command = rtdsPayload('6.28_DBCH04', 'DBCH04_6.28_SUCCESS_COMMAND');
    const set = dbch04.decodeCommand(command.payload, command);
    const response = rtdsPayload('6.30_DBCH03', 'DBCH03_6.30_SUCCESS_RESPONSE');
    const read = dbch03.decodeResponse(response.payload, response);
    if (!read.ok) throw new Error('RTDS DBCH03 SUCCESS holds a configuration');
    const channels = ['lowerBandSubGhzChannels0To26', 'lowerBandSubGhzChannels27To34', 'lowerBandSubGhzChannels35To61', 'upperBandSubGhzChannels0To26'] as const;
    for (const [key, value] of Object.entries(DEFAULT_SUB_GHZ_CONFIGURATION)) {
      expect(value, key).toEqual((channels as readonly string[]).includes(key) ? read.configuration[key as keyof typeof read.configuration] : set[key as keyof typeof set]);
    }
  });

  it('takes a configuration and tells its listeners, with the duty-cycle thresholds a meter configures itself with', () => {
    const config = new ChfSubGhzConfiguration();
    const heard: SubGhzConfigurationChange[] = [];
    config.onChange((c) => heard.push(c));
    const next = { ...DEFAULT_SUB_GHZ_CONFIGURATION, normalLimitedDutyCycleThresholdPercent: 1.1, limitedCriticalDutyCycleThresholdPercent: 1.8 };
    expect(config.set(next, AT)).toEqual({ ok: true });
    expect(config.current).toBe(next);
    expect(heard).toEqual([{ at: AT, configuration: next, dutyCycleThresholds: { limitedPercent: 1.1, criticalPercent: 1.8, regulatedPercent: 2.5 } }]);
    const meter = new DutyCycleMeter();
    meter.configure(heard[0]!.dutyCycleThresholds, AT);
    expect(meter.thresholds.limitedPercent).toBe(1.1);
  });

  it('refuses impossible thresholds and a configuration with no channel, whole, saying why; nothing changes and nobody is told', () => {
    const config = new ChfSubGhzConfiguration();
    const heard: unknown[] = [];
    config.onChange((c) => heard.push(c));
    const criticalBelow = config.set({ ...DEFAULT_SUB_GHZ_CONFIGURATION, normalLimitedDutyCycleThresholdPercent: 2.2, limitedCriticalDutyCycleThresholdPercent: 1.3 }, AT);
    expect(criticalBelow).toEqual({ ok: false, reason: expect.stringMatching(/impossible duty-cycle thresholds: .*limited 2\.2, critical 1\.3/) });
    const equal = config.set({ ...DEFAULT_SUB_GHZ_CONFIGURATION, limitedCriticalDutyCycleThresholdPercent: 1.3 }, AT);
    expect(equal.ok).toBe(false);
    const aboveRegulated = config.set({ ...DEFAULT_SUB_GHZ_CONFIGURATION, limitedCriticalDutyCycleThresholdPercent: 2.5 }, AT);
    expect(aboveRegulated).toEqual({ ok: false, reason: expect.stringMatching(/regulatory limit is 2\.5 %/) });
    const none = subGhzChannelMaskFor(28, []);
    const noChannel = config.set(
      { ...DEFAULT_SUB_GHZ_CONFIGURATION, lowerBandSubGhzChannels0To26: none, lowerBandSubGhzChannels27To34: subGhzChannelMaskFor(29, []), lowerBandSubGhzChannels35To61: subGhzChannelMaskFor(30, []), upperBandSubGhzChannels0To26: subGhzChannelMaskFor(31, []) },
      AT,
    );
    expect(noChannel).toEqual({ ok: false, reason: 'the configuration allows no sub-GHz channel on any page' });
    expect(config.current).toBe(DEFAULT_SUB_GHZ_CONFIGURATION);
    expect(heard).toEqual([]);
    expect(() => new ChfSubGhzConfiguration({ ...DEFAULT_SUB_GHZ_CONFIGURATION, normalLimitedDutyCycleThresholdPercent: 0 })).toThrow(/impossible duty-cycle thresholds/);
  });
});
