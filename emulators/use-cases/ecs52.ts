// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS52 on the emulated ESME (COSEM 0-0:0.2.1.255 attribute 2) and CHF (the hub firmware):
 * read the firmware version. Protection as RTDS ECS52_11.2_SUCCESS_RESPONSE: MAC, no
 * signature, no header date-time. Refused [P]: the get result read-write-denied (or the result a
 * fault names).
 */
import { DataAccessResults } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { ecs52, type Ecs52Response } from '../../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { bytesToHex } from '../../harness/protocol/gbcs/hex.ts';
import { COSEM_CLASS } from '../meters/cosem-objects.ts';
import { Esme } from '../meters/esme.ts';
import { ESME_OBIS } from '../meters/esme-objects.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

export const ecs52OnEsmeOrHub = emulateUseCase(ecs52, {
  targets: ['ESME', 'CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(DataAccessResults.entries, 'read-write-denied'),
  refuse: (_command, result) => ({ ok: false, result }) as Ecs52Response,

  respond(_command, { device }): Ecs52Response {
    if (!(device instanceof Esme)) return { ok: true, firmwareVersion: device.firmwareVersion };
    const read = device.read(COSEM_CLASS.data, ESME_OBIS.firmwareVersion, 2);
    if (!read.ok) return { ok: false, result: read.result };
    if (read.value.type !== 'octet-string') return { ok: false, result: 'type-unmatched' };
    return { ok: true, firmwareVersion: bytesToHex(read.value.value) };
  },
});
