// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reads on both meters (SRV 4.1.1) and firmware-version reads (SRV 11.2), sent as a Service
 * User sends them: the DCC acknowledges (I99), the device response arrives inside its window,
 * its MAC verifies with the user's keys, its payload decodes to the values the device holds,
 * and no message arrives that nobody asked for.
 */
import { expect } from 'vitest';
import { ditCase, type DitContext } from '../harness/dit/dit-case.ts';
import type { DuisClient } from '../harness/dit/duis-client.ts';
import { expectDeviceResponse, expectNoUnexpectedMessages } from '../harness/dit/expectations.ts';
import { ecs17b } from '../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { gcs38 } from '../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { readFirmwareVersion } from './firmware-version-reads.ts';
import { readGasRegisters, sleepyWindow } from './han-checks.ts';

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
  async ({ duis, bench, meter, measure }) => {
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
    measure('ESME active import advance over an hour of supply', after[0]!.value - before[0]!.value, { min: 1, unit: before[0]!.unit ?? 'Wh' });
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
  async ({ duis, premises, measure }) => {
    await readGasConsumption(duis, premises.commsHub.gpf, MAINS_WINDOW_MS, 'GPF', measure);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'READ-GSME-CONSUMPTION-METER',
    title: 'Read the GSME consumption register from the meter itself (answered at its wake): at least what the GPF mirror holds',
    useCase: 'GCS13a',
    srv: '4.1.1',
    deviceTypes: ['GSME'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['formal', 'regression'],
    severity: 2,
  },
  async ({ duis, premises, meter, measure }) => {
    const mirrored = await readGasConsumption(duis, premises.commsHub.gpf, MAINS_WINDOW_MS, 'GPF', measure);
    // a sleepy meter answers at its next wake: one wake interval plus its response latency
    const window = sleepyWindow(meter);
    const own = await readGasConsumption(duis, meter.eui, window, 'GSME', measure);
    if (own !== null && mirrored !== null) measure('GSME register minus the GPF mirror of it', own - mirrored, { min: 0, unit: 'units of the meter' });
    expectNoUnexpectedMessages(duis);
  },
);

/**
 * GCS13a from the GPF mirror (`RELIABLE_GPF`) or the GSME itself: every attribute read, divisor
 * and consumption positive (measurements); returns the current summation delivered, if read.
 */
async function readGasConsumption(duis: DuisClient, from: string, within: number, who: 'GPF' | 'GSME', measure: DitContext['measure']): Promise<number | null> {
  const fields = await readGasRegisters(duis, who === 'GPF' ? 'GCS13a_4.1.1_RELIABLE_GPF' : 'GCS13a_4.1.1_UNRELIABLE', from, within);
  for (const [name, attr] of Object.entries({
    divisor: fields.divisor,
    multiplier: fields.multiplier,
    unitOfMeasure: fields.unitOfMeasure,
    currentSummationDelivered: fields.currentSummationDelivered,
  })) {
    measure(`${who} ${name} read status`, attr.status, { equals: 'success' });
  }
  if (fields.divisor.status === 'success') measure(`${who} divisor`, fields.divisor.value, { min: 1 });
  if (fields.currentSummationDelivered.status !== 'success') return null;
  measure(`${who} current summation delivered`, fields.currentSummationDelivered.value, { min: 1 });
  return fields.currentSummationDelivered.value;
}

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
  async ({ duis, meter, measure }) => {
    measure('ESME firmware version', await readFirmwareVersion(duis, meter.eui, 'valid'), { equals: meter.firmwareImage });
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
  async ({ duis, premises, measure }) => {
    const { chf, firmwareImage } = premises.commsHub;
    measure('comms hub firmware version', await readFirmwareVersion(duis, chf, 'uncheckable'), { equals: firmwareImage });
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
  async ({ duis, meter, measure }) => {
    const wakeMs = (meter.wakeIntervalMinutes ?? 30) * MINUTE;
    // a sleepy meter answers at its next wake: one wake interval plus its response latency
    const window = wakeMs + MINUTE;
    const exchange = await duis.send('GCS38_11.2', { target: meter.eui });
    expect(exchange.code, 'DCC acknowledgement').toBe('I99');
    const response = await exchange.response({ within: window });
    const fields = expectDeviceResponse(response, gcs38, { from: meter.eui, within: window });
    measure('GSME firmware version read status', fields.firmwareVersion.status, { equals: 'success' });
    if (fields.firmwareVersion.status === 'success') measure('GSME firmware version', fields.firmwareVersion.value, { equals: meter.firmwareImage });
    expectNoUnexpectedMessages(duis);
  },
);
