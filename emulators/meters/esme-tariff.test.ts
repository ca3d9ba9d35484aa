// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ECS01A_ELEMENTS, ECS01A_TARGETS } from '../../harness/protocol/gbcs/payload/use-cases/ecs01a.ts';
import { cosem } from './cosem-data.ts';
import { CosemObjectTable } from './cosem-objects.ts';
import { activateTariffElement, ESME_TARIFF_ELEMENTS, esmeTariffObjects } from './esme-tariff.ts';

describe('the ESME tariff objects', () => {
  it('hold every attribute ECS01a writes, writable with the type it writes, and the active ones read-only', () => {
    const table = new CosemObjectTable(esmeTariffObjects());
    for (const t of ECS01A_TARGETS) expect(table.get(t.classId, t.instanceId)?.attributes[t.attributeId]?.writable, `${t.instanceId} a${t.attributeId}`).toBe(true);
    expect(table.write(113, '0-0:19.20.0.255', 5, cosem.structure())).toBe('read-write-denied');
    expect(table.write(21, '0-0:16.1.11.255', 2, cosem.boolean(true))).toBe('type-unmatched');
    expect(ECS01A_ELEMENTS.map((e) => ESME_TARIFF_ELEMENTS[e].copies.length)).toEqual([3, 1, 1, 1, 1, 8]);
  });

  it('activating an element copies its passive attributes onto the active ones, and nothing else', () => {
    const table = new CosemObjectTable(esmeTariffObjects());
    const thresholds = cosem.array(cosem.doubleLongUnsigned(1000));
    expect(table.write(21, '0-0:16.1.13.255', 2, thresholds)).toBe('success');
    expect(table.write(20, '0-0:13.0.0.255', 8, cosem.array(cosem.structure()))).toBe('success');
    activateTariffElement(table, 'thresholdMatrix');
    expect(table.read(21, '0-0:16.1.3.255', 2)).toEqual({ ok: true, value: thresholds });
    expect(table.read(20, '0-0:13.0.0.255', 4)).toEqual({ ok: true, value: cosem.array() });
    activateTariffElement(table, 'switchingTable');
    expect(table.read(20, '0-0:13.0.0.255', 4)).toEqual({ ok: true, value: cosem.array(cosem.structure()) });
  });
});
