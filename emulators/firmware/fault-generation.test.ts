// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock/seeded-random.ts';
import { emulatedUseCases } from '../dcc/srv-transforms.ts';
import { DELAY_PAST_WINDOW_MS, generateFaults, PRINCIPAL_FIELDS, randomPairs, requestSites, siteKey, type FaultSite } from './fault-generation.ts';
import { FaultSchema } from './profile-schema.ts';
import { messageCodesForUseCase } from '../../harness/protocol/gbcs/message-codes.ts';

const rows = emulatedUseCases().map((r) => ({ useCase: r.useCase, targetType: r.targetType as 'ESME' | 'GSME' | 'CHF' | 'GPF', originator: r.originator }));
const alert: FaultSite = { useCase: 'GNCA', direction: 'alert', deviceType: 'ESME', alertCode: '8F35', userChecksMac: true };

describe('the generated fault catalogue', () => {
  const sites = requestSites(rows);
  const faults = generateFaults([...sites, alert]);

  it('has a command and a response site per use case and device type answering it: ECS52 on the ESME and on the CHF', () => {
    expect(sites.filter((s) => s.useCase === 'ECS52').map(siteKey).sort()).toEqual(['ECS52/command/CHF', 'ECS52/command/ESME', 'ECS52/response/CHF', 'ECS52/response/ESME']);
    // 8.1.1 and 6.11 both become ECS70 on the ESME: one site each way
    expect(sites.filter((s) => s.useCase === 'ECS70')).toHaveLength(2);
  });

  it('puts each primitive only where it applies', () => {
    const on = (p: string) => new Set(faults.filter((f) => f.primitive === p).map((f) => f.site.direction));
    expect(on('reject')).toEqual(new Set(['command']));
    expect(on('drop')).toEqual(new Set(['command', 'response']));
    expect(on('omit-alert')).toEqual(new Set(['alert']));
    expect(on('delay')).toEqual(new Set(['command', 'response', 'alert']));
    expect(faults.filter((f) => f.primitive === 'wrong-value').every((f) => PRINCIPAL_FIELDS[`${f.site.useCase}/${f.site.direction}`] !== undefined)).toBe(true);
  });

  it('gives valid profile faults with unique ids, bound to the site’s device type, in the profile of that device', () => {
    expect(new Set(faults.map((f) => f.id)).size).toBe(faults.length);
    for (const g of faults) {
      expect(FaultSchema.safeParse(g.fault).success, g.id).toBe(true);
      expect(g.fault.deviceTypes).toEqual([g.site.deviceType]);
      expect(g.role).toBe(g.site.deviceType === 'ESME' ? 'esme' : g.site.deviceType === 'GSME' ? 'gsme' : 'commsHub');
    }
    expect(faults.find((f) => f.id === 'GEN-GNCA-alert-ESME-8F35-omit-alert')?.fault).toMatchObject({ alertCode: '8F35', direction: 'alert' });
  });

  it('delays past every window and corrupts the MAC, or the payload of a CHF message only the DCC could check', () => {
    expect(faults.find((f) => f.id === 'GEN-ECS17b-response-ESME-delay')?.fault).toMatchObject({ delayMs: DELAY_PAST_WINDOW_MS });
    expect(DELAY_PAST_WINDOW_MS).toBeGreaterThan(25 * 3_600_000);
    expect(faults.find((f) => f.id === 'GEN-ECS17b-response-ESME-corrupt')?.fault).toMatchObject({ target: 'mac' });
    expect(faults.find((f) => f.id === 'GEN-ECS52-response-CHF-corrupt')?.fault).toMatchObject({ target: 'payload' });
    expect(faults.find((f) => f.id === 'GEN-ECS52-command-CHF-corrupt')?.fault).toMatchObject({ target: 'mac' });
  });

  it('names every principal field for a use case the message codes know', () => {
    for (const key of Object.keys(PRINCIPAL_FIELDS)) expect(messageCodesForUseCase(key.split('/')[0]!).length, key).toBeGreaterThan(0);
  });

  it('draws the same distinct pairs from the same seed', () => {
    const a = randomPairs(faults, 20, new SeededRandom('pairs'));
    const b = randomPairs(faults, 20, new SeededRandom('pairs'));
    expect(a.map(([x, y]) => `${x.id}+${y.id}`)).toEqual(b.map(([x, y]) => `${x.id}+${y.id}`));
    expect(new Set(a.map(([x, y]) => `${x.id}+${y.id}`)).size).toBe(20);
    expect(a.every(([x, y]) => x !== y)).toBe(true);
    expect(randomPairs(faults.slice(0, 3), 20, new SeededRandom('pairs'))).toHaveLength(3);
  });
});
