// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { dbch03 } from '../../harness/protocol/gbcs/payload/use-cases/dbch03.ts';
import { DEFAULT_SUB_GHZ_CONFIGURATION } from '../comms-hub/sub-ghz-config.ts';
import { DEFAULT_EUIS } from '../premises.ts';
import { duisWorld, type DuisWorld } from '../testing/duis-world.ts';

async function readConfiguration(d: DuisWorld) {
  const { request, answer } = await d.send('DBCH03_6.30', DEFAULT_EUIS.chf);
  expect(answer.responseCode).toBe('I99');
  await d.w.clock.advance(5_000);
  const { frame } = d.open(d.answerTo(request)!);
  expect(frame).toMatchObject({ cra: 2, originator: DEFAULT_EUIS.chf, messageCode: 0x010c });
  return dbch03.decodeResponse(frame.payload, { header: frame });
}

describe('DBCH03 (SRV 6.30) on the emulated CHF', () => {
  it('reads the configuration the CHF holds: the default, then what a 6.28 set', async () => {
    const d = await duisWorld();
    expect(await readConfiguration(d)).toEqual({ ok: true, configuration: DEFAULT_SUB_GHZ_CONFIGURATION });
    expect((await d.send('DBCH04_6.28', DEFAULT_EUIS.chf)).answer.responseCode).toBe('I99');
    await d.w.clock.advance(5_000);
    const read = await readConfiguration(d);
    if (!read.ok) throw new Error(`DBCH03 answered ${read.result}`);
    expect(read.configuration).toEqual(d.w.premises.chf.subGhzConfiguration.current);
    expect(read.configuration.lowerBandSubGhzChannels35To61.channels).toEqual([36, 37]);
  });
});
