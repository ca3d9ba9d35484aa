// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CS07 on the emulated GSME (answered when it wakes): its device log — the GPF it reports to
 * (GBCS device type 3) first, then the devices joined through the join service (CS03B), with
 * the type codes they were joined with [P: RTDS CS07 lists GPF-typed and PPMID entries; the
 * GSME's own list is not in the material at hand]. Protection as RTDS CS07_8.9_SUCCESS_RESPONSE:
 * MAC, no signature, no header date-time. Refused (a firmware fault): result 1 (CS07_RESULT
 * notAvailable), no list.
 */
import { CS07_RESULT, cs07, type Cs07Response } from '../../harness/protocol/gbcs/payload/use-cases/cs07.ts';
import { GBCS_DEVICE_TYPE } from '../../harness/protocol/gbcs/payload/use-cases/device-type-entry.ts';
import { Gsme } from '../meters/gsme.ts';
import { emulateUseCase } from './emulated-use-case.ts';

type ResultName = Exclude<keyof typeof CS07_RESULT, 'success'>;

export const cs07OnGsme = emulateUseCase(cs07, {
  targets: ['GSME'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: ['notAvailable'],
  refuse: (_command, result): Cs07Response => ({ ok: false, result: CS07_RESULT[result as ResultName] }),

  respond(_command, { device, premises }): Cs07Response {
    if (!(device instanceof Gsme)) throw new Error(`CS07 reached a ${device.deviceType}`);
    const joined = device.joinedDevices.entries().map((e) => ({ deviceId: e.eui, deviceType: e.deviceType }));
    return { ok: true, devices: [{ deviceId: premises.gpf.eui, deviceType: GBCS_DEVICE_TYPE.GPF }, ...joined] };
  },
});
