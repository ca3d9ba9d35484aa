// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What the in-process and the HTTP transports share once their DCC is reachable: the receiver
 * whose `deliver(xml)` files straight into the inbox, `send` that POSTs the DUIS XML to base
 * URL + service path and returns the reply as received (refused once closed), awaitResponse on
 * the inbox, and an idempotent `close` that closes the inbox, then stops what the transport
 * runs (msw interception, the receiver's HTTP server).
 */
import { DUIS_CONTENT_TYPE, type DuisServicePath } from '../protocol/duis/http-binding.ts';
import type { DuisInbox } from './inbox.ts';
import type { DuisHttpReply, Transport, TransportKind } from './transport.ts';

export interface TransportParts {
  readonly kind: TransportKind;
  /** The transport as its errors name it: "the <name> DUIS transport is closed". */
  readonly name: string;
  /** Where DUIS requests go (no trailing slash needed). */
  readonly baseUrl: string;
  readonly inbox: DuisInbox;
  /** The URL the DCC delivers to over HTTP, or null when it calls `receiver.deliver` in process. */
  readonly receiverUrl: string | null;
  /** Sends one POST (fetch, or what wraps it). */
  post(url: string, init: RequestInit): Promise<Response>;
  /** Stops intercepting / listening; called once, by the first close(). */
  stop(): void | Promise<void>;
}

export function assembleTransport(parts: TransportParts): Transport {
  const { baseUrl, inbox } = parts;
  let closed = false;
  return {
    kind: parts.kind,
    baseUrl,
    receiver: {
      url: parts.receiverUrl,
      async deliver(xml: string): Promise<void> {
        inbox.accept(xml);
      },
    },
    inbox,
    async send(path: DuisServicePath, xml: string) {
      if (closed) throw new Error(`the ${parts.name} DUIS transport is closed`);
      const response = await parts.post(joinUrl(baseUrl, path), { method: 'POST', headers: { 'content-type': DUIS_CONTENT_TYPE }, body: xml });
      return toReply(response);
    },
    awaitResponse: (requestId, awaitOptions) => inbox.awaitResponse(requestId, awaitOptions),
    async close() {
      if (closed) return;
      closed = true;
      inbox.close();
      await parts.stop();
    },
  };
}

/** Joins a base URL and a DUIS path, tolerating a trailing slash on the base. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** Reads a fetch Response into a DuisHttpReply. */
export async function toReply(response: Response): Promise<DuisHttpReply> {
  return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') };
}
