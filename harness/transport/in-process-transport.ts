// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DUIS in process: fetch calls to the base URL (default http://dcc.emulated.invalid) are
 * intercepted by msw (`setupServer` from msw/node, `onUnhandledRequest: 'error'`, so a request
 * anywhere else fails loudly instead of reaching a network) and answered by the DCC handler,
 * behind the same edge rules as the node:http mount (404 / 405 / 413 / 500, http-route.ts).
 *
 * Asynchronous delivery: the composition root hands `transport.receiver` to the DCC; the DCC's
 * `receiver.deliver(xml)` files the message in `transport.inbox` directly (a DuisError when the
 * XML is not a DUIS response or alert, as an HTTP receiver would answer 400).
 *
 * msw patches the process's global fetch, so one in-process transport may be open per process
 * at a time; opening a second is an error that says so.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DUIS_SERVICE_PATHS } from '../protocol/duis/http-binding.ts';
import { routePosts, type FetchHandler } from '../protocol/duis/http-route.ts';
import { assembleTransport } from './assemble-transport.ts';
import { DuisInbox } from './inbox.ts';
import type { Transport } from './transport.ts';
import { dccEdgeFaultCounter, type DccEdgeFault } from './dcc-edge-fault.ts';
import { noTimeWait, type WaitFn } from './wait.ts';

export const DEFAULT_EMULATED_DCC_URL = 'http://dcc.emulated.invalid';

export interface InProcessTransportOptions {
  /** The DCC: a fetch-style handler for one DUIS request. */
  readonly handler: FetchHandler;
  readonly baseUrl?: string;
  /** How response windows pass. Default noTimeWait; pass virtualTimeWait(clock) when emulating. */
  readonly wait?: WaitFn;
  readonly bodyLimitBytes?: number;
  /** DCC edge failures msw injects in front of the DCC (deterministic, counted per transport). */
  readonly edgeFault?: DccEdgeFault;
}

let openTransport: string | null = null;

export function createInProcessTransport(options: InProcessTransportOptions): Transport {
  const baseUrl = new URL(options.baseUrl ?? DEFAULT_EMULATED_DCC_URL).origin;
  if (openTransport !== null) {
    throw new Error(
      `an in-process DUIS transport for ${openTransport} is already open in this process; ` +
        'close it first (msw intercepts the global fetch once per process)',
    );
  }
  const routed = routePosts({ paths: DUIS_SERVICE_PATHS, handler: options.handler, bodyLimitBytes: options.bodyLimitBytes });
  const strikes = options.edgeFault ? dccEdgeFaultCounter(options.edgeFault) : undefined;
  const edgeFault = options.edgeFault;
  const server = setupServer(
    // an injected edge failure answers before the DCC sees the request; otherwise msw falls through
    http.post(`${baseUrl}/api/v1/*`, () =>
      edgeFault && strikes?.() ? new HttpResponse(`injected DCC edge failure (HTTP ${edgeFault.status})`, { status: edgeFault.status }) : undefined,
    ),
    http.all(`${baseUrl}/*`, ({ request }) => routed(request)),
  );
  server.listen({ onUnhandledRequest: 'error' });
  openTransport = baseUrl;

  return assembleTransport({
    kind: 'in-process',
    name: 'in-process',
    baseUrl,
    inbox: new DuisInbox(options.wait ?? noTimeWait),
    receiverUrl: null,
    post: (url, init) => fetch(url, init),
    stop() {
      server.close();
      openTransport = null;
    },
  });
}
