// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A Bench driver that drives a premises' physical world over HTTP (http-bench-protocol.ts):
 * the loopback emulated DCC's worlds, or any bench controller speaking the same protocol.
 * It only speaks HTTP; it never imports an emulator.
 *
 * `now()` is synchronous in the BenchDriver interface, so the driver keeps the world time the
 * server last reported: every answer carries it, and on the loopback server world time moves
 * only through `advance`, so the cached value is exact between calls. While an advance is in
 * flight, `now()` is its target: the server delivers device messages during the advance, so a
 * message can reach the harness before the advance's answer does, and the target bounds the
 * time it was sent from above (the safe side for a response window).
 *
 * A refusal by the world (HTTP 400, e.g. "… is a GSME, battery powered: use the battery
 * capability") is thrown as a RangeError with the server's explanation, as the emulated
 * driver throws it in process; any other failure is an HttpBenchError naming the URL and status.
 */
import type { BenchCapability, BenchDriver, LocalDeliveryOutcome, SubGhzChannelRef } from './bench.ts';
import {
  BENCH_PATH,
  isBenchCapability,
  type BenchCapabilitiesBody,
  type BenchLocalDeliveryAnswer,
  type BenchPath,
  type BenchTimeBody,
} from './http-bench-protocol.ts';
import type { Eui64 } from '../protocol/gbcs/frame-types.ts';
import { bytesToHex, hexToBytes } from '../protocol/gbcs/hex.ts';

export class HttpBenchError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
    detail: string,
  ) {
    super(`the bench at ${url} failed${status === null ? '' : ` with HTTP ${status}`}: ${detail}`);
    this.name = 'HttpBenchError';
  }
}

export interface HttpBenchDriverOptions {
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { error?: unknown }).error === 'string') {
      return (parsed as { error: string }).error;
    }
  } catch {
    // not JSON: show the text itself
  }
  return body.trim().slice(0, 300) || '(empty body)';
}

function readNow(body: unknown, url: string): number {
  const now = typeof body === 'object' && body !== null ? (body as Partial<BenchTimeBody>).now : undefined;
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    throw new HttpBenchError(url, 200, `expected JSON with a numeric "now", got ${JSON.stringify(body)?.slice(0, 200)}`);
  }
  return now;
}

function readNextDueAt(body: unknown): number | null | undefined {
  const due = typeof body === 'object' && body !== null ? (body as Partial<BenchTimeBody>).nextDueAt : undefined;
  return typeof due === 'number' && Number.isFinite(due) ? due : due === null ? null : undefined;
}

class HttpBenchDriver implements BenchDriver {
  private current: number;
  /** Target of the advance in flight, if any. */
  private advancingTo: number | null = null;
  /** The world's next scheduled event as of the last answer (undefined: the bench does not say). */
  private nextDueAt: number | null | undefined;

  constructor(
    private readonly baseUrl: string,
    readonly name: string,
    readonly capabilities: ReadonlySet<BenchCapability>,
    now: number,
    private readonly doFetch: typeof fetch,
    nextDueAt?: number | null,
  ) {
    this.current = now;
    this.nextDueAt = nextDueAt;
  }

  now(): number {
    return this.advancingTo ?? this.current;
  }

  nextDueIn(): number | null {
    if (this.nextDueAt === undefined) return null;
    return this.nextDueAt === null ? null : Math.max(0, this.nextDueAt - this.current);
  }

  /**
   * Asks the bench for its time and next scheduled event. A DUIS request to the world schedules
   * events (the device's response) the cached value cannot know of: a wait refreshes it before
   * each step, so it moves event to event over HTTP as it does in process.
   */
  async refresh(): Promise<void> {
    const url = `${this.baseUrl}${BENCH_PATH.now}`;
    this.take(await benchCall(this.doFetch, url, { method: 'GET' }), url);
  }

  async advance(ms: number): Promise<void> {
    this.advancingTo = this.current + ms;
    try {
      await this.post(BENCH_PATH.advance, { ms });
    } finally {
      this.advancingTo = null;
    }
  }

