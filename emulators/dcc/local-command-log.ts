// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The emulated DCC's record of the commands it returned to users for local delivery (DUIS
 * command variants 2, 3, 6, 7), by RequestID, and of the device responses users returned for
 * them through SRV 8.13 Return Local Command Response.
 *
 * A returned response must be the response to the command returned under its
 * OriginalRequestID [P: the checks are the project's; DUIS's are not in the material at hand]:
 * - a command this DCC returned for local delivery, to the user now returning its response;
 * - a GBCS frame that decodes, a response (CRA 2) from that command's device to that command's
 *   originator, with the command's message code and echoing its originator counter [V: RTDS
 *   responses echo the command's counter — CS06_11.3_IMMEDIATE_SUCCESS_RESPONSE and the 8.13
 *   template's DeviceGBCSResponse both carry 1000, the RequestID counter of their command].
 * The DCC does not check the response's MAC (keyed for the user) or its signature [P]. A
 * response returned again for the same command is recorded again [P].
 */
import { duisEuiToHex, toDuisEui } from '../../harness/protocol/duis/eui.ts';
import { formatRequestId, type RequestId } from '../../harness/protocol/duis/request-id.ts';
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import type { Eui64, GbcsFrame } from '../../harness/protocol/gbcs/frame-types.ts';
import { formatMessageCode } from '../../harness/protocol/gbcs/message-codes.ts';
import type { PendingDeviceRequest } from './pending-device-requests.ts';

/** A command returned for local delivery: who asked, for which device, and the GBCS command's identity. */
export interface LocalCommand extends PendingDeviceRequest {
  readonly messageCode: number;
}

/** A device response a user returned (SRV 8.13), as the DCC recorded it. */
export interface ReturnedLocalResponse {
  readonly command: LocalCommand;
  readonly frame: GbcsFrame;
  readonly bytes: Uint8Array;
  /** Virtual time the DCC took it. */
  readonly at: number;
}

/** Why a returned response is refused, and which element of the 8.13 body is at fault. */
export type LocalResponseRefusal = { readonly ok: false; readonly element: 'OriginalRequestID' | 'DeviceGBCSResponse'; readonly detail: string };

export class LocalCommandLog {
  private readonly issued = new Map<string, LocalCommand>();
  private readonly returned: ReturnedLocalResponse[] = [];

  /** Records a command returned to its user for local delivery. */
  issue(command: LocalCommand): void {
    this.issued.set(formatRequestId(command.requestId), command);
  }

  /** The command returned under this RequestID, if any. */
  commandOf(requestId: RequestId): LocalCommand | undefined {
    return this.issued.get(formatRequestId(requestId));
  }

  /** Checks and records a device response `user` (16 hex digits) returns for the command of `original` (see the file header). */
  returnResponse(input: { readonly original: RequestId; readonly user: Eui64; readonly bytes: Uint8Array; readonly at: number }): { readonly ok: true; readonly recorded: ReturnedLocalResponse } | LocalResponseRefusal {
    const id = formatRequestId(input.original);
    const command = this.issued.get(id);
    if (!command) return { ok: false, element: 'OriginalRequestID', detail: `no command was returned for local delivery under ${id}` };
    if (duisEuiToHex(command.requestId.originator) !== input.user) {
      return { ok: false, element: 'OriginalRequestID', detail: `the command of ${id} was returned to ${command.requestId.originator}, not to ${toDuisEui(input.user)}` };
    }
    let frame: GbcsFrame;
    try {
      frame = decodeFrame(input.bytes);
    } catch (e) {
      return { ok: false, element: 'DeviceGBCSResponse', detail: `not a GBCS frame: ${(e as Error).message}` };
    }
    const wrong = [
      frame.cra !== 2 ? `CRA flag ${frame.cra}, not a response` : null,
      frame.originator !== command.device ? `from ${frame.originator}, not the command's device ${command.device}` : null,
      frame.recipient !== command.commandOriginator ? `to ${frame.recipient}, not the command's originator ${command.commandOriginator}` : null,
      frame.messageCode !== command.messageCode ? `message code ${formatMessageCode(frame.messageCode)}, not the command's ${formatMessageCode(command.messageCode)}` : null,
      frame.counter !== command.commandCounter ? `counter ${frame.counter}, not the command's ${command.commandCounter}` : null,
    ].filter((w): w is string => w !== null);
    if (wrong.length > 0) return { ok: false, element: 'DeviceGBCSResponse', detail: `not the response to the ${command.useCase} command of ${id}: ${wrong.join('; ')}` };
    const recorded: ReturnedLocalResponse = { command, frame, bytes: input.bytes, at: input.at };
    this.returned.push(recorded);
    return { ok: true, recorded };
  }

  /** Every response returned so far, in order. */
  responses(): readonly ReturnedLocalResponse[] {
    return [...this.returned];
  }
}
