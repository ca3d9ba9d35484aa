// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What the DCC tells a Service User when the comms hub reports that it could not deliver a
 * command to the sleepy GSME (emulators/comms-hub/sleepy-relay.ts): the request the command came
 * from is answered asynchronously, on the receiver, with an error response — RequestID echoed,
 * the E-code, the SRV, and the reason in an XML comment (dcc-answer.ts) — in place of the device
 * response that will never come [P: the mapping is the project's; DOMAIN.md asks for one]:
 *
 * | CHF status       | E-code | DUIS meaning |
 * | ---------------- | ------ | ------------ |
 * | too-many-pending | E20    | Unable to Communicate with Device |
 * | no-mirror        | E20    | Unable to Communicate with Device |
 * | send-timeout     | E21    | No Response Received from Device |
 *
 * A report that answers no pending request is traced as unrelayable; a receiver that refuses is
 * traced, never thrown into the clock.
 */
import type { DuisReceiver } from '../../harness/protocol/duis/receiver.ts';
import { formatRequestId } from '../../harness/protocol/duis/request-id.ts';
import { RESPONSE_CODE } from '../../harness/protocol/duis/response-codes.ts';
import type { DeliveryFailure, DeliveryFailureStatus } from '../device-message.ts';
import { rejectionXml } from './dcc-answer.ts';
import type { DccTrace } from './dcc-trace.ts';
import type { PendingDeviceRequests } from './pending-device-requests.ts';

/** The E-code a DUIS user sees for each CHF delivery failure (see the file header). */
export const DELIVERY_FAILURE_CODE: Readonly<Record<DeliveryFailureStatus, string>> = {
  'too-many-pending': RESPONSE_CODE.cannotCommunicate,
  'no-mirror': RESPONSE_CODE.cannotCommunicate,
  'send-timeout': RESPONSE_CODE.noResponseFromDevice,
};

export interface DeliveryFailureRelayOptions {
  readonly now: () => number;
  readonly receiver: DuisReceiver;
  readonly pending: PendingDeviceRequests;
  readonly trace: DccTrace;
}

export class DeliveryFailureRelay {
  constructor(private readonly options: DeliveryFailureRelayOptions) {}

  /** A DeliveryFailureListener: the error response for the request. Never throws. */
  readonly relay = async (failure: DeliveryFailure): Promise<void> => {
    const { now, receiver, pending, trace } = this.options;
    const request = pending.take(failure.device, failure.commandOriginator, failure.commandCounter);
    if (!request) {
      trace.record({ at: now(), event: 'unrelayable', useCase: failure.useCase, detail: `a ${failure.status} report for ${failure.useCase} ${failure.commandCounter} to ${failure.device} answers no pending request` });
      return;
    }
    const responseCode = DELIVERY_FAILURE_CODE[failure.status];
    const reason = `the comms hub could not deliver ${failure.useCase} to ${failure.device} (${failure.status}): ${failure.detail}`;
    const xml = rejectionXml({ requestId: request.requestId, srv: request.srv, responseCode, reason, at: now() });
    const about = { id: formatRequestId(request.requestId), srv: request.srv, useCase: failure.useCase, responseCode };
    try {
      await receiver.deliver(xml);
      trace.record({ at: now(), event: 'relayed', ...about, detail: `${responseCode} for the request: ${reason}` });
    } catch (e) {
      trace.record({ at: now(), event: 'delivery-failed', ...about, detail: `${responseCode}: ${reason}: ${(e as Error).message}` });
    }
  };
}
