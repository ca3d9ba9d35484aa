// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The join service's DUIS bodies, as the DCC reads them to build the GBCS commands [V: RTDS
 * templates CS03B_8.7.2, CS04B_8.8.2, CS03A1_8.7.1, CS03CCritical_8.7.1, CS04ACCritical_8.8.1,
 * and the RTDS commands built from them]:
 *
 *   8.7.2 <JoinServiceNonCritical><OtherDeviceID>00-DB-12-34-56-78-90-9C</OtherDeviceID></…>
 *     → CS03B { joinMethod 2 (B), otherDeviceId, otherDeviceType }
 *   8.8.2 <UnjoinServiceNonCritical><OtherDeviceID>01-02-03-04-05-06-07-08</OtherDeviceID></…>
 *     → CS04B { otherDeviceId }
 *   8.7.1 <JoinServiceCritical><OtherDeviceID>…</OtherDeviceID></…>, the other device a Type 1
 *     device of the DCC's inventory (PPMID, HCALCS):
 *     to an ESME → CS03A1 { joinMethod 0 (Method A, the meter initiates), otherDeviceId, its type }
 *     to a GSME  → CS03C { joinMethod 3 (Method C), otherDeviceId, its type, its KA certificate }
 *   8.8.1 <UnjoinServiceCritical><OtherDeviceID>…</OtherDeviceID></…> → CS04AC { otherDeviceId }
 *
 * Method B (8.7.2): [P] otherDeviceType is METHOD_B_DEVICE_TYPE (RTDS: 3) for a device that is
 * no GBCS party of the premises (an IHD, a CAD). Joining a meter or hub function of the premises
 * is not a Method B join: answered E11 like any variant not emulated.
 * Methods A and C (8.7.1) need the other device in the DCC's inventory (TransformContext
 * hanDeviceOf): its type, and for Method C its key agreement certificate, which the DCC puts in
 * the command (the sleepy GSME cannot fetch it); a DCC holding none sends the command without
 * one [I: RTDS CS03CNonCritical ERROR], which the GSME refuses. An OtherDeviceID the inventory
 * does not hold is answered E19; a meter or hub function of the premises, E11 (not emulated).
 * Unjoin (8.8.1, 8.8.2) names any device: the meter answers whether it had joined it.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { isEui64, normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import { JOIN_DEVICE_TYPE, JOIN_METHOD, JOIN_METHOD_B, METHOD_B_DEVICE_TYPE, type Cs03bCommand, type Cs04bCommand, type JoinCommand, type UnjoinCommand } from '../../harness/protocol/gbcs/payload/use-cases/join-service.ts';
import { RequestBodyError } from './request-body-error.ts';
import type { InventoryHanDevice, TransformContext } from './srv-transforms.ts';

type Node = XMLData[string] | undefined;

function tree(n: Node): XMLData | null {
  return typeof n === 'object' && n !== null && !Array.isArray(n) ? n : null;
}

function otherDevice(body: XMLData, root: string): string {
  const element = tree(body[root]);
  if (!element) throw new RequestBodyError('malformed', root, `expected the ${root} element with OtherDeviceID`);
  const raw = element['OtherDeviceID'];
  const value = typeof raw === 'string' ? raw.trim() : typeof tree(raw)?.['#text'] === 'string' ? String(tree(raw)?.['#text']).trim() : null;
  if (value === null || value.length === 0) throw new RequestBodyError('malformed', `${root}/OtherDeviceID`, 'expected a value, found none');
  if (!isEui64(value)) throw new RequestBodyError('malformed', `${root}/OtherDeviceID`, `expected an EUI-64, found ${JSON.stringify(value)}`);
  return normalizeEui(value);
}

export function cs03bCommandFromBody(body: XMLData, context: TransformContext): Cs03bCommand {
  const otherDeviceId = otherDevice(body, 'JoinServiceNonCritical');
  const known = context.deviceTypeOf(otherDeviceId);
  if (known !== undefined) {
    throw new RequestBodyError('not-emulated', 'JoinServiceNonCritical/OtherDeviceID', `${otherDeviceId} is the premises' ${known}: joining it is a Method A / C join (not emulated); Method B joins devices without certificates`);
  }
  return { joinMethod: JOIN_METHOD_B, otherDeviceId, otherDeviceType: METHOD_B_DEVICE_TYPE };
}

export function cs04bCommandFromBody(body: XMLData): Cs04bCommand {
  return { otherDeviceId: otherDevice(body, 'UnjoinServiceNonCritical') };
}

/** The Type 1 device an 8.7.1 body names, from the DCC's inventory (E11 for a premises party, E19 when unknown). */
function inventoryDevice(body: XMLData, context: TransformContext): InventoryHanDevice {
  const root = 'JoinServiceCritical';
  const eui = otherDevice(body, root);
  const party = context.deviceTypeOf(eui);
  if (party !== undefined) {
    throw new RequestBodyError('not-emulated', `${root}/OtherDeviceID`, `${eui} is the premises' ${party}: a meter joins a PPMID or HCALCS through 8.7.1 here`);
  }
  const device = context.hanDeviceOf?.(eui);
  if (!device) throw new RequestBodyError('unknown-device', `${root}/OtherDeviceID`, `${eui} is not in the DCC's inventory (no PPMID or HCALCS of that id)`);
  return device;
}

/** 8.7.1 to an ESME: Method A, the meter initiates the key establishment with the Type 1 device. */
export function cs03a1CommandFromBody(body: XMLData, context: TransformContext): JoinCommand {
  const device = inventoryDevice(body, context);
  return { joinMethod: JOIN_METHOD.methodAInitiator, otherDeviceId: device.eui, otherDeviceType: JOIN_DEVICE_TYPE[device.type] };
}

/** 8.7.1 to a GSME: Method C, the Type 1 device's certificate handed over in the command. */
export function cs03cCommandFromBody(body: XMLData, context: TransformContext): JoinCommand {
  const device = inventoryDevice(body, context);
  const base = { joinMethod: JOIN_METHOD.methodC, otherDeviceId: device.eui, otherDeviceType: JOIN_DEVICE_TYPE[device.type] };
  return device.kaCertificate ? { ...base, otherDeviceCertificate: device.kaCertificate } : base;
}

/** 8.8.1: the device to unjoin (Method A or C). */
export function cs04acCommandFromBody(body: XMLData): UnjoinCommand {
  return { otherDeviceId: otherDevice(body, 'UnjoinServiceCritical') };
}
