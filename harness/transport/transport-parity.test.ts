// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One echo DCC handler, written here, mounted behind msw (in-process transport) and on a real
 * loopback socket (HTTP transport, ephemeral port, served exactly as emulators/dcc/http-server.ts
 * serves it: routePosts over the DUIS paths + serveFetchHandler — the harness may not import
 * emulators, so the two lines are repeated here). The same script runs on both and must give
 * the same transcript, asynchronous deliveries included. Time is a ManualClock: no sleeps.
 */
import { describe, expect, it } from 'vitest';
import { buildServiceRequest } from '../protocol/duis/build-request.ts';
import { buildAcknowledgement, buildDeviceAlert, buildDeviceResponse, buildRejection } from '../protocol/duis/build-response.ts';
import { isDuisError } from '../protocol/duis/duis-error.ts';
import { DUIS_SERVICE_PATHS } from '../protocol/duis/http-binding.ts';
import { routePosts, type FetchHandler } from '../protocol/duis/http-route.ts';
import { serveFetchHandler } from '../protocol/duis/http-serve.ts';
import { parseDuisRequest, parseDuisUserMessage } from '../protocol/duis/parse.ts';
import { formatRequestId, swapRequestId } from '../protocol/duis/request-id.ts';
import { RESPONSE_CODE } from '../protocol/duis/response-codes.ts';
import { findTemplate } from '../protocol/duis/templates.ts';
import { createHttpTransport } from './http-transport.ts';
import { createInProcessTransport } from './in-process-transport.ts';
import { ResponseTimeoutError } from './inbox.ts';
import { ManualClock } from './testing/manual-clock.ts';
import type { Transport } from './transport.ts';
import { virtualTimeWait, type WaitFn } from './wait.ts';

const SUPPLIER = '90-B3-D5-1F-30-01-00-00';
const ESME = '00-DB-12-34-56-78-90-A0';
const GSME = '00-DB-12-34-56-78-90-A1';
const CHF = '00-DB-12-34-56-78-90-A2';
const T0 = Date.UTC(2024, 5, 1, 12);
const BODY_LIMIT = 64 * 1024;

type Deliver = (xml: string) => Promise<void>;

/**
 * The echo DCC: acknowledges a request, then (in virtual time) delivers a device response whose
 * GBCS payload echoes the RequestID; CCS01 also raises the CHF's 8F12 alert; the GSME is
 * "unknown" (E19); unparsable requests get HTTP 400 with the DuisError's message.
 */
function echoDcc(clock: ManualClock, deliver: () => Deliver): FetchHandler {
  return async (request) => {
    let parsed;
    try {
      parsed = parseDuisRequest(await request.text());
    } catch (e) {
      if (!isDuisError(e)) throw e;
      return new Response(e.message, { status: 400, headers: { 'content-type': 'text/plain' } });
    }
    const { requestId, srv } = parsed;
    const xml = (body: string) => new Response(body, { headers: { 'content-type': 'application/xml' } });
    if (requestId.target === GSME) {
      return xml(buildRejection({ requestId, srv, at: clock.now, responseCode: RESPONSE_CODE.deviceUnknown }));
    }
    clock.schedule(2_000, () =>
      deliver()(buildDeviceResponse({ requestId, srv, at: clock.now, gbcsPayload: new TextEncoder().encode(`echo ${formatRequestId(requestId)}`) })),
    );
    if (srv === '8.11') {
      clock.schedule(1_500, () =>
        deliver()(buildDeviceAlert({ device: CHF, recipient: requestId.originator, counter: swapRequestId(requestId).counter, alertCode: '8F12', gbcsPayload: Uint8Array.of(0xdf, 0x09, 0x03), at: clock.now })),
      );
    }
    return xml(buildAcknowledgement({ requestId, srv, at: clock.now }));
  };
}

interface Harness {
  readonly transport: Transport;
  readonly clock: ManualClock;
  close(): Promise<void>;
}

async function inProcess(): Promise<Harness> {
  const clock = new ManualClock(T0);
  let transport: Transport | undefined;
  transport = createInProcessTransport({
    handler: echoDcc(clock, () => transport!.receiver.deliver.bind(transport!.receiver)),
    wait: virtualTimeWait(clock),
    bodyLimitBytes: BODY_LIMIT,
  });
  return { transport, clock, close: () => transport!.close() };
}