  async setSupply(device: Eui64, on: boolean): Promise<void> {
    await this.post(BENCH_PATH.supply, { device, on });
  }

  async setBatteryPercent(device: Eui64, percent: number): Promise<void> {
    await this.post(BENCH_PATH.battery, { device, percent });
  }

  async setRadioLink(device: Eui64, up: boolean): Promise<void> {
    await this.post(BENCH_PATH.radio, { device, up });
  }

  async setInterference(channel: SubGhzChannelRef, levelDbm: number | null): Promise<void> {
    await this.post(BENCH_PATH.interference, { page: channel.page, channel: channel.channel, levelDbm });
  }

  async transmitFiller(device: Eui64, bytes: number): Promise<void> {
    await this.post(BENCH_PATH.filler, { device, bytes });
  }

  async deliverLocally(device: Eui64, command: Uint8Array): Promise<LocalDeliveryOutcome> {
    const url = `${this.baseUrl}${BENCH_PATH.localDelivery}`;
    const answer = (await this.post(BENCH_PATH.localDelivery, { device, command: bytesToHex(command) })) as Partial<BenchLocalDeliveryAnswer>;
    const { response, note } = answer;
    if (!(response === null || typeof response === 'string') || !(note === null || typeof note === 'string')) {
      throw new HttpBenchError(url, 200, `expected "response" (hex or null) and "note" (text or null), got ${JSON.stringify(answer).slice(0, 200)}`);
    }
    return { response: response === null ? null : hexToBytes(response, `the response from ${url}`), note };
  }

  private async post(path: BenchPath, body: object): Promise<unknown> {
    const answer = await benchCall(this.doFetch, `${this.baseUrl}${path}`, { method: 'POST', body });
    this.take(answer, `${this.baseUrl}${path}`);
    return answer;
  }

  /** Keeps the world time and next event every bench answer carries. */
  private take(answer: unknown, url: string): void {
    this.current = readNow(answer, url);
    this.nextDueAt = readNextDueAt(answer);
  }
}

async function benchCall(doFetch: typeof fetch, url: string, request: { method: 'GET' | 'POST'; body?: object }): Promise<unknown> {
  let response: Response;
  try {
    response = await doFetch(url, {
      method: request.method,
      ...(request.body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) } : {}),
    });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : '';
    throw new HttpBenchError(url, null, `unreachable: ${e instanceof Error ? e.message : String(e)}${cause}`);
  }
  const text = await response.text();
  if (response.status === 400) throw new RangeError(errorText(text));
  if (!response.ok) throw new HttpBenchError(url, response.status, errorText(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpBenchError(url, response.status, `expected JSON, got ${JSON.stringify(text.slice(0, 200))}`);
  }
}

/**
 * Connects to the bench at `benchUrl` (e.g. `http://127.0.0.1:8079/worlds/w1/bench`): reads its
 * capabilities and the world time, then drives it.
 */
/** An HTTP bench driver, with what a virtual-time wait over HTTP needs besides the BenchDriver. */
export interface HttpBenchDriverHandle extends BenchDriver {
  nextDueIn(): number | null;
  /** Re-reads the bench's time and next scheduled event. */
  refresh(): Promise<void>;
}

export async function createHttpBenchDriver(benchUrl: string, options: HttpBenchDriverOptions = {}): Promise<HttpBenchDriverHandle> {
  const base = new URL(benchUrl).toString().replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const url = `${base}${BENCH_PATH.capabilities}`;
  const body = (await benchCall(doFetch, url, { method: 'GET' })) as Partial<BenchCapabilitiesBody> | null;
  const claimed = body?.capabilities;
  if (!Array.isArray(claimed) || !claimed.every(isBenchCapability)) {
    throw new HttpBenchError(url, 200, `expected "capabilities" to list bench capabilities, got ${JSON.stringify(claimed)}`);
  }
  const name = typeof body?.name === 'string' && body.name.length > 0 ? body.name : 'http';
  return new HttpBenchDriver(base, name, new Set(claimed), readNow(body, url), doFetch, readNextDueAt(body));
}
