// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Commissioning (SRV 8.1.1), a critical service request: the user sends it as command variant 4
 * to /serviceT and gets the pre-command back at once (I0); signs it with its DS key (GBCS
 * general signing) and sends it back as command variant 5 to /serviceS (I99); the device checks
 * the user's signature and answers.
 *
 * [P] What a DUIS user sees for a wrongly signed pre-command: the DCC passes it on (it is the
 * pre-command it issued, with a signature field) and acknowledges I99; the device refuses it
 * (signature does not verify with the user's DS public key), acts on nothing and sends nothing:
 * no response arrives inside the window. The device's clock is not observable over DUIS without
 * a response; the test shows the ESME still commissions with a correctly signed command after.
 */
import { expect } from 'vitest';
import { ditCase } from '../harness/dit/dit-case.ts';
import type { DuisClient } from '../harness/dit/duis-client.ts';
import { expectDeviceResponse, expectNoUnexpectedMessages } from '../harness/dit/expectations.ts';
import { cosemDateTimeToDate } from '../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ecs70 } from '../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { gcs28 } from '../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import { sendCriticalRequest } from './critical-requests.ts';

const MAINS_WINDOW_MS = 60_000;
const MINUTE = 60_000;
/** Clock tolerances for commissioning (DOMAIN.md: 60 s ESME, 3600 s GSME). */
const ESME_TOLERANCE_S = 60;
const GSME_TOLERANCE_S = 3600;
const TEMPLATE = 'ECS70Commission_8.1.1';
const GSME_TEMPLATE = 'GCS28Commission_8.1.1';

function commissionBody(duis: DuisClient, toleranceS = ESME_TOLERANCE_S) {
  return { CommissionDeviceSynchroniseClock: { CurrentDateTime: new Date(duis.now()).toISOString(), TolerancePeriod: String(toleranceS) } };
}

async function commission(duis: DuisClient, meter: Eui64, template = TEMPLATE, toleranceS = ESME_TOLERANCE_S) {
  return sendCriticalRequest(duis, template, { target: meter, body: commissionBody(duis, toleranceS) });
}

ditCase(
  {
    id: 'COMMISSION-ESME-CLOCK',
    title: 'Commission the ESME (8.1.1 ECS70 set clock) through the critical flow: pre-command, user signature, CV 5',
    useCase: 'ECS70',
    srv: '8.1.1',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 2,
  },
  async ({ duis, meter }) => {
    const sentAt = duis.now();
    const exchange = await commission(duis, meter.eui);
    const response = await exchange.response({ within: MAINS_WINDOW_MS });
    expect(response.signature, 'the ESME signs its ECS70 response').toBe('valid');
    const fields = expectDeviceResponse(response, ecs70, { from: meter.eui, mac: 'absent', within: MAINS_WINDOW_MS });
    expect(fields.adjustToPresetTime, 'clock set inside the tolerance').toBe('success');
    if (!fields.time.ok) throw new Error(`the ESME did not report its time: ${fields.time.result}`);
    const time = cosemDateTimeToDate(fields.time.value)?.getTime() ?? NaN;
    expect(Math.abs(time - sentAt), 'ESME clock within its tolerance of the DCC time (ms)').toBeLessThanOrEqual(ESME_TOLERANCE_S * 1000);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'COMMISSION-ESME-WRONG-SIGNATURE',
    title: 'A commissioning command whose pre-command is wrongly signed is refused by the ESME: no response, nothing set',
    useCase: 'ECS70',
    srv: '8.1.1',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['confidence', 'formal', 'regression'],
    severity: 2,
  },
  async ({ duis, meter }) => {
    const wrong = await duis.sendCritical(TEMPLATE, { target: meter.eui, body: commissionBody(duis), preCommandSignature: 'wrong' });
    expect(wrong.request.commandVariant).toBe(5);
    expect(wrong.code, 'the DCC passes the signed pre-command on').toBe('I99');
    await expect(wrong.response({ within: MAINS_WINDOW_MS }), 'the ESME refuses it: no response').rejects.toThrow();
    expectNoUnexpectedMessages(duis);

    const exchange = await commission(duis, meter.eui);
    const fields = expectDeviceResponse(await exchange.response({ within: MAINS_WINDOW_MS }), ecs70, { from: meter.eui, mac: 'absent', within: MAINS_WINDOW_MS });
    expect(fields.adjustToPresetTime, 'a correctly signed command is still acted on').toBe('success');
  },
);

ditCase(
  {
    id: 'COMMISSION-GSME-CLOCK',
    title: 'Commission the GSME (8.1.1 GCS28 set clock) through the critical flow: answered at its next wake, clock within 3600 s',
    useCase: 'GCS28',
    srv: '8.1.1',
    deviceTypes: ['GSME'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 2,
  },
  async ({ duis, meter }) => {
    // a sleepy meter answers at its next wake: one wake interval plus its response latency
    const window = (meter.wakeIntervalMinutes ?? 30) * MINUTE + MINUTE;
    const sentAt = duis.now();
    const exchange = await commission(duis, meter.eui, GSME_TEMPLATE, GSME_TOLERANCE_S);
    const response = await exchange.response({ within: window });
    expect(response.signature, 'the GSME signs its GCS28 response').toBe('valid');
    const fields = expectDeviceResponse(response, gcs28, { from: meter.eui, mac: 'absent', within: window });
    expect(fields.result, 'clock set inside the tolerance').toBe(0);
    expect(Math.abs(Date.parse(fields.time) - sentAt), 'GSME clock within its tolerance of the DCC time (ms)').toBeLessThanOrEqual(GSME_TOLERANCE_S * 1000);
    expectNoUnexpectedMessages(duis);
  },
);
