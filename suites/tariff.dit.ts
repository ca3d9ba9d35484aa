// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Import tariffs: SRV 1.1.1 Update Import Tariff (Primary Element), a critical service request
 * (CV 4 → pre-command → the user signs it → CV 5 → I99 → the meter's signed response), to the
 * ESME (GBCS ECS01a) and to the GSME (GCS01a, answered at its next wake). The request bodies
 * are the RTDS DUIS templates' (the tariffs of RTDS 1.1.1), with the ExecutionDateTime a user
 * would set.
 *
 * What a DUIS user can see of a tariff: the response — one result per element the meter
 * wrote — and, for a future-dated tariff, one 0x8F66 "future dated command actioned" alert per
 * tariff element when it takes effect (DLMS 0x00CC from the ESME, naming the element's
 * activation attribute), from the meter to the user, signed. A cancellation (ExecutionDateTime
 * 3000-12-31) removes a pending future-dated tariff: no alert follows.
 * [P] A wrongly signed pre-command reaches the meter (the DCC passes it on, I99), which refuses
 * it: no response, and — the tariff not being set — no 0x8F66 at the execution time.
 * The tariff a meter holds is not readable over DUIS here (SRV 4.11.1 ECS24 is not emulated).
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { expect } from 'vitest';
import { ditCase } from '../harness/dit/dit-case.ts';
import type { DuisClient, DuisExchange } from '../harness/dit/duis-client.ts';
import { expectDeviceAlert, expectDeviceResponse, expectNoUnexpectedMessages, expectQuietFor } from '../harness/dit/expectations.ts';
import type { MeterSpec } from '../harness/programme/premises-spec.ts';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../harness/protocol/duis/templates.ts';
import { cosemDateTimeToDate } from '../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ECS01A_ACTIVATION_ATTRIBUTE, ECS01A_ELEMENTS, ecs01a } from '../harness/protocol/gbcs/payload/use-cases/ecs01a.ts';
import { futureDatedActionedDlms } from '../harness/protocol/gbcs/payload/use-cases/future-dated-execution-alert.ts';
import { gcs01a } from '../harness/protocol/gbcs/payload/use-cases/gcs01a.ts';
import { sendCriticalRequest } from './critical-requests.ts';
import { sleepyWindow } from './han-checks.ts';

const MINUTE = 60_000;
/** Mains-powered meters answer within a minute (the ESME through the CHF tunnel). */
const MAINS_WINDOW_MS = MINUTE;
/** A device alert reaches the user within a minute of its event. */
const ALERT_WINDOW_MS = MINUTE;
/** How far ahead the future-dated tariffs are set. */
const EXECUTION_AFTER_MS = 10 * MINUTE;
/** DUIS ExecutionDateTime that cancels a pending future-dated tariff (RTDS CANCELLATION templates). */
const CANCELLATION = '3000-12-31T00:00:00.00Z';

const ESME_IMMEDIATE = 'ECS01a_1.1.1_IMMEDIATE_TOU';
const ESME_FUTURE_DATED = 'ECS01a_1.1.1_FUTURE_DATED_TOU_BLOCK';
const GSME_IMMEDIATE = 'GCS01a_1.1.1_IMMEDIATE_TOU';

let catalogue: Promise<TemplateCatalogue> | undefined;

/** The template's body with the ExecutionDateTime a user sets (ISO date-time). */
async function bodyExecutingAt(template: string, executionDateTime: string): Promise<XMLData> {
  catalogue ??= loadTemplateCatalogue();
  const body = structuredClone((await catalogue).get(template).request.body) as { UpdateImportTariffPrimaryElement: Record<string, unknown> };
  const { UpdateImportTariffPrimaryElement: element } = body;
  const { ExecutionDateTime: _, ...rest } = element;
  return { UpdateImportTariffPrimaryElement: { ExecutionDateTime: executionDateTime, ...rest } } as unknown as XMLData;
}

/** Sends the tariff through the critical flow (CV 4, signed pre-command as CV 5); returns the CV 5 exchange. */
async function sendTariff(duis: DuisClient, meter: MeterSpec, template: string, body?: XMLData): Promise<DuisExchange> {
  return sendCriticalRequest(duis, template, { target: meter.eui, ...(body ? { body } : {}) });
}

/** The ESME's signed response: every element written. */
async function expectEsmeTariffSet(exchange: DuisExchange, meter: MeterSpec): Promise<void> {
  const response = await exchange.response({ within: MAINS_WINDOW_MS });
  expect(response.signature, 'the ESME signs its ECS01a response').toBe('valid');
  const { results } = expectDeviceResponse(response, ecs01a, { from: meter.eui, mac: 'absent', within: MAINS_WINDOW_MS });
  expect(Object.entries(results).filter(([, r]) => r !== 'success'), 'ECS01a sets that failed').toEqual([]);
}

ditCase(
  {
    id: 'TARIFF-ESME-IMMEDIATE',
    title: 'Set an immediate TOU import tariff on the ESME (1.1.1 ECS01a) through the critical flow: every element written, no alert',
    useCase: 'ECS01a',
    srv: '1.1.1',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    // a tariff that cannot be set means wrong bills with no workaround but a site visit
    severity: 1,
  },
  async ({ duis, meter }) => {
    await expectEsmeTariffSet(await sendTariff(duis, meter, ESME_IMMEDIATE), meter);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'TARIFF-GSME-IMMEDIATE',
    title: 'Set an immediate TOU import tariff on the GSME (1.1.1 GCS01a): answered at its next wake, every published command accepted',
    useCase: 'GCS01a',
    srv: '1.1.1',
    deviceTypes: ['GSME'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['smoke', 'confidence', 'formal', 'regression'],
    severity: 1,
  },
  async ({ duis, meter }) => {
    // a sleepy meter answers at its next wake: one wake interval plus its response latency
    const window = sleepyWindow(meter);
    const response = await (await sendTariff(duis, meter, GSME_IMMEDIATE)).response({ within: window });
    expect(response.signature, 'the GSME signs its GCS01a response').toBe('valid');
    const { results } = expectDeviceResponse(response, gcs01a, { from: meter.eui, mac: 'absent', within: window });
    expect(results.length, 'one Default Response per published calendar and price command').toBeGreaterThan(5);
    expect(results.filter((r) => r.status !== 'success'), 'published commands refused').toEqual([]);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'TARIFF-ESME-FUTURE-DATED',
    title: 'A future-dated ESME tariff (ECS01a) takes effect at its execution time: one 0x8F66 per tariff element, in element order',
    useCase: 'ECS01a',
    srv: '1.1.1',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['confidence', 'formal', 'regression'],
    severity: 1,
  },
  async ({ duis, meter }) => {
    const executesAt = Math.ceil((duis.now() + EXECUTION_AFTER_MS) / 1000) * 1000;
    const exchange = await sendTariff(duis, meter, ESME_FUTURE_DATED, await bodyExecutingAt(ESME_FUTURE_DATED, new Date(executesAt).toISOString()));
    await expectEsmeTariffSet(exchange, meter);
    expectNoUnexpectedMessages(duis);

    const within = executesAt - duis.now() + ALERT_WINDOW_MS;
    for (const element of ECS01A_ELEMENTS) {
      const alert = await expectDeviceAlert(duis, futureDatedActionedDlms, { from: meter.eui, within, mac: 'absent', signature: 'valid' });
      expect(alert.fields.attribute, `0x8F66 names the ${element} activation`).toEqual(ECS01A_ACTIVATION_ATTRIBUTE[element]);
      expect(alert.fields.messageCode, '0x8F66 names ECS01a').toBe(ecs01a.messageCode);
      expect(alert.fields.originatorCounter, '0x8F66 names the request (its RequestID counter)').toBe(exchange.request.requestId.counter);
      const stamp = cosemDateTimeToDate(alert.fields.timeStamp)?.getTime() ?? NaN;
      expect(Math.abs(stamp - executesAt), '0x8F66 time stamp: the execution time (ms)').toBeLessThanOrEqual(1000);
      expect(alert.arrivedAt, 'not before the execution time').toBeGreaterThanOrEqual(executesAt);
    }
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'TARIFF-ESME-CANCELLED',
    title: 'A future-dated ESME tariff cancelled before its execution time (ExecutionDateTime 3000-12-31) never takes effect: no 0x8F66',
    useCase: 'ECS01a',
    srv: '1.1.1',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['formal', 'regression'],
    severity: 2,
    needs: ['clock'],
  },
  async ({ duis, bench, meter }) => {
    const executesAt = duis.now() + EXECUTION_AFTER_MS;
    await expectEsmeTariffSet(await sendTariff(duis, meter, ESME_FUTURE_DATED, await bodyExecutingAt(ESME_FUTURE_DATED, new Date(executesAt).toISOString())), meter);
    await expectEsmeTariffSet(await sendTariff(duis, meter, ESME_FUTURE_DATED, await bodyExecutingAt(ESME_FUTURE_DATED, CANCELLATION)), meter);
    await expectQuietFor(duis, bench, executesAt - duis.now() + 5 * MINUTE);
  },
);

ditCase(
  {
    id: 'TARIFF-ESME-WRONG-SIGNATURE',
    title: 'A tariff whose pre-command is wrongly signed is refused by the ESME: no response, and nothing takes effect (no 0x8F66)',
    useCase: 'ECS01a',
    srv: '1.1.1',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['confidence', 'formal', 'regression'],
    // a meter acting on a command the user did not sign is a security failure
    severity: 1,
    needs: ['clock'],
  },
  async ({ duis, bench, meter }) => {
    const executesAt = duis.now() + EXECUTION_AFTER_MS;
    const body = await bodyExecutingAt(ESME_FUTURE_DATED, new Date(executesAt).toISOString());
    const wrong = await duis.sendCritical(ESME_FUTURE_DATED, { target: meter.eui, body, preCommandSignature: 'wrong' });
    expect(wrong.request.commandVariant).toBe(5);
    expect(wrong.code, 'the DCC passes the signed pre-command on').toBe('I99');
    await expect(wrong.response({ within: MAINS_WINDOW_MS }), 'the ESME refuses it: no response').rejects.toThrow();
    // had the ESME taken the tariff, its elements would take effect now, each with a 0x8F66
    await expectQuietFor(duis, bench, executesAt - duis.now() + 5 * MINUTE);

    await expectEsmeTariffSet(await sendTariff(duis, meter, ESME_IMMEDIATE), meter);
  },
);
