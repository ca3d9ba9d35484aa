// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DCC's side of what a premises sends back: each device message (a sealed GBCS response or
 * alert frame) becomes DUIS and goes to the Service User's receiver [V: DCC Boxed; build-response.ts]:
 *
 * - a response answers the pending request it echoes (responder, recipient, counter):
 *   RequestID user:device:counter (the request's), ResponseID device:user:counter, I0, the frame
 *   as GBCSPayload — also when the frame is addressed to the ACB (CHF commands), whose
 *   response the DCC passes on to the user who asked;
 * - an alert becomes a DUIS device alert: ResponseID device:user:alert-counter, AlertCode (four
 *   hex digits), the frame as GBCSPayload. It goes to the user the frame names when that is a
 *   registered user, else (alerts to the ACB, such as the CHF's CS14 0x8F12) to the premises'
 *   alert recipient [P: one responsible supplier per premises; the DCC's real routing by
 *   device ownership is not modelled].
 *
 * The DUIS date-time is the virtual clock's. A response with no pending request is dropped
 * (a real DCC would not forward it either) and traced; a receiver that refuses is traced, never
 * thrown into the clock: the premises carries on.
 */
import { buildDeviceAlert, buildDeviceResponse } from '../../harness/protocol/duis/build-response.ts';
import { formatRequestId, swapRequestId } from '../../harness/protocol/duis/request-id.ts';
import type { DuisReceiver } from '../../harness/protocol/duis/receiver.ts';
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import type { Eui64, GbcsFrame } from '../../harness/protocol/gbcs/frame-types.ts';
import { bytesToHex } from '../../harness/protocol/gbcs/hex.ts';
import { alertCodeOf } from '../../harness/protocol/gbcs/payload/registry.ts';
import type { DeviceMessageInfo } from '../device-message.ts';
import type { DccTrace } from './dcc-trace.ts';
import type { DccUserRegistry } from './dcc-users.ts';
import type { PendingDeviceRequests } from './pending-device-requests.ts';

export interface DeviceMessageRelayOptions {
  readonly now: () => number;
  readonly receiver: DuisReceiver;
  readonly pending: PendingDeviceRequests;
  readonly users: DccUserRegistry;
  /** Who receives alerts not addressed to a registered user. */
  readonly alertRecipient: Eui64;
  readonly trace: DccTrace;
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

export class DeviceMessageRelay {
  constructor(private readonly options: DeviceMessageRelayOptions) {}

  /** A DeviceMessageListener: relay one device message. Never throws. */
  readonly relay = async (bytes: Uint8Array, info: DeviceMessageInfo): Promise<void> => {
    const { trace, now } = this.options;
    let frame: GbcsFrame;
    try {
      frame = decodeFrame(bytes);
    } catch (e) {
      trace.record({ at: now(), event: 'unrelayable', useCase: info.useCase, detail: `undecodable ${info.kind} frame: ${(e as Error).message}`, gbcs: bytesToHex(bytes) });
      return;
    }
    if (frame.cra === 3 || info.kind === 'alert') await this.relayAlert(bytes, frame, info);
    else await this.relayResponse(bytes, frame, info);
  };

  private async relayResponse(bytes: Uint8Array, frame: GbcsFrame, info: DeviceMessageInfo): Promise<void> {
    const { trace, now, pending } = this.options;
    const request = pending.take(frame.originator, frame.recipient, frame.counter);
    if (!request) {
      trace.record({
        at: now(),
        event: 'unrelayable',
        useCase: info.useCase,
        detail: `a ${info.useCase} response from ${frame.originator} to ${frame.recipient} with counter ${frame.counter} answers no pending request`,
        gbcs: bytesToHex(bytes),
      });
      return;
    }
    const xml = buildDeviceResponse({
      requestId: request.requestId,
      responseId: swapRequestId(request.requestId),
      srv: request.srv,
      at: now(),
      gbcsPayload: bytes,
    });
    await this.deliver(xml, {
      id: formatRequestId(request.requestId),
      srv: request.srv,
      useCase: info.useCase,
      detail: `${info.useCase} response from ${frame.originator}, ${now() - request.sentAt} ms after the command`,
      gbcs: bytesToHex(bytes),
    });
  }

  private async relayAlert(bytes: Uint8Array, frame: GbcsFrame, info: DeviceMessageInfo): Promise<void> {
    const { trace, now, users, alertRecipient } = this.options;
    const code = info.alertCode ?? alertCodeOf(frame.payload);
    if (code === undefined) {
      trace.record({ at: now(), event: 'unrelayable', useCase: info.useCase, detail: `an alert from ${frame.originator} carries no alert code the DCC can read`, gbcs: bytesToHex(bytes) });
      return;
    }
    const recipient = users.has(frame.recipient) ? frame.recipient : alertRecipient;
    const alertCode = hex4(code);
    const xml = buildDeviceAlert({ device: frame.originator, recipient, counter: frame.counter, alertCode, gbcsPayload: bytes, at: now() });
    await this.deliver(xml, {
      id: `${frame.originator}:${recipient}:${frame.counter}`,
      useCase: info.useCase,
      detail: `alert ${alertCode} (${info.useCase}) from ${frame.originator} to ${recipient}`,
      gbcs: bytesToHex(bytes),
    });
  }

  private async deliver(xml: string, about: { id: string; srv?: string; useCase: string; detail: string; gbcs: string }): Promise<void> {
    const { trace, now, receiver } = this.options;
    try {
      await receiver.deliver(xml);
      trace.record({ at: now(), event: 'relayed', responseCode: 'I0', ...about });
    } catch (e) {
      trace.record({ at: now(), event: 'delivery-failed', ...about, detail: `${about.detail}: ${(e as Error).message}` });
    }
  }
}
