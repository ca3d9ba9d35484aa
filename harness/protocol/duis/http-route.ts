// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The HTTP edge rules around a fetch-style handler `(Request) => Promise<Response>`, applied
 * the same way whether the handler is mounted behind msw (in process) or in node:http
 * (http-serve.ts): only the listed paths exist (404), only POST is allowed (405 with `Allow`),
 * bodies over the limit are refused (413), and a handler that throws becomes a 500 whose body
 * is the error message (no stack). So an emulated DCC behaves identically on both mounts.
 */

export type FetchHandler = (request: Request) => Promise<Response>;

/** Default request body limit: DUIS 11.1 (Update Firmware) can carry a large image. */
export const DEFAULT_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

export interface PostRoutesOptions {
  /** Paths (exact, no query) that accept POST. */
  readonly paths: readonly string[];
  readonly handler: FetchHandler;
  readonly bodyLimitBytes?: number;
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}

/** Wraps `handler` with the edge rules; the result is itself a FetchHandler. */
export function routePosts(options: PostRoutesOptions): FetchHandler {
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const paths = new Set(options.paths);
  return async (request) => {
    const path = new URL(request.url).pathname;
    if (!paths.has(path)) {
      return plain(404, `no such endpoint ${path}; this server answers POST on ${[...paths].join(', ')}\n`);
    }
    if (request.method !== 'POST') {
      return plain(405, `${request.method} is not allowed on ${path}; use POST\n`, { allow: 'POST' });
    }
    const declared = Number(request.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      return plain(413, `request body of ${declared} bytes exceeds the limit of ${limit} bytes\n`);
    }
    const body = new Uint8Array(await request.arrayBuffer());
    if (body.byteLength > limit) {
      return plain(413, `request body of ${body.byteLength} bytes exceeds the limit of ${limit} bytes\n`);
    }
    const forwarded = new Request(request.url, { method: 'POST', headers: request.headers, body });
    try {
      return await options.handler(forwarded);
    } catch (e) {
      return plain(500, `handler failed: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  };
}
