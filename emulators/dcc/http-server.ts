// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The emulated DCC's DUIS endpoints on a real socket, in DCC Boxed's shape: POST
 * /api/v1/serviceS, /api/v1/serviceT and /api/v1/serviceD (application/xml). The DCC logic is a
 * fetch-style handler `(Request) => Promise<Response>`; the same handler is mounted behind msw
 * by the in-process transport, and the same edge rules apply on both mounts (404 for another
 * path, 405 for another method, 413 over the body limit, 500 with the message if it throws).
 *
 * Loopback only unless `allowNonLoopback: true` (used by `dit emulate` to serve a lab).
 */
import { DUIS_SERVICE_PATHS } from '../../harness/protocol/duis/http-binding.ts';
import { routePosts, type FetchHandler } from '../../harness/protocol/duis/http-route.ts';
import { serveFetchHandler } from '../../harness/protocol/duis/http-serve.ts';

export interface DccHttpServerOptions {
  /** The DCC: answers one DUIS request (already routed to a DUIS path, POST, within the limit). */
  readonly handler: FetchHandler;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (ephemeral); DCC Boxed uses 8079. */
  readonly port?: number;
  /** Default 16 MiB. */
  readonly bodyLimitBytes?: number;
  readonly allowNonLoopback?: boolean;
}

export interface DccHttpServer {
  /** Base URL, e.g. http://127.0.0.1:40123; DUIS paths hang off it. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startDccHttpServer(options: DccHttpServerOptions): Promise<DccHttpServer> {
  const served = await serveFetchHandler({
    handler: routePosts({ paths: DUIS_SERVICE_PATHS, handler: options.handler, bodyLimitBytes: options.bodyLimitBytes }),
    host: options.host,
    port: options.port,
    bodyLimitBytes: options.bodyLimitBytes,
    allowNonLoopback: options.allowNonLoopback,
  });
  return { url: served.url, close: () => served.close() };
}
