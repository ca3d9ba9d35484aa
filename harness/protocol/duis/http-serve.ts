// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Serves a fetch-style handler `(Request) => Promise<Response>` on node:http: each incoming
 * request becomes a WHATWG Request, the handler's Response is written back. The DCC's DUIS
 * endpoints (emulators/dcc/http-server.ts) and the user's receiver (harness/transport) are both
 * served this way, so one handler runs unchanged behind msw or on a real socket.
 *
 * It lives beside the DUIS HTTP binding because both sides of the layer boundary need it
 * (emulators may import harness/protocol, and the harness may not import emulators).
 *
 * Safety: only loopback hosts unless `allowNonLoopback`; a body over `bodyLimitBytes` is
 * refused with 413 while it streams (never buffered whole); a client that trickles its headers
 * or its body (slowloris) or stops half-way is answered 408 and disconnected once
 * `headersTimeoutMs` / `requestTimeoutMs` have passed (node:http's own timers, checked every
 * `min(1 s, headersTimeoutMs / 2)`); close() also ends idle keep-alive connections so a test
 * does not hang on them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_BODY_LIMIT_BYTES, type FetchHandler } from './http-route.ts';

export interface ServeOptions {
  readonly handler: FetchHandler;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  readonly bodyLimitBytes?: number;
  /** Serve on a non-loopback address (e.g. for a DCC Boxed box to reach the receiver). */
  readonly allowNonLoopback?: boolean;
  /** Time a client has to send the request headers. Default 10 s. */
  readonly headersTimeoutMs?: number;
  /** Time a client has to send the whole request, body included. Default 30 s. */
  readonly requestTimeoutMs?: number;
}

/** Defaults of the slow-client timeouts (wall-clock: these guard a real socket). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface ServedHandler {
  /** Base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

export class NonLoopbackHostError extends Error {
  constructor(readonly host: string) {
    super(
      `refusing to listen on ${JSON.stringify(host)}: not a loopback address (127.0.0.0/8, ::1, localhost); ` +
        'pass allowNonLoopback: true to serve beyond this machine',
    );
    this.name = 'NonLoopbackHostError';
  }
}

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(h) || h === '::ffff:127.0.0.1';
}

function toRequest(req: IncomingMessage, base: string, body: Uint8Array | null): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    // hop-by-hop headers describe this socket, not the message
    if (/^(connection|keep-alive|transfer-encoding|upgrade)$/i.test(name)) continue;
    headers.append(name, req.rawHeaders[i + 1]!);
  }
  const method = req.method ?? 'GET';
  return new Request(new URL(req.url ?? '/', base), {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? null : body,
  });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = new Uint8Array(await response.arrayBuffer());
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
}

function refuse(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(text);
}

export async function serveFetchHandler(options: ServeOptions): Promise<ServedHandler> {
  const host = options.host ?? '127.0.0.1';
  if (!options.allowNonLoopback && !isLoopbackHost(host)) throw new NonLoopbackHostError(host);
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  let base = '';

  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, headersTimeout);
  const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(headersTimeout / 2))) }, (req, res) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      refuse(res, 413, `request body of ${declared} bytes exceeds the limit of ${limit} bytes\n`);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        refuse(res, 413, `request body exceeds the limit of ${limit} bytes\n`);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => refuse(res, 400, 'request stream failed\n'));
    req.on('end', () => {
      if (over) return;
      const body = new Uint8Array(Buffer.concat(chunks, size));
      let request: Request;
      try {
        request = toRequest(req, base, body);
      } catch (e) {
        refuse(res, 400, `unreadable request: ${e instanceof Error ? e.message : String(e)}\n`);
        return;
      }
      options
        .handler(request)
        .then((response) => writeResponse(res, response))
        .catch((e: unknown) => refuse(res, 500, `handler failed: ${e instanceof Error ? e.message : String(e)}\n`));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  base = `http://${shownHost}:${address.port}`;

  let closing: Promise<void> | null = null;
  return {
    url: base,
    host: address.address,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
