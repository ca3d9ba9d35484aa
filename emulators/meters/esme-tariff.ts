// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The ESME's import tariff as COSEM objects, as data, and what activating each tariff element
 * does. ECS01a (SRV 1.1.1) writes the *passive* attributes and each element's activation
 * date-time [V: the 21 objects and attributes of the RTDS ECS01a command, payload/use-cases/
 * ecs01a.ts]; when an element takes effect the meter copies its passive attributes onto the
 * *active* ones:
 *
 * | element          | passive (ECS01a writes)                     | active                              |
 * | ---------------- | ------------------------------------------- | ----------------------------------- |
 * | switching table  | Activity Calendar 0-0:13.0.0.255 a7, a8, a9 | the same object a3, a4, a5 [V: DLMS class 20] |
 * | special days     | Special Days Table 0-1:11.0.0.255 a2        | 0-0:11.0.0.255 a2 [P]               |
 * | currency units   | class 9000 0-0:94.44.2.0 a4                 | the same object a2 [P]              |
 * | standing charge  | Charge 0-0:19.20.4.255 a6 unit_charge_passive | a5 unit_charge_active [V: DLMS class 113] |
 * | price matrix     | Charge 0-0:19.20.0.255 a6                   | a5                                  |
 * | threshold matrix | Register Monitors 0-0:16.1.11..18.255 a2    | 0-0:16.1.1..8.255 a2 [P]            |
 *
 * Class 9000 is GBCS's own (no DLMS Blue Book class): which of its attributes holds the active
 * value is not in the material at hand [P]. The active objects are this project's [P] where
 * marked; a DUIS user sees them only through reads this project does not emulate yet (ECS24).
 */
import {
  ECS01A_ACTIVATION_ATTRIBUTE,
  ECS01A_BLOCK_TARIFFS,
  ECS01A_ELEMENTS,
  ECS01A_TARGETS,
  type Ecs01aElement,
} from '../../harness/protocol/gbcs/payload/use-cases/ecs01a.ts';
import type { CosemAttributeDescriptor } from '../../harness/protocol/gbcs/payload/dlms/cosem-descriptor.ts';
import { cosem, type CosemData } from './cosem-data.ts';
import type { AttributeRef, CosemAttribute, CosemObjectDefinition, CosemObjectTable } from './cosem-objects.ts';

const ref = (d: CosemAttributeDescriptor): AttributeRef => ({ classId: d.classId, obis: d.instanceId, attribute: d.attributeId });
const at = (classId: number, obis: string, attribute: number): AttributeRef => ({ classId, obis, attribute });

/** One passive attribute and the active attribute it becomes. */
export interface TariffCopy {
  readonly from: AttributeRef;
  readonly to: AttributeRef;
}

export interface EsmeTariffElement {
  /** The attribute holding the element's activation date-time. */
  readonly activation: AttributeRef;
  readonly copies: readonly TariffCopy[];
}

const CALENDAR = '0-0:13.0.0.255';
const thresholds = Array.from({ length: ECS01A_BLOCK_TARIFFS }, (_, i) => ({ from: at(21, `0-0:16.1.${11 + i}.255`, 2), to: at(21, `0-0:16.1.${1 + i}.255`, 2) }));

const COPIES: Readonly<Record<Ecs01aElement, readonly TariffCopy[]>> = {
  switchingTable: [7, 8, 9].map((a) => ({ from: at(20, CALENDAR, a), to: at(20, CALENDAR, a - 4) })),
  specialDays: [{ from: at(11, '0-1:11.0.0.255', 2), to: at(11, '0-0:11.0.0.255', 2) }],
  currencyUnits: [{ from: at(9000, '0-0:94.44.2.0', 4), to: at(9000, '0-0:94.44.2.0', 2) }],
  standingCharge: [{ from: at(113, '0-0:19.20.4.255', 6), to: at(113, '0-0:19.20.4.255', 5) }],
  priceMatrix: [{ from: at(113, '0-0:19.20.0.255', 6), to: at(113, '0-0:19.20.0.255', 5) }],
  thresholdMatrix: thresholds,
};

export const ESME_TARIFF_ELEMENTS = Object.fromEntries(
  ECS01A_ELEMENTS.map((e): [Ecs01aElement, EsmeTariffElement] => [e, { activation: ref(ECS01A_ACTIVATION_ATTRIBUTE[e]), copies: COPIES[e] }]),
) as Readonly<Record<Ecs01aElement, EsmeTariffElement>>;

/** A date-time octet-string with every field "not specified": no activation pending. */
const NO_ACTIVATION = cosem.octets('FFFFFFFFFFFFFFFFFF8000FF');

/** Initial value of an attribute by the shape ECS01a writes into it (writes must match its type). */
function initial(r: AttributeRef): CosemData {
  if (ECS01A_ELEMENTS.some((e) => ESME_TARIFF_ELEMENTS[e].activation.obis === r.obis && ESME_TARIFF_ELEMENTS[e].activation.attribute === r.attribute)) return NO_ACTIVATION;
  if (r.classId === 113) return cosem.structure(cosem.structure(cosem.integer(0), cosem.integer(0)), cosem.structure(), cosem.array());
  if (r.classId === 9000) return cosem.boolean(true);
  return cosem.array();
}

const NAMES: Readonly<Record<number, string>> = { 11: 'Special days table', 20: 'Activity calendar (tariff switching table)', 21: 'Register monitor (block thresholds)', 113: 'Charge', 9000: 'GBCS tariff element' };

/** The tariff objects, with every attribute ECS01a writes (writable) and every active one (read-only). */
export function esmeTariffObjects(): CosemObjectDefinition[] {
  const writable = ECS01A_TARGETS.map(ref);
  const active = ECS01A_ELEMENTS.flatMap((e) => ESME_TARIFF_ELEMENTS[e].copies.map((c) => c.to));
  const objects = new Map<string, { classId: number; obis: string; attributes: Record<number, CosemAttribute> }>();
  for (const [r, isWritable] of [...writable.map((w) => [w, true] as const), ...active.map((a) => [a, false] as const)]) {
    const key = `${r.classId}/${r.obis}`;
    const o = objects.get(key) ?? { classId: r.classId, obis: r.obis, attributes: {} };
    o.attributes[r.attribute] = { name: `attribute ${r.attribute}${isWritable ? '' : ' (active)'}`, value: initial(r), ...(isWritable ? { writable: true } : {}) };
    objects.set(key, o);
  }
  return [...objects.values()].map((o) => ({ ...o, name: NAMES[o.classId] ?? `class ${o.classId}` }));
}

/** The element takes effect: its passive attributes become the active ones. */
export function activateTariffElement(objects: CosemObjectTable, element: Ecs01aElement): void {
  for (const { from, to } of ESME_TARIFF_ELEMENTS[element].copies) {
    const r = objects.read(from.classId, from.obis, from.attribute);
    if (!r.ok) throw new Error(`ESME tariff: ${from.obis} attribute ${from.attribute} cannot be read (${r.result})`);
    objects.update(to.classId, to.obis, to.attribute, r.value);
  }
}
