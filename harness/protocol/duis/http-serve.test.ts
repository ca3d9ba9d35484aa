// SPDX-License-Identifier: GPL-3.0-or-later
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { routePosts, type FetchHandler } from './http-route.ts';
import { isLoopbackHost, NonLoopbackHostError, serveFetchHandler, type ServedHandler } from './http-serve.ts';

const echo: FetchHandler = async (req) =>
  new Response(`${req.method} ${new URL(req.url).pathname} ${req.headers.get('x-probe') ?? '-'} ${await req.text()}`, {
    status: 201,
    headers: { 'content-type': 'application/xml', 'x-answer': 'yes' },
  });

/** Sends a chunked body (no content-length) of `size` bytes; resolves with the status. */
function postChunked(url: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/xml' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (let sent = 0; sent < size; sent += 1024) req.write(Buffer.alloc(Math.min(1024, size - sent), 0x41));
    req.end();
  });
}

describe('serveFetchHandler + routePosts', () => {
  let served: ServedHandler | undefined;
  afterEach(async () => {
    await served?.close();
    served = undefined;
  });

  it('turns node:http into WHATWG Request/Response and back, on an ephemeral loopback port', async () => {
    served = await serveFetchHandler({ handler: routePosts({ paths: ['/x'], handler: echo }) });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${served.url}/x?q=1`, { method: 'POST', body: '<a/>', headers: { 'x-probe': 'p' } });
    expect(r.status).toBe(201);
    expect(r.headers.get('x-answer')).toBe('yes');
    expect(await r.text()).toBe('POST /x p <a/>');
  });

  it('answers 404 off the listed paths, 405 for other methods, 500 when the handler throws', async () => {
    served = await serveFetchHandler({
      handler: routePosts({ paths: ['/x', '/boom'], handler: async (req) => (new URL(req.url).pathname === '/boom' ? Promise.reject(new Error('kaput')) : echo(req)) }),
    });
    const notFound = await fetch(`${served.url}/y`, { method: 'POST', body: 'a' });
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toMatch(/no such endpoint \/y; this server answers POST on \/x, \/boom/);
    const wrong = await fetch(`${served.url}/x`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    await wrong.text();
    const boom = await fetch(`${served.url}/boom`, { method: 'POST', body: 'a' });
    expect(boom.status).toBe(500);
    expect(await boom.text()).toBe('handler failed: kaput\n');
  });

  it('answers 413 over the body limit, declared or streamed', async () => {
    served = await serveFetchHandler({ handler: routePosts({ paths: ['/x'], handler: echo, bodyLimitBytes: 4096 }), bodyLimitBytes: 4096 });
    const declared = await fetch(`${served.url}/x`, { method: 'POST', body: 'A'.repeat(5000) });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toMatch(/exceeds the limit of 4096 bytes/);
    expect(await postChunked(`${served.url}/x`, 64 * 1024)).toBe(413);
    expect(await postChunked(`${served.url}/x`, 4096)).toBe(201);
  });

  it('refuses a non-loopback host unless allowed', async () => {
    await expect(serveFetchHandler({ handler: echo, host: '0.0.0.0' })).rejects.toBeInstanceOf(NonLoopbackHostError);
    await expect(serveFetchHandler({ handler: echo, host: '192.0.2.1' })).rejects.toThrow(/allowNonLoopback: true/);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.10.0.3')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });

  it('closes idempotently even with keep-alive connections open', async () => {
    const s = await serveFetchHandler({ handler: routePosts({ paths: ['/x'], handler: echo }) });
    await (await fetch(`${s.url}/x`, { method: 'POST', body: 'a' })).text();
    await Promise.all([s.close(), s.close()]);
    await expect(fetch(`${s.url}/x`, { method: 'POST', body: 'a' })).rejects.toThrow();
  });
});
