// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What suites send DUIS through, hiding where it goes: msw handlers in process
 * (in-process-transport.ts), or real HTTP to a loopback emulator or a DCC Boxed lab
 * (http-transport.ts). The same suite runs on either.
 *
 * Two channels, as in DUIS:
 * - send(): the synchronous exchange. POST the request XML to /serviceS, /serviceT or
 *   /serviceD; the reply is the DCC's immediate answer (I99 ack, I0 pre-command or non-device
 *   result, E-code rejection) exactly as received: status and body, unparsed.
 * - inbox / awaitResponse(): the asynchronous channel. The DCC delivers device responses and
 *   alerts to `receiver` (a URL over HTTP, a direct call in process); they land in `inbox`.
 *   awaitResponse(requestId, { within }) resolves once the DCC has delivered the response, and
 *   the window passes through the transport's injected WaitFn: the virtual clock when emulated
 *   (deterministic, no wall time), a real timer in a lab.
 */
import type { DuisServicePath } from '../protocol/duis/http-binding.ts';
import type { DuisResponseMessage } from '../protocol/duis/message.ts';
import type { DuisReceiverEndpoint } from '../protocol/duis/receiver.ts';
import type { RequestId } from '../protocol/duis/request-id.ts';
import type { AwaitOptions, DuisInbox } from './inbox.ts';

export type TransportKind = 'in-process' | 'http';

/** The DCC's synchronous HTTP answer, as received. */
export interface DuisHttpReply {
  readonly status: number;
  readonly body: string;
  readonly contentType: string | null;
}

export interface Transport {
  readonly kind: TransportKind;
  /** Where DUIS requests go, e.g. http://dcc.emulated.invalid or http://127.0.0.1:8079. */
  readonly baseUrl: string;
  /** Hand this to the DCC: where it must deliver asynchronous responses and alerts. */
  readonly receiver: DuisReceiverEndpoint;
  readonly inbox: DuisInbox;
  send(path: DuisServicePath, xml: string): Promise<DuisHttpReply>;
  /** Shorthand for inbox.awaitResponse. */
  awaitResponse(requestId: RequestId, options: AwaitOptions): Promise<DuisResponseMessage>;
  /** Stops intercepting / listening; pending waits reject with InboxClosedError. Idempotent. */
  close(): Promise<void>;
}
