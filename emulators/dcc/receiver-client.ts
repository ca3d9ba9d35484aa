// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DCC side of asynchronous delivery over HTTP: POSTs a DUIS response or alert
 * (application/xml) to the user's receiver URL, as DCC Boxed does. The receiver answers 204
 * when it took the message and 400 when it could not [V: DOMAIN.md]; any non-2xx status
 * rejects with a ReceiverRejectedError carrying the status and the receiver's explanation, and
 * an unreachable receiver rejects with the URL in the message.
 *
 * When the DCC runs in process, the transport's own DuisReceiver is handed to the DCC instead;
 * both are DuisReceivers, so the DCC logic does not know which it has.
 */
import { DUIS_CONTENT_TYPE } from '../../harness/protocol/duis/http-binding.ts';
import type { DuisReceiverEndpoint } from '../../harness/protocol/duis/receiver.ts';

export class ReceiverRejectedError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly responseText: string,
  ) {
    super(`the receiver ${url} refused the DUIS message with HTTP ${status}${responseText ? `: ${responseText.trim().slice(0, 200)}` : ''}`);
    this.name = 'ReceiverRejectedError';
  }
}

export interface ReceiverClientOptions {
  readonly url: string;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

export function createReceiverClient(options: ReceiverClientOptions): DuisReceiverEndpoint {
  const url = new URL(options.url).toString();
  const doFetch = options.fetch ?? fetch;
  return {
    url,
    async deliver(xml: string): Promise<void> {
      let response: Response;
      try {
        response = await doFetch(url, { method: 'POST', headers: { 'content-type': DUIS_CONTENT_TYPE }, body: xml });
      } catch (e) {
        const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : '';
        throw new Error(`could not deliver a DUIS message to the receiver ${url}: ${e instanceof Error ? e.message : String(e)}${cause}`);
      }
      const text = await response.text();
      if (!response.ok) throw new ReceiverRejectedError(url, response.status, text);
    },
  };
}
