// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Non-device services (command variant 8, `/serviceD`) the emulated DCC answers itself, as
 * data: SRV → what the DCC checks in the body, what it changes in its inventory and what it
 * answers. Nothing reaches a device.
 *
 * | SRV    | name                                         | body element             | inventory (comms-hub-inventory.ts) |
 * | ------ | -------------------------------------------- | ------------------------ | ---------------------------------- |
 * | 8.14.1 | Communications Hub Status Update – Install Success | CHFInstallSuccessSMWAN   | the hub → installed          |
 * | 8.14.2 | … – Install No SM WAN                        | CHFInstallSuccessNoSMWAN | the hub → installed-no-sm-wan      |
 * | 8.14.3 | … – Fault Return                             | CHFFaultReturn           | the hub → returned-faulty          |
 * | 8.14.4 | … – No Fault Return                          | CHFNoFaultReturn         | the hub → returned-no-fault        |
 * | 11.1   | Update Firmware                              | UpdateFirmware           | — (the image goes to the comms hub) |
 * | 8.13   | Return Local Command Response                | ReturnLocalCommandResponse | — (local-command-log.ts records it) |
 *
 * 11.1 [P: DUIS's body and checks for 11.1 are not in the public material at hand;
 * firmware-request-bodies.ts]: the RequestID's target is the device to update (ESME, GSME, or the
 * CHF for the comms hub's own firmware; E19 when the DCC does not know it, E11 for a GPF — it runs
 * the hub's firmware), its comms hub must be in service (E5, as any request), and the body's
 * FirmwareVersion must be an image of the DCC's firmware catalogue for the device's model (the
 * hub's vendor for the CHF): else E9005 (provisional), saying whether the version is unknown or
 * another model's. Then the DCC hands the image to the comms hub (CS05-like distribution over
 * the WAN, no GBCS command) and answers I0; what follows are alerts — FDRA from the device to the
 * user, CCS08 from the CHF to the DCC, relayed to the user (emulators/firmware-distribution.ts).
 * Each answers I0 success when the body's DeviceID is a comms hub function the DCC knows (E19 if
 * not) whose status allows the update (E5 invalid device status if not); what the status means
 * for later device requests is the inventory's (a returned hub serves nothing: E5). The other
 * body elements (install type, MPxN, location, fault type and reason) are recorded by a real DCC
 * and not checked here, except that a present OtherDeviceID (8.14.3) must be an EUI-64 [P].
 * [P] I0 (not I99) as the project's brief for the emulated DCC says; DCC Boxed's code for a
 * non-device request with nothing to return is not in the material at hand. Other CV 8 SRVs
 * are answered E11 "not emulated" by emulated-dcc.ts.
 *
 * 8.13 [V: the RTDS template 8.13_RETURN_LOCAL_COMMAND_RESPONSE_CS06 — the RequestID targets the
 * DCC (the ACB's EUI), the body is `ReturnLocalCommandResponse { OriginalRequestID,
 * DeviceGBCSResponse }`, the response frame as base64; eligible roles IS, GS]: the user returns
 * the device's response to a command the DCC returned for local delivery (CV 2, 3, 6, 7), so the
 * DCC knows what the device did. The DCC checks it is the response to that command
 * (local-command-log.ts: E9001 with the reason if not), records it, and answers I99 — DUIS's
 * code for a successful non-device request with no data to return [V: response-codes.ts] —
 * with nothing for the receiver [P: what a real DCC does with the response beyond recording it
 * is not in the material at hand].
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { buildAcknowledgement, buildSuccess } from '../../harness/protocol/duis/build-response.ts';
import { isDuisError } from '../../harness/protocol/duis/duis-error.ts';
import { decodeGbcsPayload } from '../../harness/protocol/duis/gbcs-payload.ts';
import { parseRequestId, type RequestId } from '../../harness/protocol/duis/request-id.ts';
import { RESPONSE_CODE } from '../../harness/protocol/duis/response-codes.ts';
import type { DuisRequestMessage } from '../../harness/protocol/duis/message.ts';
import type { CatalogueDevice, FirmwareCatalogue, FirmwareImage } from '../../harness/programme/firmware-catalogue.ts';
import { duisEuiToHex } from '../../harness/protocol/duis/eui.ts';
import { isEui64, normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import type { CommsHubInventory, CommsHubStatusUpdate } from './comms-hub-inventory.ts';
import type { LocalCommandLog } from './local-command-log.ts';
import { RequestBodyError } from './request-body-error.ts';
import type { TransformContext } from './srv-transforms.ts';
import { updateFirmwareVersionFromBody } from './firmware-request-bodies.ts';

/** What SRV 11.1 needs: the DCC's firmware catalogue and the comms hub's side of an image's distribution. */
export interface FirmwareDistributionSide {
  readonly catalogue: FirmwareCatalogue;
  /** The device as the catalogue matches it (its model, the hub's vendor); undefined for a device the DCC does not know. */
  catalogueDevice(eui: Eui64): CatalogueDevice | undefined;
  /** Hands the image for `target` to its comms hub; a refusal says why. */
  distribute(target: Eui64, image: FirmwareImage, requester: Eui64): { readonly ok: true } | { readonly ok: false; readonly detail: string };
}

/** What a non-device service may look up and change: the DCC's inventory. */
export interface NonDeviceContext extends TransformContext {
  readonly commsHubs: CommsHubInventory;
  /** Firmware distribution (SRV 11.1); absent: the DCC distributes none. */
  readonly firmware?: FirmwareDistributionSide;
  /** The commands returned for local delivery (SRV 8.13); absent: the DCC returned none. */
  readonly localCommands?: LocalCommandLog;
}

export interface NonDeviceService {
  readonly srv: string;
  /** The code its answer carries. Default: I0. */
  readonly responseCode?: string;
  /** The answer XML; throws RequestBodyError when the body does not allow one. */
  answer(request: DuisRequestMessage, at: number, context: NonDeviceContext): string;
}

function text(n: XMLData[string] | undefined): string | null {
  if (typeof n === 'string') return n.trim();
  if (typeof n === 'object' && n !== null && !Array.isArray(n) && typeof n['#text'] === 'string') return n['#text'].trim();
  return null;
}

function child(body: XMLData, name: string): XMLData {
  const n = body[name];
  if (typeof n !== 'object' || n === null || Array.isArray(n)) throw new RequestBodyError('malformed', name, `expected the ${name} element with its children`);
  return n;
}

/** An 8.14 status update: the body's DeviceID names the hub's CHF, the inventory takes the update. */
function commsHubStatusUpdate(srv: CommsHubStatusUpdate, root: string, check?: (element: XMLData) => void): NonDeviceService {
  return {
    srv,
    answer(request, at, context) {
      const element = child(request.body, root);
      const id = text(element['DeviceID']);
      if (id === null || !isEui64(id)) throw new RequestBodyError('malformed', `${root}/DeviceID`, `expected the CHF's EUI-64, found ${JSON.stringify(id)}`);
      check?.(element);
      const chf = normalizeEui(id);
      if (context.deviceTypeOf(chf) !== 'CHF') {
        throw new RequestBodyError('unknown-device', `${root}/DeviceID`, `${chf} is no comms hub function in the DCC's inventory`);
      }
      const outcome = context.commsHubs.update(chf, srv);
      if (!outcome.ok) throw new RequestBodyError(outcome.reason === 'not-a-comms-hub' ? 'unknown-device' : 'invalid-device-status', `${root}/DeviceID`, outcome.detail);
      return buildSuccess({ requestId: request.requestId, srv: request.srv, at });
    },
  };
}

