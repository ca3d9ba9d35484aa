// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS52 on the emulated ESME (COSEM 0-0:0.2.1.255 attribute 2) and CHF (the hub firmware):
 * read the firmware version. Protection as RTDS ECS52_11.2_SUCCESS_RESPONSE: MAC, no
 * signature, no header date-time.
 */
import { ecs52 } from '../../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { bytesToHex } from '../../harness/protocol/gbcs/hex.ts';
import { COSEM_CLASS } from '../meters/cosem-objects.ts';
import { Esme } from '../meters/esme.ts';
import { ESME_OBIS } from '../meters/esme-objects.ts';
import { emulateUseCase } from './emulated-use-case.ts';

export const ecs52OnEsmeOrHub = emulateUseCase(ecs52, {
  targets: ['ESME', 'CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  respond(_command, { device, payload }) {
    if (!(device instanceof Esme)) return ecs52.encodeResponse({ ok: true, firmwareVersion: device.firmwareVersion }, payload);
    const read = device.read(COSEM_CLASS.data, ESME_OBIS.firmwareVersion, 2);
    if (!read.ok) return ecs52.encodeResponse({ ok: false, result: read.result }, payload);
    if (read.value.type !== 'octet-string') return ecs52.encodeResponse({ ok: false, result: 'type-unmatched' }, payload);
    return ecs52.encodeResponse({ ok: true, firmwareVersion: bytesToHex(read.value.value) }, payload);
  },
});
