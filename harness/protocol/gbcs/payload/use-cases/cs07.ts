// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CS07 — Read Device Join Details (the GSME's device log), SRV 8.9 to a GSME, message code
 * 0x0013 (from the user to the GSME, MAC only) [V: RTDS 8.9_CS07]. ASN.1 DER payloads:
 *
 *   command   NULL                                          RTDS "05 00"
 *   response  SEQUENCE { INTEGER result, SEQUENCE OF entry } RTDS SUCCESS: 0, …-08 GPF (3),
 *             …-99 GPF (3), …-97 PPMID (5); ERROR: SEQUENCE { INTEGER 1 } (no list)
 *
 * entry: device-type-entry.ts. [P] Result 0 is success (the list follows); a non-zero result
 * carries no list (RTDS ERROR: 1; its name is not in the material at hand: CS07_RESULT).
 */
import type { DerNode } from '../asn1-der.ts';
import { derNull, derSequence, derSmallInteger, expectDerNull, expectDerSequence, oneDerValue, readDerSmallInteger } from '../der-fields.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { deviceTypeEntryDer, readDeviceTypeEntry, type DeviceTypeEntry } from './device-type-entry.ts';
import { NO_FIELDS, type NoFields, type UseCaseCodec } from './use-case-codec.ts';

/** [P] CS07 results: 0 as RTDS SUCCESS; 1 as RTDS ERROR, named by the project. */
export const CS07_RESULT = { success: 0, notAvailable: 1 } as const;

export type Cs07Response = { readonly ok: true; readonly devices: readonly DeviceTypeEntry[] } | { readonly ok: false; readonly result: number };

export const cs07: UseCaseCodec<NoFields, Cs07Response> = {
  kind: 'command-response',
  name: 'CS07',
  messageCode: 0x0013,
  srv: '8.9',
  title: 'Read Device Join Details',
  payloadKind: 'der',

  encodeCommand: () => derNull(),

  decodeCommand(payload) {
    expectDerNull(oneDerValue(payload, 'command'), 'command');
    return NO_FIELDS;
  },

  encodeResponse(f) {
    if (!f.ok) {
      if (f.result === 0) throw new PayloadEncodeError('CS07 response.result', 'a non-zero result when ok is false', '0');
      return derSequence([derSmallInteger(f.result, 'CS07 response.result')], 'CS07 response');
    }
    const list = derSequence(
      f.devices.map((d, i) => deviceTypeEntryDer(d, `CS07 response.devices[${i}]`)),
      'CS07 response.devices',
    );
    return derSequence([derSmallInteger(0, 'CS07 response.result'), list], 'CS07 response');
  },

  decodeResponse(payload) {
    const top = oneDerValue(payload, 'response');
    const items = expectDerSequence(top, 'response');
    const result = readDerSmallInteger(items[0] ?? top, 'response.result');
    if (result !== 0) {
      if (items.length !== 1) throw new PayloadDecodeError(top.offset, 'response', 'a SEQUENCE of the result alone (a failure carries no list)', `${items.length} elements`);
      return { ok: false, result };
    }
    if (items.length !== 2) throw new PayloadDecodeError(top.offset, 'response', 'a SEQUENCE of 2 (result 0, device list)', `${items.length} elements`);
    const list = expectDerSequence(items[1] as DerNode, 'response.devices');
    return { ok: true, devices: list.map((e, i) => readDeviceTypeEntry(e, `response.devices[${i}]`)) };
  },
};
