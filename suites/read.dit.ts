// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reads on both meters (SRV 4.1.1) and firmware-version reads (SRV 11.2), sent as a Service
 * User sends them: the DCC acknowledges (I99), the device response arrives inside its window,
 * its MAC verifies with the user's keys, its payload decodes to the values the device holds,
 * and no message arrives that nobody asked for.
 */
import { expect } from 'vitest';
import { ditCase } from '../harness/dit/dit-case.ts';
import type { DuisClient } from '../harness/dit/duis-client.ts';
import { expectDeviceResponse, expectNoUnexpectedMessages } from '../harness/dit/expectations.ts';
import { ecs17b } from '../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { gcs13a } from '../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { gcs38 } from '../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { readFirmwareVersion } from './firmware-version-reads.ts';

/** Mains-powered devices answer within a minute (the ESME through the CHF tunnel, the GPF from its mirror). */
const MAINS_WINDOW_MS = 60_000;
const MINUTE = 60_000;

ditCase(
  {
    id: 'READ-ESME-IMPORT-REGISTERS',
    title: 'Read the ESME import energy registers; they advance with supply',
    useCase: 'ECS17b',
    srv: '4.1.1',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 2,
    needs: ['clock'],
  },
  async ({ duis, bench, meter }) => {
    const read = async () => {
      const exchange = await duis.send('ECS17b_4.1.1_SINGLE', { target: meter.eui });
      expect(exchange.code, 'DCC acknowledgement').toBe('I99');
      const response = await exchange.response({ within: MAINS_WINDOW_MS });
      const fields = expectDeviceResponse(response, ecs17b, { from: meter.eui, within: MAINS_WINDOW_MS });
      if (!fields.ok) throw new Error(`ECS17b answered ${fields.result}, expected success`);
      return fields.registers;
    };
    const before = await read();
    expect(before.length, 'import registers returned').toBeGreaterThan(0);
    expect(before[0]!.unit, 'active import unit').toBe('Wh');

    await bench.advance(60 * MINUTE);
    const after = await read();
    expect(after.length).toBe(before.length);
    expect(after[0]!.value, 'active import after an hour of consumption').toBeGreaterThan(before[0]!.value);
    after.forEach((r, i) => expect(r.value, `register ${i} never runs backwards`).toBeGreaterThanOrEqual(before[i]!.value));
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'READ-GSME-CONSUMPTION-GPF',
    title: 'Read the GSME consumption register from the GPF mirror, without waking the meter',
    useCase: 'GCS13a',
    srv: '4.1.1',
    deviceTypes: ['GPF'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 2,
  },
  async ({ duis, premises }) => {
    const gpf = premises.commsHub.gpf;
    const exchange = await duis.send('GCS13a_4.1.1_RELIABLE_GPF', { target: gpf });
    expect(exchange.code, 'DCC acknowledgement').toBe('I99');
    const response = await exchange.response({ within: MAINS_WINDOW_MS });
    const fields = expectDeviceResponse(response, gcs13a, { from: gpf, within: MAINS_WINDOW_MS });
    for (const [name, attr] of Object.entries({
      divisor: fields.divisor,
      multiplier: fields.multiplier,
      unitOfMeasure: fields.unitOfMeasure,
      currentSummationDelivered: fields.currentSummationDelivered,
    })) {
      expect(attr.status, `${name} read status`).toBe('success');
    }
    if (fields.divisor.status === 'success') expect(fields.divisor.value, 'divisor').toBeGreaterThan(0);
    if (fields.currentSummationDelivered.status === 'success') {
      expect(fields.currentSummationDelivered.value, 'current summation delivered').toBeGreaterThan(0);
    }
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'FW-READ-ESME',
    title: 'Read the ESME firmware version',
    useCase: 'ECS52',
    srv: '11.2',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 3,
  },
  async ({ duis, meter }) => {
    expect(await readFirmwareVersion(duis, meter.eui, 'valid'), 'firmware version the ESME reports').toBe(meter.firmwareImage);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'FW-READ-CHF',
    title: 'Read the comms hub firmware version',
    useCase: 'ECS52',
    srv: '11.2',
    deviceTypes: ['CHF'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 3,
  },
  async ({ duis, premises }) => {
    const { chf, firmwareImage } = premises.commsHub;
    expect(await readFirmwareVersion(duis, chf, 'uncheckable'), 'firmware version the comms hub reports').toBe(firmwareImage);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'FW-READ-GSME',
    title: 'Read the GSME firmware version: answered at the meter’s next wake',
    useCase: 'GCS38',
    srv: '11.2',
    deviceTypes: ['GSME'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 3,
  },
  async ({ duis, meter }) => {
    const wakeMs = (meter.wakeIntervalMinutes ?? 30) * MINUTE;
    // a sleepy meter answers at its next wake: one wake interval plus its response latency
    const window = wakeMs + MINUTE;
    const exchange = await duis.send('GCS38_11.2', { target: meter.eui });
    expect(exchange.code, 'DCC acknowledgement').toBe('I99');
    const response = await exchange.response({ within: window });
    const fields = expectDeviceResponse(response, gcs38, { from: meter.eui, within: window });
    expect(fields.firmwareVersion.status, 'firmware version read status').toBe('success');
    if (fields.firmwareVersion.status === 'success') expect(fields.firmwareVersion.value, 'firmware version the GSME reports').toBe(meter.firmwareImage);
    expectNoUnexpectedMessages(duis);
  },
);
