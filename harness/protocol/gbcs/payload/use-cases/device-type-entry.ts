// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A device of a GSME or GPF device log as the DER use cases carry it: SEQUENCE { OCTET
 * STRING(8) device id, INTEGER device type } [V: RTDS 8.9_CS07 and 8.12.2_GCS59, e.g.
 * "30 0D 04 08 00 11 22 33 44 55 66 77 02 01 05"].
 *
 * Device type codes [I: a chip vendor's public GBCS device-log enumeration, consistent with RTDS
 * CCS01 adding the ESME with 1]: GSME 0, ESME 1, CHF 2, GPF 3, HCALCS 4, PPMID 5, Type 2
 * device (IHD, CAD) 6. RTDS CS07 lists two GPFs (3) and a PPMID (5); GCS59 a PPMID and a Type 2.
 */
import type { Eui64 } from '../../frame-types.ts';
import type { DerNode } from '../asn1-der.ts';
import { derOctetString, derSequence, derSmallInteger, expectDerSequence, readDerEui, readDerSmallInteger } from '../der-fields.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { JOIN_DEVICE_TYPE } from './join-service.ts';

/** The GBCS device type codes: the same table the join commands carry (join-service.ts). */
export const GBCS_DEVICE_TYPE = JOIN_DEVICE_TYPE;

export interface DeviceTypeEntry {
  readonly deviceId: Eui64;
  /** GBCS_DEVICE_TYPE code. */
  readonly deviceType: number;
}

export function deviceTypeEntryDer(e: DeviceTypeEntry, field: string): Uint8Array {
  return derSequence([derOctetString(euiFieldBytes(e.deviceId, `${field}.deviceId`), `${field}.deviceId`), derSmallInteger(e.deviceType, `${field}.deviceType`)], field);
}

export function readDeviceTypeEntry(n: DerNode, field: string): DeviceTypeEntry {
  const [id, type] = expectDerSequence(n, field, 2, 'device id, device type');
  return { deviceId: readDerEui(id as DerNode, `${field}.device-id`), deviceType: readDerSmallInteger(type as DerNode, `${field}.device-type`) };
}
