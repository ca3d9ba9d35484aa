// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DUIS in process: fetch calls to the base URL (default http://dcc.emulated.invalid) are
 * intercepted by msw (`setupServer` from msw/node, `onUnhandledRequest: 'error'`, so a request
 * anywhere else fails loudly instead of reaching a network) and answered by the DCC handler,
 * behind the same edge rules as the node:http mount (404 / 405 / 413 / 500, http-route.ts).
 *
 * Asynchronous delivery: the composition root hands `transport.receiver` to the DCC; the DCC's
 * `receiver.deliver(xml)` files the message in `transport.inbox` directly (a DuisError when the
 * XML is not a DUIS response or alert, as an HTTP receiver would answer 400). With a DCC edge
 * fault schedule, the receiver first drops the alerts a lost-alerts incident matches.
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
import type { DccEdgeFault } from './dcc-edge-fault.ts';
import { DccEdgeInjector } from './dcc-edge-injector.ts';
import { scheduleOfEdgeFault } from './dcc-edge-schedule.ts';
import { noTimeWait, type WaitFn } from './wait.ts';

export const DEFAULT_EMULATED_DCC_URL = 'http://dcc.emulated.invalid';

export interface InProcessTransportOptions {
  /** The DCC: a fetch-style handler for one DUIS request. */
  readonly handler: FetchHandler;
  readonly baseUrl?: string;
  /** How response windows pass. Default noTimeWait; pass virtualTimeWait(clock) when emulating. */
  readonly wait?: WaitFn;
  readonly bodyLimitBytes?: number;
  /** Shorthand for a one-incident `edgeFaults` schedule: every N-th DUIS request answered 5xx. */
  readonly edgeFault?: DccEdgeFault;
  /**
   * A DCC edge fault schedule for this transport (dcc-edge-injector.ts, evaluated against the
   * world clock): msw answers HTTP errors and a stopped service in front of the DCC; the
   * receiver drops the alerts a lost-alerts incident matches.
   */
  readonly edgeFaults?: DccEdgeInjector;
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
  const injector = options.edgeFaults ?? (options.edgeFault ? new DccEdgeInjector(scheduleOfEdgeFault(options.edgeFault), () => 0) : undefined);
  const server = setupServer(
    // an injected edge failure answers before the DCC sees the request; otherwise msw falls through
    http.post(`${baseUrl}/api/v1/*`, () => {
      const failure = injector?.onRequest();
      return failure ? new HttpResponse(failure.body, { status: failure.status }) : undefined;
    }),
    http.all(`${baseUrl}/*`, ({ request }) => routed(request)),
  );
  server.listen({ onUnhandledRequest: 'error' });
  openTransport = baseUrl;

  const transport = assembleTransport({
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
  return injector ? { ...transport, receiver: injector.receiver(transport.receiver) } : transport;
}
