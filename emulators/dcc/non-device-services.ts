// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Non-device services (command variant 8, `/serviceD`) the emulated DCC answers itself, as
 * data: SRV → what the DCC checks in the body and what it answers. Nothing reaches a device.
 *
 * | SRV    | name                                    | answer                                    |
 * | ------ | --------------------------------------- | ----------------------------------------- |
 * | 8.14.1 | Communications Hub Status Update –      | I0 success, when the body's DeviceID is a |
 * |        | Install Success                         | comms hub function the DCC knows (E19 if not) |
 *
 * [P] I0 (not I99) as the project's brief for the emulated DCC says; DCC Boxed's code for a
 * non-device request with nothing to return is not in the material at hand. Other CV 8 SRVs
 * (11.1 Update Firmware next) are answered E11 "not emulated" by emulated-dcc.ts.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { buildSuccess } from '../../harness/protocol/duis/build-response.ts';
import type { DuisRequestMessage } from '../../harness/protocol/duis/message.ts';
import { isEui64, normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import { RequestBodyError } from './request-body-error.ts';
import type { TransformContext } from './srv-transforms.ts';

export interface NonDeviceService {
  readonly srv: string;
  /** The answer XML; throws RequestBodyError when the body does not allow one. */
  answer(request: DuisRequestMessage, at: number, context: TransformContext): string;
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

const chInstallSuccess: NonDeviceService = {
  srv: '8.14.1',
  answer(request, at, context) {
    const root = 'CHFInstallSuccessSMWAN';
    const install = child(request.body, root);
    const id = text(install['DeviceID']);
    if (id === null || !isEui64(id)) throw new RequestBodyError('malformed', `${root}/DeviceID`, `expected the CHF's EUI-64, found ${JSON.stringify(id)}`);
    if (context.deviceTypeOf(normalizeEui(id)) !== 'CHF') {
      throw new RequestBodyError('unknown-device', `${root}/DeviceID`, `${normalizeEui(id)} is no comms hub function in the DCC's inventory`);
    }
    return buildSuccess({ requestId: request.requestId, srv: request.srv, at });
  },
};

export const NON_DEVICE_SERVICES: readonly NonDeviceService[] = [chInstallSuccess];

export function findNonDeviceService(srv: string): NonDeviceService | undefined {
  return NON_DEVICE_SERVICES.find((s) => s.srv === srv);
}
