// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../cycle/plan-item.ts';
import { generateFaults, type FaultSite } from '../../emulators/firmware/fault-generation.ts';
import { testFault, testProfile } from '../../emulators/testing/test-profiles.ts';
import type { FaultOf } from '../../emulators/firmware/profile-schema.ts';
import { declaredEntry, generatedEntry, pairEntry, type CleanExecution } from './audit-catalogue.ts';
import type { ExercisedSite } from './audit-trace-sites.ts';

const item = (id: string, testCase: string): PlanItem => ({
  id,
  testCase,
  combination: { commsHub: { vendor: 'WNC', firmware: '1.9' }, meter: { manufacturer: 'MM1', model: 'MM1-E24', firmware: '2.1.0', type: 'ESME' }, band: '2.4GHz' },
  devices: { commsHub: { vendorId: 'WNC', releaseId: null }, meter: { modelId: 'MM1-E24', releaseId: null } },
});
const site = (useCase: string, direction: ExercisedSite['direction'], deviceType: ExercisedSite['deviceType']): [string, ExercisedSite] => [
  `${useCase}/${direction}/${deviceType}`,
  { useCase, direction, deviceType, toUser: true },
];
const baseline: CleanExecution[] = [
  { item: item('PI-1', 'FW-READ-ESME'), sites: new Map([site('ECS52', 'command', 'ESME'), site('ECS52', 'response', 'ESME')]) },
  { item: item('PI-2', 'READ-ESME-IMPORT-REGISTERS'), sites: new Map([site('ECS17b', 'command', 'ESME'), site('ECS17b', 'response', 'ESME')]) },
];
const ecs52 = (deviceType: FaultSite['deviceType']) => generateFaults([{ useCase: 'ECS52', direction: 'response', deviceType, userChecksMac: true }]);

describe('the audit entries and the executions each needs', () => {
  it('a generated fault runs against the executions that exercised its site, under <item>~<fault> ids, in its device’s profile', () => {
    const drop = ecs52('ESME').find((g) => g.primitive === 'drop')!;
    const entry = generatedEntry(drop, baseline);
    expect(entry.items.map((i) => i.id)).toEqual(['PI-1~GEN-ECS52-response-ESME-drop']);
    expect(entry.items[0]?.testCase).toBe('FW-READ-ESME');
    expect(entry.faultSet).toEqual({ esme: [drop.fault] });
    expect(entry.unexercised).toBeUndefined();
  });

  it('a fault no execution exercises needs none, and says so', () => {
    const entry = generatedEntry(ecs52('CHF')[0]!, baseline);
    expect(entry.items).toEqual([]);
    expect(entry.unexercised).toBe('no test case exercises ECS52/response/CHF');
  });

  it('a pair runs where either fault does, with both faults on', () => {
    const [a] = ecs52('ESME');
    const [b] = generateFaults([{ useCase: 'ECS17b', direction: 'response', deviceType: 'ESME', userChecksMac: true }]);
    const entry = pairEntry(a!, b!, baseline);
    expect(entry.items.map((i) => i.testCase)).toEqual(['FW-READ-ESME', 'READ-ESME-IMPORT-REGISTERS']);
    expect(entry.faultSet.esme).toHaveLength(2);
  });

  it('a declared fault runs alone on its profile, where its use case (or alias) is exercised', () => {
    const fault = testFault<FaultOf<'wrong-value'>>({ id: 'VERSION', primitive: 'wrong-value', useCase: 'ECS52', direction: 'response', field: 'firmwareVersion', replacement: { kind: 'constant', value: '00000204' } });
    const profile = testProfile({ id: 'MM1', kind: 'meter', faults: [fault] });
    const entry = declaredEntry(fault, profile, 'ESME', baseline);
    expect(entry.items.map((i) => i.id)).toEqual(['PI-1~VERSION']);
    expect(entry.faultSet).toEqual({ esme: [fault] });
    const rejoin = testFault<FaultOf<'fails-to-rejoin'>>({ id: 'NO-REJOIN', primitive: 'fails-to-rejoin' });
    expect(declaredEntry(rejoin, profile, 'ESME', baseline).items).toHaveLength(2);
    expect(declaredEntry(rejoin, profile, 'GSME', baseline).unexercised).toMatch(/no test case exercises GSME of MM1/);
  });
});
