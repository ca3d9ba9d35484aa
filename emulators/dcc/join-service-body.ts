// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * SRV 8.7.2 Join Service (non-critical) and 8.8.2 Unjoin Service (non-critical), as the DCC reads
 * them to build CS03B / CS04B (Method B) [V: RTDS templates CS03B_8.7.2 and CS04B_8.8.2, and the
 * RTDS commands built from them]:
 *
 *   <JoinServiceNonCritical><OtherDeviceID>00-DB-12-34-56-78-90-9C</OtherDeviceID></…>
 *     → CS03B { joinMethod 2 (B), otherDeviceId, otherDeviceType }
 *   <UnjoinServiceNonCritical><OtherDeviceID>01-02-03-04-05-06-07-08</OtherDeviceID></…>
 *     → CS04B { otherDeviceId }
 *
 * [P] otherDeviceType is METHOD_B_DEVICE_TYPE (RTDS: 3) for a device that is no GBCS party of the
 * premises (an IHD, a CAD). Joining a meter or hub function of the premises is a Method A / C
 * join (certificates), not emulated: answered E11 like any variant not emulated.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { isEui64, normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import { JOIN_METHOD_B, METHOD_B_DEVICE_TYPE, type Cs03bCommand, type Cs04bCommand } from '../../harness/protocol/gbcs/payload/use-cases/join-service.ts';
import { RequestBodyError } from './request-body-error.ts';
import type { TransformContext } from './srv-transforms.ts';

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
