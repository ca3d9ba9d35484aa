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
 */
import { isDuisError } from '../protocol/duis/duis-error.ts';
import { DUIS_CONTENT_TYPE, RECEIVER_ACCEPTED, RECEIVER_REJECTED, type DuisServicePath } from '../protocol/duis/http-binding.ts';
import { routePosts } from '../protocol/duis/http-route.ts';
import { serveFetchHandler } from '../protocol/duis/http-serve.ts';
import type { DuisReceiverEndpoint } from '../protocol/duis/receiver.ts';
import { DuisInbox } from './inbox.ts';
import { joinUrl, toReply, type Transport } from './transport.ts';
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
  const receiverUrl = r.advertisedUrl ?? `${served.url}${path}`;
  const receiver: DuisReceiverEndpoint = {
    url: receiverUrl,
    async deliver(xml: string): Promise<void> {
      inbox.accept(xml);
    },
  };
  let closed = false;

  return {
    kind: 'http',
    baseUrl,
    receiver,
    inbox,
    async send(servicePath: DuisServicePath, xml: string) {
      if (closed) throw new Error('the HTTP DUIS transport is closed');
      const url = joinUrl(baseUrl, servicePath);
      let response: Response;
      try {
        response = await doFetch(url, { method: 'POST', headers: { 'content-type': DUIS_CONTENT_TYPE }, body: xml });
      } catch (e) {
        const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : '';
        throw new Error(`could not reach the DCC at ${url}: ${e instanceof Error ? e.message : String(e)}${cause}`);
      }
      return toReply(response);
    },
    awaitResponse: (requestId, awaitOptions) => inbox.awaitResponse(requestId, awaitOptions),
    async close() {
      if (closed) return;
      closed = true;
      inbox.close();
      await served.close();
    },
  };
}
