// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DUIS requests whose device response the DCC still awaits, keyed the way the response
 * frame names them: the device that answers (response originator), the command's originator
 * (response recipient: the user, or the ACB for CHF commands) and the command's originator
 * counter, which a GBCS response echoes. A response frame takes its request once.
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import type { RequestId } from '../../harness/protocol/duis/request-id.ts';

export interface PendingDeviceRequest {
  readonly requestId: RequestId;
  readonly srv: string;
  readonly useCase: string;
  /** The device the command went to. */
  readonly device: Eui64;
  /** Originator of the GBCS command (the user or the ACB). */
  readonly commandOriginator: Eui64;
  readonly commandCounter: bigint;
  /** Virtual time the command left the DCC. */
  readonly sentAt: number;
}

function keyOf(device: Eui64, commandOriginator: Eui64, counter: bigint): string {
  return `${device}/${commandOriginator}/${counter}`;
}

export class PendingDeviceRequests {
  private readonly pending = new Map<string, PendingDeviceRequest>();

  add(request: PendingDeviceRequest): void {
    this.pending.set(keyOf(request.device, request.commandOriginator, request.commandCounter), request);
  }

  /** Forgets a request whose command the device refused (no response will come). */
  drop(request: PendingDeviceRequest): void {
    this.pending.delete(keyOf(request.device, request.commandOriginator, request.commandCounter));
  }

  /** The request a response frame answers (responder, its recipient, the echoed counter), removed. */
  take(responder: Eui64, responseRecipient: Eui64, counter: bigint): PendingDeviceRequest | undefined {
    const key = keyOf(responder, responseRecipient, counter);
    const found = this.pending.get(key);
    if (found) this.pending.delete(key);
    return found;
  }

  get size(): number {
    return this.pending.size;
  }
}
