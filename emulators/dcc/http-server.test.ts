// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it } from 'vitest';
import { buildAcknowledgement } from '../../harness/protocol/duis/build-response.ts';
import { parseDuisRequest, parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { NonLoopbackHostError } from '../../harness/protocol/duis/http-serve.ts';
import { startDccHttpServer, type DccHttpServer } from './http-server.ts';

const AT = Date.UTC(2024, 5, 1);
const REQUEST =
  '<?xml version="1.0" encoding="UTF-8"?><sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway" schemaVersion="5.2">' +
  '<sr:Header><sr:RequestID>90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1717200000000</sr:RequestID><sr:CommandVariant>1</sr:CommandVariant>' +
  '<sr:ServiceReference>11.2</sr:ServiceReference><sr:ServiceReferenceVariant>11.2</sr:ServiceReferenceVariant></sr:Header>' +
  '<sr:Body><sr:ReadFirmwareVersion/></sr:Body></sr:Request>';

/** A stand-in DCC: acknowledges any request, naming the endpoint it came in on. */
async function ackingDcc(request: Request): Promise<Response> {
  const parsed = parseDuisRequest(await request.text());
  return new Response(buildAcknowledgement({ requestId: parsed.requestId, srv: parsed.srv, at: AT }), {
    headers: { 'content-type': 'application/xml', 'x-endpoint': new URL(request.url).pathname },
  });
}

describe('startDccHttpServer', () => {
  let server: DccHttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves POST /api/v1/serviceS, serviceT and serviceD to the handler', async () => {
    server = await startDccHttpServer({ handler: ackingDcc });
    for (const path of ['/api/v1/serviceS', '/api/v1/serviceT', '/api/v1/serviceD']) {
      const r = await fetch(`${server.url}${path}`, { method: 'POST', body: REQUEST, headers: { 'content-type': 'application/xml' } });
      expect(r.status).toBe(200);
      expect(r.headers.get('x-endpoint')).toBe(path);
      expect(parseDuisUserMessage(await r.text())).toMatchObject({ kind: 'ack', responseCode: 'I99', srv: '11.2' });
    }
  });

  it('answers 404 elsewhere, 405 for another method, 413 over the limit, 500 when the DCC throws', async () => {
    server = await startDccHttpServer({ handler: ackingDcc, bodyLimitBytes: 1024 });
    const r404 = await fetch(`${server.url}/api/v1/serviceX`, { method: 'POST', body: REQUEST });
    expect(r404.status).toBe(404);
    await r404.text();
    const r405 = await fetch(`${server.url}/api/v1/serviceS`, { method: 'PUT', body: REQUEST });
    expect([r405.status, r405.headers.get('allow')]).toEqual([405, 'POST']);
    await r405.text();
    const r413 = await fetch(`${server.url}/api/v1/serviceS`, { method: 'POST', body: `${REQUEST}${' '.repeat(2048)}` });
    expect(r413.status).toBe(413);
    await r413.text();
    const r500 = await fetch(`${server.url}/api/v1/serviceS`, { method: 'POST', body: '<not-duis/>' });
    expect(r500.status).toBe(500);
    expect(await r500.text()).toMatch(/^handler failed: DUIS not-duis/);
  });

  it('refuses a non-loopback host unless allowNonLoopback', async () => {
    await expect(startDccHttpServer({ handler: ackingDcc, host: '0.0.0.0' })).rejects.toBeInstanceOf(NonLoopbackHostError);
  });
});
