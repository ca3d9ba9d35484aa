// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { NonLoopbackHostError, serveFetchHandler } from '../protocol/duis/http-serve.ts';
import { createHttpTransport, DEFAULT_RECEIVER_PATH } from './http-transport.ts';
import { closeAfterEach, DEVICE_ALERT_XML } from './testing/transport-test-support.ts';
import type { Transport } from './transport.ts';
import { noTimeWait } from './wait.ts';

describe('HTTP transport', () => {
  const keep = closeAfterEach();

  it('runs a loopback receiver on an ephemeral port that files DUIS messages (204)', async () => {
    const transport = keep(await createHttpTransport({ baseUrl: 'http://127.0.0.1:9/', wait: noTimeWait }));
    expect(transport.kind).toBe('http');
    expect(transport.baseUrl).toBe('http://127.0.0.1:9');
    expect(transport.receiver.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${DEFAULT_RECEIVER_PATH}$`));
    const r = await fetch(transport.receiver.url!, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: DEVICE_ALERT_XML });
    expect(r.status).toBe(204);
    expect(await transport.inbox.awaitAlert({ alertCode: '8F35' }, { within: 0 })).toMatchObject({ kind: 'device-alert' });
  });

  it('answers 400 with the reason for what is not DUIS, 405 / 404 / 413 by the edge rules', async () => {
    const transport = keep(await createHttpTransport({ baseUrl: 'http://127.0.0.1:9', wait: noTimeWait, receiver: { path: '/rx', bodyLimitBytes: 2048 } }));
    const url = transport.receiver.url!;
    const bad = await fetch(url, { method: 'POST', body: '<sr:Response>' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^DUIS XML is not well-formed at line 1/);
    const request = await fetch(url, { method: 'POST', body: '<x/>' });
    expect([request.status, await request.text()]).toEqual([400, expect.stringMatching(/a DUIS Request or Response root element/)]);
    const get = await fetch(url);
    expect(get.status).toBe(405);
    await get.text();
    const other = await fetch(url.replace('/rx', '/other'), { method: 'POST', body: DEVICE_ALERT_XML });
    expect(other.status).toBe(404);
    await other.text();
    const big = await fetch(url, { method: 'POST', body: DEVICE_ALERT_XML + ' '.repeat(4096) });
    expect(big.status).toBe(413);
    await big.text();
    expect(transport.inbox.received).toHaveLength(0);
  });

  it('gives the advertised receiver URL when set, and refuses a non-loopback receiver unless allowed', async () => {
    const transport = keep(await createHttpTransport({ baseUrl: 'http://127.0.0.1:9', receiver: { advertisedUrl: 'http://lab-host.example:7000/rx' } }));
    expect(transport.receiver.url).toBe('http://lab-host.example:7000/rx');
    await expect(createHttpTransport({ baseUrl: 'http://127.0.0.1:9', receiver: { host: '0.0.0.0' } })).rejects.toBeInstanceOf(NonLoopbackHostError);
  });

  it('sends to the DCC and reports an unreachable DCC with its URL', async () => {
    const dcc = await serveFetchHandler({ handler: async (req) => new Response(`got ${new URL(req.url).pathname}`, { status: 200 }) });
    let transport: Transport;
    try {
      transport = keep(await createHttpTransport({ baseUrl: dcc.url }));
      expect(await transport.send('/api/v1/serviceS', '<x/>')).toMatchObject({ status: 200, body: 'got /api/v1/serviceS' });
    } finally {
      await dcc.close();
    }
    await expect(transport.send('/api/v1/serviceS', '<x/>')).rejects.toThrow(new RegExp(`could not reach the DCC at ${dcc.url.replace(/\./g, '\\.')}/api/v1/serviceS`));
  });
});
