// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One emulated world as the world server hosts it: the world itself, the receiver URL its DCC
 * delivers to (set at creation, or later by the client), a queue that takes its DUIS requests
 * and Bench operations one at a time, and its HTTP surface below the world's base URL:
 *
 * | path                        | what                                                  |
 * | --------------------------- | ----------------------------------------------------- |
 * | `/api/v1/serviceS\|T\|D`    | DUIS (POST, application/xml): the emulated DCC        |
 * | `/bench/…`                  | the Bench over HTTP (bench-http-handler.ts)           |
 * | `/receiver`                 | GET → `{ url }`; PUT or POST `{ url }` sets it        |
 * | `/trace`                    | GET → the DCC trace (rejections, receipts, deliveries)|
 * | `` (the base itself)        | GET → what the world is                               |
 *
 * Device responses and alerts are POSTed to the receiver URL (createReceiverClient); with no
 * URL set, or a receiver that refuses, the delivery is recorded as failed in the trace and the
 * world carries on, as DCC Boxed would with an unreachable receiver.
 */
import type { DuisReceiver } from '../../harness/protocol/duis/receiver.ts';
import type { PremisesSpec } from '../../harness/programme/premises-spec.ts';
import { createEmulatedWorld, type EmulatedWorld } from '../world.ts';
import { benchHttpHandler, type BenchHttpHandler } from './bench-http-handler.ts';
import { HttpProblem, json, readJson, requireMethod } from './json-http.ts';
import { createReceiverClient } from './receiver-client.ts';
import { SerialQueue } from './serial-queue.ts';
import { parseReceiverRequest } from './world-request.ts';

/** The Bench name a hosted world reports (what a skipped test's reason names). */
export const HOSTED_BENCH_NAME = 'loopback';

export interface HostedWorldOptions {
  readonly id: string;
  readonly seed: string;
  readonly startMs: number;
  readonly premises?: PremisesSpec;
  readonly receiverUrl?: string | null;
  /** The DCC accepts DUIS requests with no XML signature (default: strict). */
  readonly acceptUnsigned?: boolean;
  /** For deliveries; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

/** Where a hosted world's endpoints are, for the answers that name them. */
export interface HostedWorldUrls {
  readonly duisBaseUrl: string;
  readonly benchUrl: string;
}

export class HostedWorld {
  readonly id: string;
  readonly world: EmulatedWorld;
  private receiverUrl: string | null;
  private readonly queue = new SerialQueue();
  private readonly bench: BenchHttpHandler;
  private readonly clients = new Map<string, DuisReceiver>();
  private closed = false;

  constructor(private readonly options: HostedWorldOptions) {
    this.id = options.id;
    this.receiverUrl = options.receiverUrl ?? null;
    const receiver: DuisReceiver = { deliver: (xml) => this.deliver(xml) };
    this.world = createEmulatedWorld({
      seed: options.seed,
      startMs: options.startMs,
      receiver,
      ...(options.premises ? { premises: options.premises } : {}),
      ...(options.acceptUnsigned !== undefined ? { acceptUnsigned: options.acceptUnsigned } : {}),
    });
    this.bench = benchHttpHandler(this.world.benchDriver, HOSTED_BENCH_NAME);
  }

  get receiver(): string | null {
    return this.receiverUrl;
  }

  setReceiver(url: string | null): void {
    this.receiverUrl = url;
  }

  describe(urls: HostedWorldUrls): object {
    return {
      id: this.id,
      seed: this.options.seed,
      startMs: this.options.startMs,
      now: this.world.clock.now(),
      receiverUrl: this.receiverUrl,
      ...urls,
    };
  }

  /** Serves `request` at `subpath` below the world's base (see the table above). */
  handle(subpath: string, request: Request, urls: HostedWorldUrls): Promise<Response> {
    return this.queue.run(async () => {
      if (this.closed) throw new HttpProblem(404, `world ${this.id} was deleted`);
      if (subpath.startsWith('/api/')) return this.world.dcc(await forwarded(request, subpath));
      if (subpath === '/bench' || subpath.startsWith('/bench/')) return this.bench(subpath.slice('/bench'.length), request);
      if (subpath === '/receiver') return this.receiverEndpoint(request, subpath);
      if (subpath === '/trace') {
        requireMethod(request, subpath, 'GET');
        return json(200, { id: this.id, entries: this.world.dccTrace.entries() });
      }
      if (subpath === '' || subpath === '/') {
        requireMethod(request, '/', 'GET');
        return json(200, this.describe(urls));
      }
      throw new HttpProblem(404, `no endpoint ${subpath} on world ${this.id}; it serves /api/v1/serviceS|T|D, /bench/…, /receiver, /trace`);
    });
  }

  /** Stops the world once the requests before it are done. Idempotent. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.world.close();
    });
  }

  private async receiverEndpoint(request: Request, subpath: string): Promise<Response> {
    requireMethod(request, subpath, 'GET', 'PUT', 'POST');
    if (request.method !== 'GET') {
      this.receiverUrl = parseReceiverRequest(await readJson(request, `${request.method} ${subpath}`), `${request.method} ${subpath}`);
    }
    return json(200, { url: this.receiverUrl });
  }

  private async deliver(xml: string): Promise<void> {
    const url = this.receiverUrl;
    if (url === null) {
      throw new Error(`world ${this.id} has no receiver URL: set one with PUT /worlds/${this.id}/receiver {"url": "…"} (or POST /dit/receiver for the default world)`);
    }
    let client = this.clients.get(url);
    if (!client) {
      client = createReceiverClient({ url, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
      this.clients.set(url, client);
    }
    await client.deliver(xml);
  }
}

/** The request re-addressed to `subpath` (same origin, query, method, headers and body). */
async function forwarded(request: Request, subpath: string): Promise<Request> {
  const url = new URL(request.url);
  url.pathname = subpath;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, { method: request.method, headers: request.headers, ...(hasBody ? { body: await request.arrayBuffer() } : {}) });
}
