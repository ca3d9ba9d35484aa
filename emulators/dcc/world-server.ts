// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The loopback emulated DCC that `dit emulate` and `dit run --target loopback` use: ONE node:http
 * server hosting many isolated worlds (premises + emulated DCC + virtual clock each), so
 * parallel test workers never share state.
 *
 * | method        | path                                   | what                                          |
 * | ------------- | -------------------------------------- | --------------------------------------------- |
 * | GET           | `/`                                    | what this server serves                        |
 * | POST          | `/worlds`                              | `{ seed, startMs, premises?, receiverUrl?, acceptUnsigned? }` → 201 `{ id, duisBaseUrl, benchUrl, receiverUrl }` |
 * | GET           | `/worlds`                              | the worlds hosted now                          |
 * | GET           | `/worlds/<id>`                         | one world                                      |
 * | DELETE        | `/worlds/<id>`                         | 204; the world stops                           |
 * | POST          | `/worlds/<id>/api/v1/serviceS\|T\|D`   | DUIS to that world's DCC                       |
 * | GET/POST      | `/worlds/<id>/bench/…`                 | that world's Bench (harness/bench/http-bench-protocol.ts) |
 * | GET/PUT/POST  | `/worlds/<id>/receiver`                | `{ url }`: where its responses and alerts go   |
 * | GET           | `/worlds/<id>/trace`                   | its DCC trace                                  |
 *
 * A DEFAULT world (when `defaultWorld` is given: `dit emulate`) is served at the root in the
 * DCC Boxed shape, for an engineer pointing a tool at the emulator: DUIS at
 * `/api/v1/serviceS|T|D`, its bench at `/bench/…`, its receiver at `/dit/receiver`
 * (GET, or POST/PUT `{ url }`; or `--receiver`), its trace at `/dit/trace`.
 *
 * Errors are JSON `{ error }`: 400 for a bad body (bad JSON, a field missing or wrong: named),
 * 404 for an unknown world or path, 405 for a wrong method. DUIS endpoints answer as the
 * emulated DCC does (DUIS XML; 404 / 405 / 413 by the DUIS edge rules). Asynchronous device
 * responses go to each world's receiver URL over HTTP (receiver-client.ts).
 */
import { serveFetchHandler } from '../../harness/protocol/duis/http-serve.ts';
import type { FetchHandler } from '../../harness/protocol/duis/http-route.ts';
import type { PremisesSpec } from '../../harness/programme/premises-spec.ts';
import { HostedWorld, type HostedWorldUrls } from './hosted-world.ts';
import { HttpProblem, json, problem, readJson, requireMethod } from './json-http.ts';
import { parseNewWorldRequest, parseReceiverRequest } from './world-request.ts';

export interface DefaultWorldOptions {
  readonly seed: string;
  readonly startMs: number;
  readonly premises?: PremisesSpec;
  readonly receiverUrl?: string;
  /** The DCC accepts DUIS requests with no XML signature (default: strict). */
  readonly acceptUnsigned?: boolean;
}

export interface WorldServerOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (an ephemeral port); `dit emulate` uses 8079, as DCC Boxed. */
  readonly port?: number;
  readonly allowNonLoopback?: boolean;
  /** Slow-client timeouts (http-serve.ts; defaults there). */
  readonly headersTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** A world served at the root in the DCC Boxed shape. */
  readonly defaultWorld?: DefaultWorldOptions;
  /** Used for deliveries to receivers; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

export interface WorldServer {
  /** Base URL, e.g. http://127.0.0.1:8079. */
  readonly url: string;
  close(): Promise<void>;
}

export interface WorldServerHandler {
  readonly handler: FetchHandler;
  /** Stops every world. */
  close(): Promise<void>;
}

const DEFAULT_WORLD_ID = 'default';
const WORLD_PATH = /^\/worlds\/([A-Za-z0-9_-]+)(\/.*)?$/;