async function overHttp(): Promise<Harness> {
  const clock = new ManualClock(T0);
  let receiverUrl = '';
  const postToReceiver: Deliver = async (xml) => {
    const r = await fetch(receiverUrl, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
    if (r.status !== 204) throw new Error(`receiver answered ${r.status}: ${await r.text()}`);
  };
  const dcc = await serveFetchHandler({
    handler: routePosts({ paths: DUIS_SERVICE_PATHS, handler: echoDcc(clock, () => postToReceiver), bodyLimitBytes: BODY_LIMIT }),
    bodyLimitBytes: BODY_LIMIT,
  });
  const wait: WaitFn = virtualTimeWait(clock);
  const transport = await createHttpTransport({ baseUrl: dcc.url, wait });
  receiverUrl = transport.receiver.url!;
  return {
    transport,
    clock,
    async close() {
      await transport.close();
      await dcc.close();
    },
  };
}

/** The script: every observable outcome, normalised to plain data. */
async function transcript(h: Harness): Promise<unknown[]> {
  const { transport, clock } = h;
  const out: unknown[] = [];
  const counter = () => BigInt(clock.now);

  // 1. ECS52 read firmware version: ack now, device response 2 s later (virtual)
  const ecs52 = buildServiceRequest({ template: await findTemplate('ECS52_11.2'), originator: SUPPLIER, target: ESME, counter: counter() });
  const reply = await transport.send(ecs52.servicePath, ecs52.xml);
  const ack = parseDuisUserMessage(reply.body);
  out.push({ status: reply.status, type: reply.contentType, kind: ack.kind, code: ack.responseCode, srv: ack.srv, id: ack.requestId && formatRequestId(ack.requestId) });
  const before = clock.now;
  const response = await transport.awaitResponse(ecs52.requestId, { within: 30_000 });
  out.push({ kind: response.kind, code: response.responseCode, payload: new TextDecoder().decode(response.gbcsPayload!), waitedMs: clock.now - before });

  // 2. CCS01 add to device log: ack, then the 8F12 alert, then the response
  const ccs01 = buildServiceRequest({ template: await findTemplate('CCS01_8.11'), originator: SUPPLIER, target: CHF, counter: counter() });
  out.push(parseDuisUserMessage((await transport.send(ccs01.servicePath, ccs01.xml)).body).kind);
  const alert = await transport.inbox.awaitAlert({ alertCode: '8F12', from: CHF }, { within: 10_000 });
  out.push({ kind: alert.kind, code: alert.alertCode, at: clock.now - T0 });
  out.push((await transport.awaitResponse(ccs01.requestId, { within: 10_000 })).responseCode);

  // 3. an unknown device: synchronous E19
  const gcs38 = buildServiceRequest({ template: await findTemplate('GCS38_11.2'), originator: SUPPLIER, target: GSME, counter: counter() });
  const rejected = await transport.send(gcs38.servicePath, gcs38.xml);
  out.push({ status: rejected.status, kind: parseDuisUserMessage(rejected.body).kind, code: parseDuisUserMessage(rejected.body).responseCode });

  // 4. malformed XML, wrong method, wrong path, too large
  const bad = await transport.send('/api/v1/serviceS', '<sr:Request>');
  out.push({ status: bad.status, body: bad.body });
  const get = await fetch(`${transport.baseUrl}/api/v1/serviceS`);
  out.push({ status: get.status, allow: get.headers.get('allow'), body: await get.text() });
  const nowhere = await fetch(`${transport.baseUrl}/api/v1/serviceQ`, { method: 'POST', body: ecs52.xml });
  out.push({ status: nowhere.status, body: await nowhere.text() });
  const huge = await transport.send('/api/v1/serviceD', `${ecs52.xml}${' '.repeat(BODY_LIMIT)}`);
  out.push({ status: huge.status, body: huge.body });

  // 5. a response that never comes: times out after exactly the window
  const start = clock.now;
  const never = await transport
    .awaitResponse({ originator: SUPPLIER, target: ESME, counter: 1n }, { within: 45_000 })
    .catch((e: unknown) => e);
  out.push({ timeout: never instanceof ResponseTimeoutError, message: (never as Error).message, waitedMs: clock.now - start });

  out.push({ received: transport.inbox.received.map((e) => `${e.seq} ${e.message.kind} ${e.message.alertCode ?? e.message.responseCode}`) });
  return out;
}

describe('transports: the same DCC handler in process (msw) and over a loopback socket', () => {
  it('gives the same transcript, asynchronous deliveries included', async () => {
    const a = await inProcess();
    let viaMsw: unknown[];
    try {
      viaMsw = await transcript(a);
    } finally {
      await a.close();
    }
    const b = await overHttp();
    let viaHttp: unknown[];
    try {
      viaHttp = await transcript(b);
    } finally {
      await b.close();
    }
    expect(viaHttp).toEqual(viaMsw);

    // and the transcript says what it should
    expect(viaMsw[0]).toEqual({ status: 200, type: 'application/xml', kind: 'ack', code: 'I99', srv: '11.2', id: `${SUPPLIER}:${ESME}:${T0}` });
    expect(viaMsw[1]).toEqual({ kind: 'response', code: 'I0', payload: `echo ${SUPPLIER}:${ESME}:${T0}`, waitedMs: 2_000 });
    expect(viaMsw[3]).toEqual({ kind: 'device-alert', code: '8F12', at: 3_500 });
    expect(viaMsw[5]).toEqual({ status: 200, kind: 'error', code: 'E19' });
    expect(viaMsw[6]).toMatchObject({ status: 400, body: expect.stringMatching(/^DUIS XML is not well-formed at line 1, column \d+: element <sr:Request>/) });
    expect(viaMsw[7]).toMatchObject({ status: 405, allow: 'POST' });
    expect(viaMsw[8]).toMatchObject({ status: 404 });
    expect(viaMsw[9]).toMatchObject({ status: 413 });
    expect(viaMsw[10]).toMatchObject({ timeout: true, waitedMs: 45_000 });
  });
});
