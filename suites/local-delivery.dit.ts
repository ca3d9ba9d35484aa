// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Local delivery, as a Service User does it: the request goes as command variant 2, the DCC
 * answers at once (I0) with the GBCS command for local delivery, the user hands it to the meter
 * through the Bench's hand-held terminal (`local-delivery`), opens the response the meter gives
 * back — its MAC verifies with the user's keys, its payload decodes — and returns it to the DCC
 * with SRV 8.13 Return Local Command Response (I99). Nothing goes over the WAN: no response or
 * message follows. The same works while the comms hub has no mains, when the WAN route is down.
 */
import { expect } from 'vitest';
import type { Bench } from '../harness/bench/bench.ts';
import { ditCase } from '../harness/dit/dit-case.ts';
import type { DuisClient } from '../harness/dit/duis-client.ts';
import { expectDccAlert, expectLocalResponse, expectNoUnexpectedMessages, expectQuietFor } from '../harness/dit/expectations.ts';
import { ecs17b, type EnergyRegister } from '../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';

const MINUTE = 60_000;
/** The terminal hands the command over and the meter answers within a minute [P]. */
const LOCAL_WINDOW_MS = MINUTE;
/** The DCC raises AD1 within five minutes of the comms hub losing mains [P: as alerts.dit.ts]. */
const AD1_WINDOW_MS = 5 * MINUTE;

/** CV 2 read of the ESME's import registers, delivered locally and returned with 8.13; the registers read. */
async function readLocally(duis: DuisClient, bench: Bench, esme: string): Promise<readonly EnergyRegister[]> {
  const exchange = await duis.send('ECS17b_4.1.1', { target: esme });
  expect(exchange.request.commandVariant, 'the RTDS template is a local-delivery request').toBe(2);
  expect(exchange.code, 'DCC answer to command variant 2').toBe('I0');
  const command = exchange.localCommand;
  if (!command) throw new Error('the DCC answered I0 without a command for local delivery (ResponseMessage/LocalCommand)');
  const sentAt = duis.now();
  const delivered = await bench.deliverLocally(esme, command);
  if (!delivered.response) throw new Error(`the ESME gave the terminal no response: ${delivered.note ?? 'no reason given'}`);
  const fields = expectLocalResponse(duis.openLocalResponse(delivered.response, sentAt), ecs17b, { from: esme, within: LOCAL_WINDOW_MS });
  if (!fields.ok) throw new Error(`ECS17b answered ${fields.result}, expected success`);
  const returned = await duis.returnLocalResponse(exchange, delivered.response);
  expect(returned.code, 'DCC takes the returned response (SRV 8.13)').toBe('I99');
  return fields.registers;
}

/** What both cases are: the ESME's import registers read (ECS17b, SRV 4.1.1) by local delivery. */
const LOCAL_ESME_READ = {
  useCase: 'ECS17b',
  srv: '4.1.1',
  deviceTypes: ['ESME'],
  bands: ['2.4GHz', '868MHz'],
  tags: ['formal', 'regression'],
  severity: 3,
} as const;

ditCase(
  {
    ...LOCAL_ESME_READ,
    id: 'LOCAL-READ-ESME-IMPORT-REGISTERS',
    title: 'Read the ESME import registers by local delivery (CV 2) and return the response to the DCC (8.13)',
    needs: ['local-delivery', 'clock'],
  },
  async ({ duis, bench, meter }) => {
    const registers = await readLocally(duis, bench, meter.eui);
    expect(registers.length, 'import registers returned').toBeGreaterThan(0);
    expect(registers[0]!.unit, 'active import unit').toBe('Wh');
    // the command went nowhere over the WAN: no device response, nothing else
    await expectQuietFor(duis, bench, MINUTE);
  },
);

ditCase(
  {
    ...LOCAL_ESME_READ,
    id: 'LOCAL-READ-ESME-HUB-WITHOUT-MAINS',
    title: 'With the comms hub off mains the WAN read gets no response, the ESME still answers a local read',
    needs: ['local-delivery', 'supply-power', 'clock'],
  },
  async ({ duis, bench, meter, premises }) => {
    await bench.powerOff(premises.commsHub.chf);
    await expectDccAlert(duis, 'AD1', { within: AD1_WINDOW_MS });
    const overWan = await duis.send('ECS17b_4.1.1_SINGLE', { target: meter.eui });
    expect(overWan.code, 'DCC acknowledgement of the WAN read').toBe('I99');
    await expectQuietFor(duis, bench, MINUTE);

    const registers = await readLocally(duis, bench, meter.eui);
    expect(registers.length, 'import registers returned by local delivery').toBeGreaterThan(0);
    await bench.powerOn(premises.commsHub.chf);
    expectNoUnexpectedMessages(duis);
  },
);