/** The world server's routes as a fetch handler (startWorldServer serves it on node:http). */
export function createWorldServerHandler(options: Pick<WorldServerOptions, 'defaultWorld' | 'fetch'> = {}): WorldServerHandler {
  const worlds = new Map<string, HostedWorld>();
  let created = 0;
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  const fallback: HostedWorld | null = options.defaultWorld
    ? new HostedWorld({ id: DEFAULT_WORLD_ID, ...options.defaultWorld, receiverUrl: options.defaultWorld.receiverUrl ?? null, ...fetchOption })
    : null;

  const worldUrls = (origin: string, id: string): HostedWorldUrls => ({ duisBaseUrl: `${origin}/worlds/${id}`, benchUrl: `${origin}/worlds/${id}/bench` });
  const rootUrls = (origin: string): HostedWorldUrls => ({ duisBaseUrl: origin, benchUrl: `${origin}/bench` });

  function requireWorld(id: string): HostedWorld {
    const world = worlds.get(id);
    if (!world) throw new HttpProblem(404, `no world ${JSON.stringify(id)} on this server (it hosts ${worlds.size}): create one with POST /worlds`);
    return world;
  }

  function requireDefault(path: string): HostedWorld {
    if (!fallback) throw new HttpProblem(404, `${path}: this server has no default world; create a world with POST /worlds and use /worlds/<id>${path}`);
    return fallback;
  }

  async function createWorld(request: Request, origin: string): Promise<Response> {
    const body = parseNewWorldRequest(await readJson(request, 'POST /worlds'));
    const id = `w${++created}`;
    let world: HostedWorld;
    try {
      world = new HostedWorld({ id, ...body, ...fetchOption });
    } catch (e) {
      if (e instanceof RangeError) throw new HttpProblem(400, `POST /worlds: the world cannot be built: ${e.message}`);
      throw e;
    }
    worlds.set(id, world);
    const urls = worldUrls(origin, id);
    return json(201, { id, ...urls, receiverUrl: world.receiver }, { location: urls.duisBaseUrl });
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const origin = url.origin;
    if (path === '/') {
      requireMethod(request, path, 'GET');
      return json(200, {
        service: 'dit emulated DCC (DCC Boxed shape)',
        worlds: worlds.size,
        defaultWorld: fallback ? fallback.describe(rootUrls(origin)) : null,
        endpoints: ['POST /worlds', 'GET /worlds', 'DELETE /worlds/<id>', '/worlds/<id>/api/v1/serviceS|T|D', '/worlds/<id>/bench/...', '/worlds/<id>/receiver', '/worlds/<id>/trace']
          .concat(fallback ? ['/api/v1/serviceS|T|D', '/bench/...', '/dit/receiver', '/dit/trace'] : []),
      });
    }
    if (path === '/worlds' || path === '/worlds/') {
      requireMethod(request, '/worlds', 'GET', 'POST');
      if (request.method === 'POST') return createWorld(request, origin);
      return json(200, { worlds: [...worlds.values()].map((w) => w.describe(worldUrls(origin, w.id))) });
    }
    const match = WORLD_PATH.exec(path);
    if (match) {
      const id = match[1]!;
      const rest = match[2] ?? '';
      const world = requireWorld(id);
      if (rest === '' && request.method === 'DELETE') {
        worlds.delete(id);
        await world.close();
        return new Response(null, { status: 204 });
      }
      return world.handle(rest, request, worldUrls(origin, id));
    }
    if (path.startsWith('/worlds/')) throw new HttpProblem(404, `${path}: a world id is letters, digits, - and _`);
    if (path.startsWith('/api/') || path === '/bench' || path.startsWith('/bench/')) {
      return requireDefault(path).handle(path, request, rootUrls(origin));
    }
    if (path === '/dit/receiver') {
      const world = requireDefault(path);
      requireMethod(request, path, 'GET', 'PUT', 'POST');
      if (request.method !== 'GET') world.setReceiver(parseReceiverRequest(await readJson(request, `${request.method} ${path}`), `${request.method} ${path}`));
      return json(200, { url: world.receiver });
    }
    if (path === '/dit/trace') return requireDefault(path).handle('/trace', request, rootUrls(origin));
    throw new HttpProblem(404, `no endpoint ${path}; GET / lists what this server serves`);
  }

  return {
    handler: async (request) => {
      try {
        return await route(request);
      } catch (e) {
        if (e instanceof HttpProblem) return problem(e);
        return json(500, { error: `the world server failed: ${e instanceof Error ? e.message : String(e)}` });
      }
    },
    async close() {
      const all = [...worlds.values(), ...(fallback ? [fallback] : [])];
      worlds.clear();
      await Promise.all(all.map((w) => w.close()));
    },
  };
}

/** Starts the world server on node:http (loopback only unless `allowNonLoopback`). */
export async function startWorldServer(options: WorldServerOptions = {}): Promise<WorldServer> {
  const routes = createWorldServerHandler(options);
  let served;
  try {
    served = await serveFetchHandler({
      handler: routes.handler,
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      ...(options.allowNonLoopback !== undefined ? { allowNonLoopback: options.allowNonLoopback } : {}),
      ...(options.headersTimeoutMs !== undefined ? { headersTimeoutMs: options.headersTimeoutMs } : {}),
      ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    });
  } catch (e) {
    await routes.close();
    throw e;
  }
  return {
    url: served.url,
    async close() {
      await served.close();
      await routes.close();
    },
  };
}
