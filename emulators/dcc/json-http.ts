// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * JSON over the world server's control endpoints (worlds, bench, receiver): answers with a
 * status and a JSON body, errors as `{ "error": "…" }` naming what was wrong and what to do,
 * and request bodies read as JSON with a clear 400 when they are not.
 */

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body)}\n`, { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

export function problem(e: HttpProblem): Response {
  return json(e.status, { error: e.message }, e.headers);
}

/** The request body as JSON; a 400 HttpProblem when it is empty or not JSON. */
export async function readJson(request: Request, what: string): Promise<unknown> {
  const text = await request.text();
  if (text.trim().length === 0) throw new HttpProblem(400, `${what}: expected a JSON body, got none`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HttpProblem(400, `${what}: the body is not JSON (${(e as Error).message})`);
  }
}

/** 405 unless the request's method is one of `allowed`. */
export function requireMethod(request: Request, path: string, ...allowed: string[]): void {
  if (!allowed.includes(request.method)) {
    throw new HttpProblem(405, `${request.method} is not allowed on ${path}; use ${allowed.join(' or ')}`, { allow: allowed.join(', ') });
  }
}
