// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reads on both meters (SRV 4.1.1) and firmware-version reads (SRV 11.2), as a Service User
 * sends them: the DCC acknowledges (I99), the device response arrives inside its window, its
 * MAC verifies with the user's keys, its payload decodes to the values the device holds, and
 * no alert arrives that nobody asked for.
 */
import { expect } from 'vitest';
import { ditCase } from '../harness/dit/dit-case.ts';
import { expectDeviceResponse, expectNoUnexpectedMessages } from '../harness/dit/expectations.ts';

/** Mains-powered devices answer within a minute (ESME via the CHF tunnel, GPF from its mirror). */
const MAINS_WINDOW_MS = 60_000;

ditCase(
  {
    id: 'READ-ESME-IMPORT-REGISTERS',
    title: 'Read the ESME import energy registers',
    useCase: 'ECS17b',
    srv: '4.1.1',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 2,
  },
  async ({ duis, bench, meter }) => {
    const first = await (await duis.send('ECS17b_4.1.1_SINGLE', { target: meter.eui })).response({ within: MAINS_WINDOW_MS });
    const before = expectDeviceResponse(first, { messageCode: 0x0027, from: meter.eui, mac: 'valid' });
    expect(before.registers.length).toBeGreaterThan(0);

    await bench.advance(60 * 60_000);
    const second = await (await duis.send('ECS17b_4.1.1_SINGLE', { target: meter.eui })).response({ within: MAINS_WINDOW_MS });
    const after = expectDeviceResponse(second, { messageCode: 0x0027, from: meter.eui, mac: 'valid' });
    // an hour of supply: the active import register has advanced, and never runs backwards
    expect(after.registers[0]!.value).toBeGreaterThan(before.registers[0]!.value);
    expectNoUnexpectedMessages(duis);
  },
);
