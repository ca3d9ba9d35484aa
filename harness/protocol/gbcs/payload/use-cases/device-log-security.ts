// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The security details of a HAN device log as the CHF carries them in A-XDR, shared by the use
 * cases that move them [V: RTDS, byte-identical parts]:
 *
 * - CS14 0x8F12 alert body and each Data of the CCS07 response: structure { date-time
 *   octet-string(12), octet-string(8) log identifier, device key list };
 * - CCS03 command (restore): structure { octet-string(8) log identifier, device key list };
 * - device key list: array of structure { device id octet-string(8), key hash octet-string(16) }
 *   (RTDS: ESME …-A0 and GSME …-A1, 83 FE D3 40 … D5 06 / … D5 05 in all three).
 *
 * [P] The 8-byte identifier's GBCS meaning is not in the public material at hand (RTDS shows
 * 00-01-02-03-04-05-06-07 in CS14 / CCS07 and 00-00-00-00-00-00-01-40 in CCS03); the emulators
 * put the EUI of the log's owner there. The 16 bytes are kept as key material (bytes).
 */
import type { Eui64 } from '../../frame-types.ts';
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectArray, expectDateTimeOctetString, expectEui, expectOctetString, expectStructure, item } from '../dlms/axdr-match.ts';
import { encodeCosemDateTime, type CosemDateTime } from '../dlms/cosem-date-time.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { PayloadEncodeError } from '../payload-errors.ts';

export const DEVICE_KEY_HASH_LENGTH = 16;

/** One device of a log with the 16-byte key material the CHF holds for it. */
export interface DeviceKeyEntry {
  readonly deviceId: Eui64;
  /** 16-byte key hash (key material, kept as bytes). */
  readonly keyHash: Uint8Array;
}

/** A device log's security details: when it last changed, whose it is, its devices and keys. */
export interface DeviceLogSecurityDetails {
  readonly changedAt: CosemDateTime;
  /** The 8-byte log identifier (see the header: [P] the log owner's EUI in the emulators). */
  readonly logIdentifier: Eui64;
  readonly devices: readonly DeviceKeyEntry[];
}

export function deviceKeyListData(devices: readonly DeviceKeyEntry[], field: string): AxdrData {
  return Axdr.array(
    ...devices.map((d, i) => {
      if (d.keyHash.length !== DEVICE_KEY_HASH_LENGTH) throw new PayloadEncodeError(`${field}[${i}].keyHash`, '16 bytes', String(d.keyHash.length));
      return Axdr.structure(Axdr.octetString(euiFieldBytes(d.deviceId, `${field}[${i}].deviceId`)), Axdr.octetString(d.keyHash));
    }),
  );
}

export function expectDeviceKeyList(d: AxdrData, field: string): DeviceKeyEntry[] {
  return expectArray(d, field).map((e, i) => {
    const s = expectStructure(e, `${field}[${i}]`, 2);
    return {
      deviceId: expectEui(item(s, 0), `${field}[${i}].device-id`),
      keyHash: expectOctetString(item(s, 1), `${field}[${i}].key-hash`, DEVICE_KEY_HASH_LENGTH),
    };
  });
}

export function securityDetailsData(f: DeviceLogSecurityDetails, field: string): AxdrData {
  return Axdr.structure(
    Axdr.octetString(encodeCosemDateTime(f.changedAt, `${field}.changedAt`)),
    Axdr.octetString(euiFieldBytes(f.logIdentifier, `${field}.logIdentifier`)),
    deviceKeyListData(f.devices, `${field}.devices`),
  );
}

export function expectSecurityDetails(d: AxdrData, field: string): DeviceLogSecurityDetails {
  const s = expectStructure(d, field, 3);
  return {
    changedAt: expectDateTimeOctetString(item(s, 0), `${field}.changed-at`),
    logIdentifier: expectEui(item(s, 1), `${field}.log-identifier`),
    devices: expectDeviceKeyList(item(s, 2), `${field}.devices`),
  };
}
