// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DUIS over real HTTP: requests go by fetch to a base URL (a loopback `dit emulate`, or a DCC
 * Boxed lab on port 8079), and a node:http receiver takes the DCC's asynchronous responses and
 * alerts: POST `application/xml` to `receiver.url`, answered 204 when filed in the inbox, 400
 * (with the DuisError's message) when the body is not a DUIS response or alert, 404 / 405 / 413
 * by the edge rules (http-route.ts).
 *
 * The receiver listens on 127.0.0.1 on an ephemeral port by default. A lab DCC on another
 * machine needs `receiver.host` set to a reachable address with `allowNonLoopback: true`, and
 * possibly `advertisedUrl` when it is reached through NAT.
 *
 * With a DCC edge fault schedule (`edgeFaults`, dcc-edge-injector.ts), the transport plays the
 * faulty edge on its own side of the connection, as msw does in process: a request the schedule
 * answers (http-error, service-stopped) gets that HTTP status and never leaves for the DCC; a
 * DUIS alert a lost-alerts incident matches is taken at the receiver (answered 204, as delivered)
 * and never reaches the inbox.
 */
import { isDuisError } from '../protocol/duis/duis-error.ts';
import { RECEIVER_ACCEPTED, RECEIVER_REJECTED } from '../protocol/duis/http-binding.ts';
import { routePosts } from '../protocol/duis/http-route.ts';
import { serveFetchHandler } from '../protocol/duis/http-serve.ts';
import { assembleTransport } from './assemble-transport.ts';
import type { DccEdgeInjector } from './dcc-edge-injector.ts';
import { DuisInbox } from './inbox.ts';
import type { Transport } from './transport.ts';
import { realTimeWait, type WaitFn } from './wait.ts';

export const DEFAULT_RECEIVER_PATH = '/dit/duis-receiver';

export interface HttpReceiverOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (ephemeral). */
  readonly port?: number;
  /** Default /dit/duis-receiver. */
  readonly path?: string;
  readonly allowNonLoopback?: boolean;
  /** The URL to give the DCC when it differs from the listening address (NAT, DNS name). */
  readonly advertisedUrl?: string;
  readonly bodyLimitBytes?: number;
}

export interface HttpTransportOptions {
  /** The DCC's DUIS base URL, e.g. http://127.0.0.1:8079. */
  readonly baseUrl: string;
  /** How response windows pass. Default realTimeWait (a lab). */
  readonly wait?: WaitFn;
  readonly receiver?: HttpReceiverOptions;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** A DCC edge fault schedule this transport lives through (see the file header). */
  readonly edgeFaults?: DccEdgeInjector;
}

export async function createHttpTransport(options: HttpTransportOptions): Promise<Transport> {
  const baseUrl = new URL(options.baseUrl).toString().replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const inbox = new DuisInbox(options.wait ?? realTimeWait);
  const r = options.receiver ?? {};
  const path = r.path ?? DEFAULT_RECEIVER_PATH;
  if (!path.startsWith('/')) throw new Error(`the receiver path must start with "/", got ${JSON.stringify(path)}`);

  const served = await serveFetchHandler({
    host: r.host,
    port: r.port,
    allowNonLoopback: r.allowNonLoopback,
    bodyLimitBytes: r.bodyLimitBytes,
    handler: routePosts({
      paths: [path],
      bodyLimitBytes: r.bodyLimitBytes,
      handler: async (request) => {
        const xml = await request.text();
        // a lost alert: the DCC sent it, the Service User never gets it
        if (options.edgeFaults?.dropping(xml)) return new Response(null, { status: RECEIVER_ACCEPTED });
        try {
          inbox.accept(xml);
          return new Response(null, { status: RECEIVER_ACCEPTED });
        } catch (e) {
          if (!isDuisError(e)) throw e;
          return new Response(`${e.message}\n`, { status: RECEIVER_REJECTED, headers: { 'content-type': 'text/plain; charset=utf-8' } });
        }
      },
    }),
  });
  return assembleTransport({
    kind: 'http',
    name: 'HTTP',
    baseUrl,
    inbox,
    receiverUrl: r.advertisedUrl ?? `${served.url}${path}`,
    async post(url, init) {
      const failure = options.edgeFaults?.onRequest();
      if (failure) return new Response(failure.body, { status: failure.status });
      try {
        return await doFetch(url, init);
      } catch (e) {
        const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : '';
        throw new Error(`could not reach the DCC at ${url}: ${e instanceof Error ? e.message : String(e)}${cause}`);
      }
    },
    stop: () => served.close(),
  });
}
