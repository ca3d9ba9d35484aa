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
 *
 * Each answers I0 success when the body's DeviceID is a comms hub function the DCC knows (E19 if
 * not) whose status allows the update (E5 invalid device status if not); what the status means
 * for later device requests is the inventory's (a returned hub serves nothing: E5). The other
 * body elements (install type, MPxN, location, fault type and reason) are recorded by a real DCC
 * and not checked here, except that a present OtherDeviceID (8.14.3) must be an EUI-64 [P].
 * [P] I0 (not I99) as the project's brief for the emulated DCC says; DCC Boxed's code for a
 * non-device request with nothing to return is not in the material at hand. Other CV 8 SRVs
 * (11.1 Update Firmware next) are answered E11 "not emulated" by emulated-dcc.ts.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { buildSuccess } from '../../harness/protocol/duis/build-response.ts';
import type { DuisRequestMessage } from '../../harness/protocol/duis/message.ts';
import { isEui64, normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import type { CommsHubInventory, CommsHubStatusUpdate } from './comms-hub-inventory.ts';
import { RequestBodyError } from './request-body-error.ts';
import type { TransformContext } from './srv-transforms.ts';

/** What a non-device service may look up and change: the DCC's inventory. */
export interface NonDeviceContext extends TransformContext {
  readonly commsHubs: CommsHubInventory;
}

export interface NonDeviceService {
  readonly srv: string;
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

export const NON_DEVICE_SERVICES: readonly NonDeviceService[] = [
  commsHubStatusUpdate('8.14.1', 'CHFInstallSuccessSMWAN'),
  commsHubStatusUpdate('8.14.2', 'CHFInstallSuccessNoSMWAN'),
  commsHubStatusUpdate('8.14.3', 'CHFFaultReturn', otherDeviceIsEui),
  commsHubStatusUpdate('8.14.4', 'CHFNoFaultReturn'),
];

export function findNonDeviceService(srv: string): NonDeviceService | undefined {
  return NON_DEVICE_SERVICES.find((s) => s.srv === srv);
}
