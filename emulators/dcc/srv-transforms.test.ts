// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { findSrv } from '../../harness/protocol/duis/srv-matrix.ts';
import { emulatedUseCases, findSrvTransform, SRV_TRANSFORMS, transformTargetsOf } from './srv-transforms.ts';

describe('SRV_TRANSFORMS', () => {
  it('maps each SRV and target type to one use case (rows sharing them told apart by the body) whose codec serves that SRV', () => {
    const keys = SRV_TRANSFORMS.map((t) => `${t.srv}/${t.targetType}/${t.codec.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of SRV_TRANSFORMS) {
      const shared = SRV_TRANSFORMS.filter((o) => o.srv === t.srv && o.targetType === t.targetType);
      if (shared.length > 1) expect(t.appliesTo, `${t.srv}/${t.targetType}/${t.codec.name} shares its SRV and target: it needs appliesTo`).toBeTypeOf('function');
    }
    for (const t of SRV_TRANSFORMS) {
      expect(findSrv(t.srv)?.nonDevice).toBe(false);
      expect([t.codec.srv, ...(t.codec.otherSrvs ?? [])]).toContain(t.srv);
    }
  });

  it('has the table of the brief: who gets which use case, and who originates it', () => {
    expect(SRV_TRANSFORMS.map((t) => [t.srv, t.targetType, t.codec.name, t.originator])).toEqual([
      ['4.1.1', 'ESME', 'ECS17b', 'service-user'],
      ['4.1.1', 'GPF', 'GCS13a', 'service-user'],
      ['4.1.1', 'GSME', 'GCS13a', 'service-user'],
      ['11.2', 'ESME', 'ECS52', 'service-user'],
      ['11.2', 'CHF', 'ECS52', 'access-control-broker'],
      ['11.2', 'GSME', 'GCS38', 'service-user'],
      ['8.11', 'CHF', 'CCS01', 'access-control-broker'],
      ['6.31', 'CHF', 'DBCH01', 'access-control-broker'],
      ['8.11', 'CHF', 'CCS02', 'access-control-broker'],
      ['8.7.2', 'GSME', 'CS03B', 'service-user'],
      ['8.8.2', 'GSME', 'CS04B', 'service-user'],
      ['8.1.1', 'ESME', 'ECS70', 'service-user'],
      ['8.1.1', 'GSME', 'GCS28', 'service-user'],
      ['6.11', 'ESME', 'ECS70', 'service-user'],
      ['6.11', 'GSME', 'GCS28', 'service-user'],
      ['8.7.1', 'ESME', 'CS03A1', 'service-user'],
      ['8.7.1', 'GSME', 'CS03C', 'service-user'],
      ['8.8.1', 'ESME', 'CS04AC', 'service-user'],
      ['8.8.1', 'GSME', 'CS04AC', 'service-user'],
      ['8.9', 'CHF', 'CCS06', 'access-control-broker'],
      ['8.9', 'CHF', 'CCS07', 'access-control-broker'],
      ['8.9', 'GSME', 'CS07', 'service-user'],
      ['8.12.1', 'CHF', 'CCS03', 'access-control-broker'],
      ['8.12.2', 'GPF', 'GCS59', 'service-user'],
      ['1.1.1', 'ESME', 'ECS01a', 'service-user'],
      ['1.1.1', 'GSME', 'GCS01a', 'service-user'],
      ['6.28', 'CHF', 'DBCH04', 'access-control-broker'],
      ['6.29', 'CHF', 'DBCH05', 'access-control-broker'],
      ['6.30', 'CHF', 'DBCH03', 'access-control-broker'],
      ['6.32', 'CHF', 'DBCH02', 'access-control-broker'],
      ['11.3', 'ESME', 'CS06', 'service-user'],
      ['11.3', 'GSME', 'CS06', 'service-user'],
      ['11.3', 'CHF', 'CS06', 'service-user'],
    ]);
    expect(emulatedUseCases().filter((u) => u.critical).map((u) => `${u.srv} ${u.useCase}`), 'critical rows (CV 4 → CV 5)').toEqual([
      '8.1.1 ECS70',
      '8.1.1 GCS28',
      '6.11 ECS70',
      '6.11 GCS28',
      '8.7.1 CS03A1',
      '8.7.1 CS03C',
      '8.8.1 CS04AC',
      '8.8.1 CS04AC',
      '1.1.1 ECS01a',
      '1.1.1 GCS01a',
      '11.3 CS06',
      '11.3 CS06',
      '11.3 CS06',
    ]);
    const update = (type: string) => ({ UpdateHANDeviceLog: { DeviceID: '00-DB-12-34-56-78-90-A0', RequestType: type } });
    expect(findSrvTransform('8.11', 'CHF', update('Add'))?.codec.name).toBe('CCS01');
    expect(findSrvTransform('8.11', 'CHF', update('Remove'))?.codec.name).toBe('CCS02');
    expect(findSrvTransform('8.11', 'CHF', update('Replace'))?.codec.name, 'no row applies: the first, whose reader refuses it').toBe('CCS01');
    expect(transformTargetsOf('8.11')).toEqual(['CHF']);
    expect(findSrvTransform('8.9', 'CHF', { ReadDeviceLog: '' })?.codec.name).toBe('CCS06');
    expect(findSrvTransform('8.9', 'CHF', { ReadDeviceLog: { ReadSecurityDetails: '' } })?.codec.name).toBe('CCS07');
    expect(findSrvTransform('11.2', 'GPF')).toBeUndefined();
    expect(transformTargetsOf('11.2')).toEqual(['ESME', 'CHF', 'GSME']);
    expect(transformTargetsOf('11.3')).toEqual(['ESME', 'GSME', 'CHF']);
    expect(transformTargetsOf('11.1'), 'a non-device SRV: no transform').toEqual([]);
  });
});
