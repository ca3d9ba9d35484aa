// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS17b on the emulated ESME: read the import energy registers through the Data Protection
 * object, answered with inner-encrypted content. Protection as RTDS
 * ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE: MAC, no signature, header date-time present (clock
 * status FF). Refused [P]: the action result read-write-denied (or the result a fault names).
 */
import { ActionResults } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import type { Ecs17bResponse, EnergyRegister } from '../../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { ecs17b } from '../../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { DlmsUnits } from '../../harness/protocol/gbcs/payload/dlms/dlms-units.ts';
import type { CosemData } from '../meters/cosem-data.ts';
import { Esme } from '../meters/esme.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

/** A collection value (value, scaler_unit, value, scaler_unit …) as energy registers. */
export function registersOf(collection: CosemData): EnergyRegister[] | null {
  if (collection.type !== 'structure') return null;
  const registers: EnergyRegister[] = [];
  const items = collection.items;
  for (let i = 0; i < items.length; i++) {
    const value = items[i];
    if (value?.type !== 'double-long-unsigned') return null;
    const next = items[i + 1];
    if (next?.type === 'structure' && next.items[0]?.type === 'integer' && next.items[1]?.type === 'enum') {
      registers.push({ value: value.value, scaler: next.items[0].value, unit: DlmsUnits.nameOf(next.items[1].value) });
      i++;
    } else {
      registers.push({ value: value.value, scaler: null, unit: null });
    }
  }
  return registers;
}

export const ecs17bOnEsme = emulateUseCase(ecs17b, {
  targets: ['ESME'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: { clockStatus: null } },
  innerEncryption: true,

  refusalResults: failureNames(ActionResults.entries, 'read-write-denied'),
  refuse: (_command, result) => ({ ok: false, result }) as Ecs17bResponse,

  respond(command, { device }): Ecs17bResponse {
    if (!(device instanceof Esme)) throw new Error(`ECS17b reached a ${device.deviceType}`);
    const registers: EnergyRegister[] = [];
    for (const o of command.objects) {
      const read = device.read(o.classId, o.logicalName, o.attributeIndex);
      const found = read.ok ? registersOf(read.value) : null;
      if (!found) return { ok: false, result: read.ok ? 'type-unmatched' : 'object-undefined' };
      registers.push(...found);
    }
    return { ok: true, registers };
  },
});
