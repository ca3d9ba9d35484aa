// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * SRV 8.11 Update HAN Device Log, as the DCC reads it to build CCS01 (Add Device to CHF device
 * log) [V: RTDS template CCS01_8.11 and RTDS CCS01_8.11_SUCCESS_COMMAND]:
 *
 *   <UpdateHANDeviceLog>
 *     <DeviceID>00-DB-12-34-56-78-90-A0</DeviceID>       the device to add
 *     <RequestType>Add</RequestType>                      Add → CCS01; Remove → CCS02
 *     <AddDeviceToCHFWhitelist>
 *       <JoinTimePeriod>90</JoinTimePeriod>               → CCS01 join timeout (copied: RTDS 90 → 0x005A)
 *       <InstallCode>30313233…46</InstallCode>            16 bytes as hex → CCS01 install code
 *       …MPxNs…                                            not carried to the device
 *
 * CCS02 (RTDS template CCS02_8.11): the same element with RequestType Remove and no
 * AddDeviceToCHFWhitelist; the DeviceID is the device to remove (CCS02 device id).
 *
 * The device type of the register-device structure comes from the DCC's inventory, as the
 * DCC knows each device's type from its SMI record: RTDS adds the ESME with 1. [P] The other
 * values are the project's (the GBCS enumeration is not in the material at hand); the emulated
 * CHF reads them back with the same table.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { isEui64, normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import type { Ccs01Command } from '../../harness/protocol/gbcs/payload/use-cases/ccs01.ts';
import type { Ccs02Command } from '../../harness/protocol/gbcs/payload/use-cases/ccs02.ts';
import type { DeviceType } from '../device.ts';
import { RequestBodyError } from './request-body-error.ts';
import type { TransformContext } from './srv-transforms.ts';

/** CCS01 device type enum by device type: ESME 1 [V: RTDS]; the rest [P]. */
export const CCS01_DEVICE_TYPE_CODE: Readonly<Record<DeviceType, number>> = {
  GSME: 0,
  ESME: 1,
  CHF: 2,
  GPF: 3,
};

/** CCS01 register-device fourth element: 0 as in RTDS [V], meaning not stated there. */
const REGISTRATION_OPTION = 0;

/** RTDS enables joining with the whitelist entry [V]. */
const ENABLE_JOINING = true;

type Node = XMLData[string] | undefined;

function tree(n: Node): XMLData | null {
  return typeof n === 'object' && n !== null && !Array.isArray(n) ? n : null;
}

function text(n: Node): string | null {
  if (typeof n === 'string') return n.trim();
  const t = tree(n);
  return t && typeof t['#text'] === 'string' ? t['#text'].trim() : null;
}

function required(parent: XMLData, name: string, path: string): string {
  const value = text(parent[name]);
  if (value === null || value.length === 0) {
    throw new RequestBodyError('malformed', `${path}/${name}`, `expected a value, found ${parent[name] === undefined ? 'no such element' : 'none'}`);
  }
  return value;
}

const ROOT = 'UpdateHANDeviceLog';

/** The RequestType of an 8.11 body (Add → CCS01, Remove → CCS02), or null when there is none. */
export function updateHanDeviceLogRequestType(body: XMLData): string | null {
  const update = tree(body[ROOT]);
  return update ? text(update['RequestType']) : null;
}

function updateElement(body: XMLData, expectedType: 'Add' | 'Remove'): { update: XMLData; deviceId: string } {
  const root = ROOT;
  const update = tree(body[root]);
  if (!update) throw new RequestBodyError('malformed', root, 'expected the UpdateHANDeviceLog element with its children');
  const deviceText = required(update, 'DeviceID', root);
  if (!isEui64(deviceText)) throw new RequestBodyError('malformed', `${root}/DeviceID`, `expected an EUI-64, found ${JSON.stringify(deviceText)}`);
  const requestType = required(update, 'RequestType', root);
  if (requestType !== expectedType) {
    throw new RequestBodyError('malformed', `${root}/RequestType`, `expected Add (CCS01) or Remove (CCS02), found ${JSON.stringify(requestType)}`);
  }
  return { update, deviceId: normalizeEui(deviceText) };
}

export function ccs02CommandFromBody(body: XMLData): Ccs02Command {
  return { deviceId: updateElement(body, 'Remove').deviceId };
}

export function ccs01CommandFromBody(body: XMLData, context: TransformContext): Ccs01Command {
  const root = ROOT;
  const { update, deviceId } = updateElement(body, 'Add');
  const addPath = `${root}/AddDeviceToCHFWhitelist`;
  const add = tree(update['AddDeviceToCHFWhitelist']);
  if (!add) throw new RequestBodyError('malformed', addPath, 'expected AddDeviceToCHFWhitelist with JoinTimePeriod and InstallCode');
  const join = required(add, 'JoinTimePeriod', addPath);
  const joinTimeout = /^[0-9]{1,5}$/.test(join) ? Number(join) : NaN;
  if (!(joinTimeout >= 0 && joinTimeout <= 0xffff)) {
    throw new RequestBodyError('malformed', `${addPath}/JoinTimePeriod`, `expected a whole number 0..65535, found ${JSON.stringify(join)}`);
  }
  const code = required(add, 'InstallCode', addPath);
  if (!/^[0-9A-Fa-f]{32}$/.test(code)) {
    throw new RequestBodyError('malformed', `${addPath}/InstallCode`, `expected 16 bytes as 32 hex digits, found ${JSON.stringify(code)}`);
  }
  const deviceType = context.deviceTypeOf(deviceId);
  if (deviceType === undefined) {
    throw new RequestBodyError('unknown-device', `${root}/DeviceID`, `device ${deviceId} is not in the DCC's inventory`);
  }
  return {
    deviceId,
    deviceType: CCS01_DEVICE_TYPE_CODE[deviceType],
    installCode: Uint8Array.from(Buffer.from(code, 'hex')),
    registrationOption: REGISTRATION_OPTION,
    joinTimeoutSeconds: joinTimeout,
    enableJoining: ENABLE_JOINING,
  };
}
