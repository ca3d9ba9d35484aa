// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { subGhzChannelMaskFor } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import { SubGhzChannelLog } from './sub-ghz-channel-log.ts';

const DAY = 86_400_000;
const START = Date.UTC(2019, 3, 1);
const entry = (day: number, alertCode = 0x8f26) => ({ at: new Date(START + day * DAY), alertCode, channel: subGhzChannelMaskFor(28, [day % 27]), qualifier: 0 });

describe('SubGhzChannelLog', () => {
  it('reads a period with both ends included and counts the changes since a time', () => {
    const log = new SubGhzChannelLog();
    for (const day of [0, 2, 4, 6]) log.record(entry(day));
    expect(log.between(new Date(START + 2 * DAY), new Date(START + 4 * DAY)).map((e) => e.at.getTime())).toEqual([START + 2 * DAY, START + 4 * DAY]);
    expect(log.between(new Date(START + 7 * DAY), new Date(START + 9 * DAY))).toEqual([]);
    expect(log.changesSince(START + 3 * DAY)).toBe(2);
    log.record(entry(7, 0x8f20));
    expect(log.changesSince(START + 3 * DAY), 'only 0x8F26 entries are channel changes').toBe(2);
  });

  it('overwrites the oldest entry past its capacity and refuses entries out of time order', () => {
    const log = new SubGhzChannelLog(3);
    for (const day of [0, 1, 2, 3]) log.record(entry(day));
    expect(log.entries().map((e) => e.at.getTime())).toEqual([1, 2, 3].map((d) => START + d * DAY));
    expect(() => log.record(entry(2))).toThrow(/time order/);
    expect(() => new SubGhzChannelLog(0)).toThrow(/at least one/);
  });
});
