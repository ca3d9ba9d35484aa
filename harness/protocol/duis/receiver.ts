// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Where the DCC delivers asynchronous DUIS messages (device responses, alerts): the "receiver
 * URL" of DCC Boxed, as an interface. Over HTTP the DCC POSTs to a URL (see
 * emulators/dcc/receiver-client.ts); in process it calls `deliver` directly. Either way the
 * DCC holds a DuisReceiver and does not know which.
 *
 * `deliver` resolves once the message is taken and rejects when the receiver refuses it (an
 * HTTP receiver answers 400; an in-process one throws the DuisError).
 */
export interface DuisReceiver {
  deliver(xml: string): Promise<void>;
}

/** A receiver that can be reached over HTTP also tells its URL (to configure a DCC with). */
export interface DuisReceiverEndpoint extends DuisReceiver {
  /** The receiver URL, or null when it is reachable only in process. */
  readonly url: string | null;
}
