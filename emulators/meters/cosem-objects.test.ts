// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { cosem } from './cosem-data.ts';
import { COSEM_CLASS, CosemObjectTable } from './cosem-objects.ts';

const table = () =>
  new CosemObjectTable([
    {
      classId: COSEM_CLASS.register,
      obis: '1-0:1.8.0.255',
      name: 'active import',
      attributes: { 2: { name: 'value', value: cosem.doubleLongUnsigned(10) }, 3: { name: 'scaler_unit', value: cosem.scalerUnit(0, 'Wh') } },
    },
    { classId: COSEM_CLASS.data, obis: '0-0:96.1.0.255', name: 'writable', attributes: { 2: { name: 'value', value: cosem.longUnsigned(1), writable: true } } },
    {
      classId: COSEM_CLASS.data,
      obis: '0-0:94.44.34.10',
      name: 'collection',
      attributes: {},
      composedOf: [
        { classId: COSEM_CLASS.register, obis: '1-0:1.8.0.255', attribute: 2 },
        { classId: COSEM_CLASS.register, obis: '1-0:1.8.0.255', attribute: 3 },
      ],
    },
  ]);

describe('CosemObjectTable', () => {
  it('reads typed attributes by class id, OBIS code and attribute index', () => {
    const t = table();
    expect(t.read(COSEM_CLASS.register, '1-0:1.8.0.255', 2)).toEqual({ ok: true, value: { type: 'double-long-unsigned', value: 10 } });
    expect(t.read(COSEM_CLASS.register, '1-0:1.8.0.255', 1)).toEqual({ ok: true, value: cosem.octets('0100010800FF') });
  });

  it('answers DLMS data-access results for what it does not hold', () => {
    const t = table();
    expect(t.read(COSEM_CLASS.register, '1-0:2.8.0.255', 2)).toEqual({ ok: false, result: 'object-undefined' });
    expect(t.read(COSEM_CLASS.data, '1-0:1.8.0.255', 2)).toEqual({ ok: false, result: 'object-class-inconsistent' });
    expect(t.read(COSEM_CLASS.register, '1-0:1.8.0.255', 9)).toEqual({ ok: false, result: 'object-undefined' });
  });

  it('composes collections from other attributes, in order', () => {
    const t = table();
    t.update(COSEM_CLASS.register, '1-0:1.8.0.255', 2, cosem.doubleLongUnsigned(42));
    expect(t.read(COSEM_CLASS.data, '0-0:94.44.34.10', 2)).toEqual({
      ok: true,
      value: cosem.structure(cosem.doubleLongUnsigned(42), cosem.scalerUnit(0, 'Wh')),
    });
  });

  it('refuses remote writes to read-only attributes and wrong types', () => {
    const t = table();
    expect(t.write(COSEM_CLASS.register, '1-0:1.8.0.255', 2, cosem.doubleLongUnsigned(0))).toBe('read-write-denied');
    expect(t.write(COSEM_CLASS.data, '0-0:96.1.0.255', 2, cosem.unsigned(1))).toBe('type-unmatched');
    expect(t.write(COSEM_CLASS.data, '0-0:96.1.0.255', 2, cosem.longUnsigned(7))).toBe('success');
    expect(t.read(COSEM_CLASS.data, '0-0:96.1.0.255', 2)).toEqual({ ok: true, value: cosem.longUnsigned(7) });
  });

  it('keeps tables built from one definition list apart', () => {
    const a = table();
    const b = table();
    a.update(COSEM_CLASS.register, '1-0:1.8.0.255', 2, cosem.doubleLongUnsigned(99));
    expect(b.read(COSEM_CLASS.register, '1-0:1.8.0.255', 2)).toEqual({ ok: true, value: cosem.doubleLongUnsigned(10) });
  });

  it('rejects duplicate objects and bad OBIS codes', () => {
    const d = { classId: 1, obis: '0-0:1.0.0.255', name: 'x', attributes: {} };
    expect(() => new CosemObjectTable([d, d])).toThrow(/defined twice/);
    expect(() => new CosemObjectTable([{ ...d, obis: '0-0:1.0.0.256' }])).toThrow();
  });
});
