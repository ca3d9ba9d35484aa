// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What an SRV 8.13 Return Local Command Response template is about, for the `dit duis send
 * --all` sweep: its body carries a device's response (DeviceGBCSResponse) to a command returned
 * for local delivery under OriginalRequestID [V: the RTDS template
 * 8.13_RETURN_LOCAL_COMMAND_RESPONSE_CS06 — a CS06 response of the ESME, signed, to the request
 * supplier:ESME:1000]. No emulated DCC issued that request, so the sweep makes the exchange
 * behind it for real: a template of the same use case to the same device, sent for local
 * delivery, whose device response is then returned with 8.13.
 *
 * `returnedResponseOf` reads the use case (from the response frame's message code) and the
 * device (the OriginalRequestID's target); `preparationTemplateFor` picks, among the templates
 * of that use case to that device the sweep can send, one that acts at once (an IMMEDIATE
 * variant first: a local command is handed over now), else the first by key.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { duisEuiToHex } from '../protocol/duis/eui.ts';
import { decodeGbcsPayload } from '../protocol/duis/gbcs-payload.ts';
import { parseRequestId } from '../protocol/duis/request-id.ts';
import type { DuisTemplate, TemplateCatalogue } from '../protocol/duis/templates.ts';
import { decodeFrame } from '../protocol/gbcs/frame.ts';
import type { Eui64 } from '../protocol/gbcs/frame-types.ts';
import { messageCodeInfo } from '../protocol/gbcs/message-codes.ts';

/** The SRV of Return Local Command Response. */
export const RETURN_LOCAL_COMMAND_RESPONSE_SRV = '8.13';

export interface ReturnedResponse {
  /** GBCS use case of the returned response, e.g. CS06. */
  readonly useCase: string;
  /** The device that gave it: the original request's target, 16 hex digits. */
  readonly device: Eui64;
}

function textOf(node: XMLData[string] | undefined): string | null {
  if (typeof node === 'string') return node.trim();
  if (node && typeof node === 'object' && !Array.isArray(node) && typeof node['#text'] === 'string') return node['#text'].trim();
  return null;
}

/** What an 8.13 template's body returns; a string saying why when it cannot be read. */
export function returnedResponseOf(template: DuisTemplate): ReturnedResponse | string {
  const root = template.request.body['ReturnLocalCommandResponse'];
  if (!root || typeof root !== 'object' || Array.isArray(root)) return 'its body has no ReturnLocalCommandResponse';
  try {
    const original = parseRequestId(textOf(root['OriginalRequestID']) ?? '', 'OriginalRequestID');
    const frame = decodeFrame(decodeGbcsPayload(textOf(root['DeviceGBCSResponse']) ?? '', 'DeviceGBCSResponse'));
    const useCase = messageCodeInfo(frame.messageCode)?.useCase;
    if (!useCase) return `its DeviceGBCSResponse has message code 0x${frame.messageCode.toString(16).padStart(4, '0')}, of no known use case`;
    return { useCase, device: duisEuiToHex(original.target).toUpperCase() };
  } catch (e) {
    return `its body does not read: ${(e as Error).message}`;
  }
}

/** A template of the returned response's use case to its device that `sendable` accepts, or undefined. */
export function preparationTemplateFor(returned: ReturnedResponse, catalogue: TemplateCatalogue, sendable: (t: DuisTemplate) => boolean): DuisTemplate | undefined {
  const candidates = catalogue
    .keys()
    .map((k) => catalogue.get(k))
    .filter((t) => t.useCase?.toLowerCase() === returned.useCase.toLowerCase() && duisEuiToHex(t.request.header.requestId.targetId).toUpperCase() === returned.device && sendable(t));
  return candidates.find((t) => t.variant?.split('_').includes('IMMEDIATE')) ?? candidates[0];
}
