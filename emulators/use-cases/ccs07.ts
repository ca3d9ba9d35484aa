// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS07 on the emulated CHF: the security details of the CHF Device Log and of the GPF Device
 * Log. Protection as RTDS CCS07_8.9_SUCCESS_RESPONSE: MAC, no signature, no header date-time,
 * the command's supplementary remote party carried back.
 *
 * [P] CHF Device Log: when it last changed, the CHF's EUI as log identifier (as CS14 0x8F12
 * does), every entry with its key material. GPF Device Log: when an entry was last added (not
 * specified while it is empty), the GPF's EUI, every entry with the key material the CHF holds
 * for that device in its own Device Log — 16 zero bytes for a device the CHF holds none for.
 * Refused (a firmware fault): both actions carry the refusal (default read-write-denied).
 */
import { hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { COSEM_DATE_TIME_NOT_SPECIFIED, cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ActionResults, type ActionResult } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { ccs07, type Ccs07Response, type DeviceLogRead } from '../../harness/protocol/gbcs/payload/use-cases/ccs07.ts';
import { DEVICE_KEY_HASH_LENGTH } from '../../harness/protocol/gbcs/payload/use-cases/device-log-security.ts';
import type { Premises } from '../premises.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

const stamp = (at: number) => cosemDateTimeFromDate(new Date(at));

function chfLog(premises: Premises): DeviceLogRead {
  const chf = premises.chf;
  return {
    ok: true,
    details: {
      changedAt: stamp(chf.deviceLogChangedAt),
      logIdentifier: chf.eui,
      devices: chf.deviceLog.entries().map((e) => ({ deviceId: e.eui, keyHash: hexToBytes(e.keyHash, 'key hash') })),
    },
  };
}

function gpfLog(premises: Premises): DeviceLogRead {
  const { chf, gpf } = premises;
  const entries = gpf.deviceLog.entries();
  const keyOf = (eui: string) => {
    const held = chf.deviceLog.get(eui);
    return held ? hexToBytes(held.keyHash, 'key hash') : new Uint8Array(DEVICE_KEY_HASH_LENGTH);
  };
  return {
    ok: true,
    details: {
      changedAt: entries.length > 0 ? stamp(Math.max(...entries.map((e) => e.joinedAt))) : COSEM_DATE_TIME_NOT_SPECIFIED,
      logIdentifier: gpf.eui,
      devices: entries.map((e) => ({ deviceId: e.eui, keyHash: keyOf(e.eui) })),
    },
  };
}

export const ccs07OnChf = emulateUseCase(ccs07, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(ActionResults.entries, 'read-write-denied'),
  refuse(_command, result): Ccs07Response {
    const failed = { ok: false, result: result as Exclude<ActionResult, 'success'> } as const;
    return { chfDeviceLog: failed, gpfDeviceLog: failed };
  },

  respond(_command, { premises }): Ccs07Response {
    return { chfDeviceLog: chfLog(premises), gpfDeviceLog: gpfLog(premises) };
  },
});
