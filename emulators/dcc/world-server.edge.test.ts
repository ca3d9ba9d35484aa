// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Hardening (issue 8): the emulated DCC's HTTP edge as `dit emulate` serves it (the world
 * server, default world) against hostile clients on a raw socket — a body over the limit
 * (declared, and streamed chunked), an XML entity-expansion bomb, headers or a body trickled
 * (slowloris), a request cut short — each refused promptly, and the server still answering a
 * valid request afterwards. The slow-client timeouts are made short here (300 ms headers,
 * 600 ms request) so the waits stay under a second; every wait is bounded.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../harness/protocol/duis/http-route.ts';
import { parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { startWorldServer, type WorldServer } from './world-server.ts';

const START = Date.UTC(2019, 3, 12, 9);
let server: WorldServer;
let port: number;

beforeAll(async () => {
  server = await startWorldServer({ host: '127.0.0.1', port: 0, headersTimeoutMs: 300, requestTimeoutMs: 600, defaultWorld: { seed: 'edge', startMs: START } });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.close();
});

/** A raw connection: what it was sent back, and whether (and how soon) the server closed it. */
function rawClient(): { socket: Socket; received: () => string; closed: Promise<number> } {
  const socket = connect(port, '127.0.0.1');
  let data = '';
  const opened = performance.now();
  socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
  socket.on('error', () => {});
  const closed = new Promise<number>((done) => socket.on('close', () => done(performance.now() - opened)));
  return { socket, received: () => data, closed };
}

/** Bounded: rejects if the server has not closed the connection within `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends `text` every 100 ms until the server closes the connection (bounded by `within`). */
async function trickleUntilClosed(c: ReturnType<typeof rawClient>, text: string, what: string): Promise<void> {
  const trickle = setInterval(() => c.socket.writable && c.socket.write(text), 100);
  try {
    await within(c.closed, 5000, what);
  } finally {
    clearInterval(trickle);
  }
}

const statusOf = (response: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? NaN);

async function stillServes(): Promise<void> {
  const r = await within(fetch(`${server.url}/api/v1/serviceS`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<not-duis/>' }), 5000, 'a request after');
  // not DUIS: refused as the DCC refuses it (400 with the reason), promptly — the server is alive
  expect(r.status).toBe(400);
  expect(await r.text()).not.toBe('');
}

describe('emulated DCC HTTP edge against hostile clients (hardening)', () => {
  it('refuses a declared body over the limit with 413 before reading it', async () => {
    const c = rawClient();
    c.socket.write(`POST /api/v1/serviceS HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nContent-Length: ${DEFAULT_BODY_LIMIT_BYTES + 1}\r\n\r\n`);
    await within(c.closed, 5000, 'over-limit body');
    expect(statusOf(c.received())).toBe(413);
    await stillServes();
  });

  it('refuses a chunked body that grows over the limit with 413 while it streams', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const r = await fetch(`${server.url}/api/v1/serviceS`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 17; i++) controller.enqueue(chunk);
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e as Error);
    // the server answers 413 and closes; the client may see the answer or a reset mid-upload
    if (r instanceof Response) expect(r.status).toBe(413);
    else expect(r).toBeInstanceOf(Error);
    await stillServes();
  });

  it('answers an XML entity-expansion bomb (billion laughs) with a DUIS error at once', async () => {
    const entity = (i: number): string => {
      const inner = i === 1 ? '&lol;' : `&lol${i - 1};`;
      return `<!ENTITY lol${i} "${inner.repeat(10)}">`;
    };
    const entities = ['<!ENTITY lol "lol">', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(entity)];
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities.join('\n')}\n]>\n<sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway">&lol9;</sr:Request>`;
    const r = await within(fetch(`${server.url}/api/v1/serviceS`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: bomb }), 5000, 'billion laughs');
    const text = await r.text();
    expect(text.length).toBeLessThan(10_000);
    if (r.status === 200) expect(parseDuisUserMessage(text).responseCode).toBe('E9001');
    else expect(r.status).toBeGreaterThanOrEqual(400);
    await stillServes();
  });

  it('disconnects a client trickling its headers (slowloris) with 408', async () => {
    const c = rawClient();
    c.socket.write('POST /api/v1/serviceS HTTP/1.1\r\nHost: x\r\n');
    await trickleUntilClosed(c, 'X-Slow: 1\r\n', 'slow headers');
    expect(c.received()).toMatch(/^HTTP\/1\.1 408|^$/);
    await stillServes();
  });

  it('disconnects a client trickling its body with 408', async () => {
    const c = rawClient();
    c.socket.write('POST /api/v1/serviceS HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n<');
    await trickleUntilClosed(c, 'a', 'slow body');
    expect(c.received()).toMatch(/^HTTP\/1\.1 408|^$/);
    await stillServes();
  });

  it('drops a request cut short (the client stops sending half-way) without calling the DCC', async () => {
    const c = rawClient();
    c.socket.write('POST /api/v1/serviceS HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nContent-Length: 5000\r\n\r\n<sr:Request>');
    // the client goes quiet: the request timer ends it
    await within(c.closed, 5000, 'truncated request (held open)');
    expect(c.received()).toMatch(/^HTTP\/1\.1 408|^$/);
    const d = rawClient();
    d.socket.end('POST /api/v1/serviceS HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nContent-Length: 5000\r\n\r\n<sr:Request>');
    // the client half-closes: nothing is answered as if the request were whole
    await within(d.closed, 5000, 'truncated request (half-closed)');
    expect(d.received()).not.toMatch(/^HTTP\/1\.1 200/);
    await stillServes();
  });
});
