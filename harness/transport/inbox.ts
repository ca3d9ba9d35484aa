// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The user's inbox of asynchronous DUIS messages (device responses, E-code outcomes, device and
 * DCC alerts) as the DCC delivers them, whichever transport carried them.
 *
 * - accept(xml) parses and files a message; unparsable XML is a DuisError (an HTTP receiver
 *   turns it into 400) and is not filed.
 * - next(match, { within }) waits for the first message not yet taken that matches; waiting is
 *   the injected WaitFn (virtual time when emulated), and it times out with a
 *   ResponseTimeoutError naming what was awaited and what arrived instead.
 * - Each message is taken once (a future-dated request's two responses are two takes);
 *   `received` keeps every message for the trace.
 */
import type { DuisDccAlertMessage, DuisDeviceAlertMessage, DuisResponseMessage, DuisUserMessage } from '../protocol/duis/message.ts';
import { parseDuisUserMessage } from '../protocol/duis/parse.ts';
import { formatRequestId, sameRequestId, type RequestId } from '../protocol/duis/request-id.ts';
import { sameEui } from '../protocol/duis/eui.ts';
import type { WaitFn } from './wait.ts';

export interface InboxEntry {
  /** Arrival order, from 1. */
  readonly seq: number;
  readonly xml: string;
  readonly message: DuisUserMessage;
}

export interface AwaitOptions {
  /** The response window, in milliseconds of the time in use (virtual or real). */
  readonly within: number;
}

export class ResponseTimeoutError extends Error {
  constructor(
    readonly awaited: string,
    readonly within: number,
    readonly untaken: readonly DuisUserMessage[],
  ) {
    super(
      `no DUIS ${awaited} within ${within} ms` +
        (untaken.length === 0 ? '; nothing else arrived' : `; untaken messages: ${untaken.map(describeMessage).join('; ')}`),
    );
    this.name = 'ResponseTimeoutError';
  }
}

export class InboxClosedError extends Error {
  constructor(readonly awaited: string) {
    super(`the transport closed while waiting for a DUIS ${awaited}`);
    this.name = 'InboxClosedError';
  }
}

/** One line per message for timeouts and traces. */
export function describeMessage(m: DuisUserMessage): string {
  const id = m.requestId ? formatRequestId(m.requestId) : m.responseId ? `response ${formatRequestId(m.responseId)}` : 'no id';
  return `${m.kind} ${m.responseCode}${m.alertCode ? ` ${m.alertCode}` : ''}${m.srv ? ` SRV ${m.srv}` : ''} (${id})`;
}

interface Waiter {
  readonly match: (m: DuisUserMessage) => boolean;
  readonly resolve: (m: DuisUserMessage) => void;
  readonly reject: (e: Error) => void;
  readonly awaited: string;
  readonly abort: AbortController;
}

export type InboxListener = (entry: InboxEntry) => void;

export interface AlertFilter {
  readonly kind?: 'device-alert' | 'dcc-alert';
  /** Alert code, e.g. 8F12 or AD1 (case-insensitive). */
  readonly alertCode?: string;
  /** Originator EUI in the ResponseID (the alerting device). */
  readonly from?: string;
}

export class DuisInbox {
  private readonly entries: InboxEntry[] = [];
  private readonly untakenSeqs: number[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly listeners = new Set<InboxListener>();
  private closed = false;

  constructor(private readonly wait: WaitFn) {}

  /** Every message received, in arrival order (taken or not). */
  get received(): readonly InboxEntry[] {
    return this.entries;
  }

  /** Messages not yet taken by a wait, in arrival order. */
  get untaken(): readonly DuisUserMessage[] {
    return this.untakenSeqs.map((s) => this.entries[s - 1]!.message);
  }

  /** Called for each accepted message (e.g. to record the trace); returns an unsubscribe. */
  subscribe(listener: InboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Parses and files a message from the DCC; a DuisError when it is not a DUIS response/alert. */
  accept(xml: string): DuisUserMessage {
    if (this.closed) throw new Error('the inbox is closed');
    const message = parseDuisUserMessage(xml);
    const entry: InboxEntry = { seq: this.entries.length + 1, xml, message };
    this.entries.push(entry);
    for (const l of this.listeners) l(entry);
    const w = this.waiters.findIndex((x) => x.match(message));
    if (w >= 0) {
      const [waiter] = this.waiters.splice(w, 1);
      waiter!.abort.abort();
      waiter!.resolve(message);
    } else {
      this.untakenSeqs.push(entry.seq);
    }
    return message;
  }

  /** Takes the first untaken message matching, without waiting. */
  take(match: (m: DuisUserMessage) => boolean): DuisUserMessage | undefined {
    const i = this.untakenSeqs.findIndex((s) => match(this.entries[s - 1]!.message));
    if (i < 0) return undefined;
    const [seq] = this.untakenSeqs.splice(i, 1);
    return this.entries[seq! - 1]!.message;
  }

  /** Waits (through the injected WaitFn) for the first untaken message matching. */
  async next(match: (m: DuisUserMessage) => boolean, options: AwaitOptions & { readonly awaited?: string }): Promise<DuisUserMessage> {
    const awaited = options.awaited ?? 'message';
    if (!(options.within >= 0)) throw new Error(`a response window must be >= 0 ms, got ${options.within}`);
    const ready = this.take(match);
    if (ready) return ready;
    if (this.closed) throw new InboxClosedError(awaited);
    const abort = new AbortController();
    let settled = false;
    const arrived = new Promise<DuisUserMessage>((resolve, reject) => {
      this.waiters.push({
        match,
        awaited,
        abort,
        resolve: (m) => {
          settled = true;
          resolve(m);
        },
        reject: (e) => {
          settled = true;
          reject(e);
        },
      });
    });
    const waited = this.wait(options.within, abort.signal).then(
      () => {
        if (settled) return;
        this.dropWaiter(abort);
        throw new ResponseTimeoutError(awaited, options.within, this.untaken);
      },
      (e: unknown) => {
        this.dropWaiter(abort);
        throw e;
      },
    );
    // The message may arrive while the wait is still moving time (a virtual clock delivers it
    // from inside an event); the wait stops at once when aborted, and only then does the caller
    // continue, so it never acts on a clock that is still running events.
    arrived.catch(() => undefined);
    return waited.then(() => arrived);
  }

  /** Waits for the response (I0/E-code outcome, not the I99 ack) to a request. */
  async awaitResponse(requestId: RequestId, options: AwaitOptions): Promise<DuisResponseMessage> {
    const m = await this.next(
      (x) => (x.kind === 'response' || x.kind === 'error') && x.requestId !== null && sameRequestId(x.requestId, requestId),
      { ...options, awaited: `response to ${formatRequestId(requestId)}` },
    );
    return m as DuisResponseMessage;
  }

  /** Waits for a device or DCC alert matching the filter. */
  async awaitAlert(filter: AlertFilter, options: AwaitOptions): Promise<DuisDeviceAlertMessage | DuisDccAlertMessage> {
    const parts = [filter.kind ?? 'alert', filter.alertCode, filter.from ? `from ${filter.from}` : undefined].filter(Boolean);
    const m = await this.next(
      (x) =>
        (x.kind === 'device-alert' || x.kind === 'dcc-alert') &&
        (filter.kind === undefined || x.kind === filter.kind) &&
        (filter.alertCode === undefined || x.alertCode?.toUpperCase() === filter.alertCode.toUpperCase()) &&
        (filter.from === undefined || (x.responseId !== null && sameEui(x.responseId.originator, filter.from))),
      { ...options, awaited: parts.join(' ') },
    );
    return m as DuisDeviceAlertMessage | DuisDccAlertMessage;
  }

  /** Rejects every pending wait with InboxClosedError; later accepts throw. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.waiters.splice(0)) {
      w.abort.abort();
      w.reject(new InboxClosedError(w.awaited));
    }
  }

  private dropWaiter(abort: AbortController): void {
    const i = this.waiters.findIndex((w) => w.abort === abort);
    if (i >= 0) this.waiters.splice(i, 1);
  }
}
