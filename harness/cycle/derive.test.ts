// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { Combination } from './combination.ts';
import { combinationKey } from './combination.ts';
import { executionSeed, planItemId } from './derive.ts';

const esme: Combination = {
  commsHub: { vendor: 'WNC', firmware: '1.9' },
  meter: { manufacturer: 'MM1', model: 'MM1-E24', firmware: '2.1.0', type: 'ESME' },
  band: '2.4GHz',
};
const gsme: Combination = {
  ...esme,
  meter: { manufacturer: 'MM2', model: 'MM2-G868', firmware: '1.0.3', type: 'GSME' },
  band: '868MHz',
};

describe('derived identities', () => {
  it('names a combination readably', () => {
    expect(combinationKey(esme)).toBe('WNC 1.9 × MM1 MM1-E24 2.1.0 (ESME) @ 2.4GHz');
  });

  it('gives a plan item the same id every time, and different ids to different items', () => {
    expect(planItemId(esme, 'READ-1')).toBe(planItemId({ ...esme }, 'READ-1'));
    expect(planItemId(esme, 'READ-1')).toMatch(/^PI-[0-9a-f]{12}$/);
    expect(planItemId(esme, 'READ-1')).not.toBe(planItemId(gsme, 'READ-1'));
    expect(planItemId(esme, 'READ-1')).not.toBe(planItemId(esme, 'READ-2'));
  });

  it('derives execution seeds from run seed, combination and test case', () => {
    const s = executionSeed('42', esme, 'READ-1');
    expect(executionSeed('42', esme, 'READ-1')).toBe(s);
    expect(executionSeed('43', esme, 'READ-1')).not.toBe(s);
    expect(executionSeed('42', gsme, 'READ-1')).not.toBe(s);
    expect(executionSeed('42', esme, 'READ-2')).not.toBe(s);
  });

  it('changes the plan item id when the firmware changes (a new release is a new combination)', () => {
    const next = { ...esme, meter: { ...esme.meter, firmware: '2.2.0' } };
    expect(planItemId(next, 'READ-1')).not.toBe(planItemId(esme, 'READ-1'));
  });
});