function otherDeviceIsEui(element: XMLData): void {
  if (element['OtherDeviceID'] === undefined) return;
  const other = text(element['OtherDeviceID']);
  if (other === null || !isEui64(other)) throw new RequestBodyError('malformed', 'CHFFaultReturn/OtherDeviceID', `expected an EUI-64, found ${JSON.stringify(other)}`);
}

/** SRV 11.1 Update Firmware (see the file header). */
const updateFirmware: NonDeviceService = {
  srv: '11.1',
  answer(request, at, context) {
    const version = updateFirmwareVersionFromBody(request.body);
    const firmware = context.firmware;
    if (!firmware) throw new RequestBodyError('not-emulated', 'UpdateFirmware', 'this DCC distributes no firmware (its premises takes none)');
    const target = duisEuiToHex(request.requestId.target);
    const type = context.deviceTypeOf(target);
    const device = firmware.catalogueDevice(target);
    if (type === undefined || device === undefined) throw new RequestBodyError('unknown-device', 'UpdateFirmware', `target ${request.requestId.target} is no device of the DCC's inventory it can update`);
    if (type === 'GPF') throw new RequestBodyError('not-emulated', 'UpdateFirmware', `the GPF ${target} runs the comms hub's firmware: SRV 11.1 goes to the CHF`);
    const refusal = context.commsHubs.refusalFor(target);
    if (refusal) throw new RequestBodyError('invalid-device-status', 'UpdateFirmware', refusal.detail);
    const found = firmware.catalogue.lookup(device, version);
    if (!found.ok) throw new RequestBodyError('firmware-not-in-catalogue', 'UpdateFirmware/FirmwareVersion', found.detail);
    const sent = firmware.distribute(target, found.image, duisEuiToHex(request.requestId.originator));
    if (!sent.ok) throw new RequestBodyError('not-emulated', 'UpdateFirmware', sent.detail);
    return buildSuccess({ requestId: request.requestId, srv: request.srv, at });
  },
};

