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
import { expectDeviceResponse, expectNoUnexpectedMessages } from '../harness/dit/expectations.ts';
import { ecs70 } from '../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { COMMISSIONING, commissionBody, commissionMeter, sendCommission } from './commission-requests.ts';

const MAINS_WINDOW_MS = 60_000;

for (const type of ['ESME', 'GSME'] as const) {
  const { toleranceS } = COMMISSIONING[type];
  const useCase = type === 'ESME' ? 'ECS70' : 'GCS28';
  ditCase(
    {
      id: `COMMISSION-${type}-CLOCK`,
      title:
        type === 'ESME'
          ? 'Commission the ESME (8.1.1 ECS70 set clock) through the critical flow: pre-command, user signature, CV 5'
          : 'Commission the GSME (8.1.1 GCS28 set clock) through the critical flow: answered at its next wake, clock within 3600 s',
      useCase,
      srv: '8.1.1',
      deviceTypes: [type],
      bands: type === 'ESME' ? ['2.4GHz', '868MHz'] : ['868MHz', '2.4GHz'],
      tags: ['smoke', 'confidence', 'formal', 'regression'],
      severity: 2,
    },
    async ({ duis, meter, measure }) => {
      const outcome = await commissionMeter(duis, meter);
      measure(`${type} clock set by commissioning`, outcome.set, { equals: true });
      measure(`${type} clock offset from the DCC time after commissioning`, outcome.offsetS, { min: -toleranceS, max: toleranceS, unit: 's' });
      expectNoUnexpectedMessages(duis);
    },
  );
}

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
    const wrong = await duis.sendCritical(COMMISSIONING.ESME.template, { target: meter.eui, body: commissionBody(duis, COMMISSIONING.ESME.toleranceS), preCommandSignature: 'wrong' });
    expect(wrong.request.commandVariant).toBe(5);
    expect(wrong.code, 'the DCC passes the signed pre-command on').toBe('I99');
    await expect(wrong.response({ within: MAINS_WINDOW_MS }), 'the ESME refuses it: no response').rejects.toThrow();
    expectNoUnexpectedMessages(duis);

    const exchange = await sendCommission(duis, meter);
    const fields = expectDeviceResponse(await exchange.response({ within: MAINS_WINDOW_MS }), ecs70, { from: meter.eui, mac: 'absent', within: MAINS_WINDOW_MS });
    expect(fields.adjustToPresetTime, 'a correctly signed command is still acted on').toBe('success');
  },
);