/** A body element read with `read`; a DuisError it throws becomes an E9001 naming the element. */
function readElement<T>(element: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (isDuisError(e)) throw new RequestBodyError('malformed', element, e.message);
    throw e;
  }
}

/** SRV 8.13 Return Local Command Response (see the file header). */
const returnLocalCommandResponse: NonDeviceService = {
  srv: '8.13',
  responseCode: RESPONSE_CODE.acknowledged,
  answer(request, at, context) {
    const root = 'ReturnLocalCommandResponse';
    const element = child(request.body, root);
    const original: RequestId = readElement(`${root}/OriginalRequestID`, () => parseRequestId(text(element['OriginalRequestID']) ?? '', 'OriginalRequestID'));
    const bytes = readElement(`${root}/DeviceGBCSResponse`, () => decodeGbcsPayload(text(element['DeviceGBCSResponse']) ?? '', 'DeviceGBCSResponse'));
    const log = context.localCommands;
    if (!log) throw new RequestBodyError('malformed', `${root}/OriginalRequestID`, 'this DCC returned no command for local delivery');
    const outcome = log.returnResponse({ original, user: duisEuiToHex(request.requestId.originator), bytes, at });
    if (!outcome.ok) throw new RequestBodyError('malformed', `${root}/${outcome.element}`, outcome.detail);
    return buildAcknowledgement({ requestId: request.requestId, srv: request.srv, at });
  },
};

export const NON_DEVICE_SERVICES: readonly NonDeviceService[] = [
  commsHubStatusUpdate('8.14.1', 'CHFInstallSuccessSMWAN'),
  commsHubStatusUpdate('8.14.2', 'CHFInstallSuccessNoSMWAN'),
  commsHubStatusUpdate('8.14.3', 'CHFFaultReturn', otherDeviceIsEui),
  commsHubStatusUpdate('8.14.4', 'CHFNoFaultReturn'),
  updateFirmware,
  returnLocalCommandResponse,
];

export function findNonDeviceService(srv: string): NonDeviceService | undefined {
  return NON_DEVICE_SERVICES.find((s) => s.srv === srv);
}
