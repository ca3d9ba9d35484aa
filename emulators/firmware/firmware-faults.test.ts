// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock/seeded-random.ts';
import { testFault, testProfile } from '../testing/test-profiles.ts';
import { flipBytes } from './fault-effects.ts';
import { FirmwareFaults, type FaultSubject } from './firmware-faults.ts';
import type { Fault, FaultOf } from './profile-schema.ts';

const START = Date.UTC(2019, 3, 12, 9);
const ESME = { eui: '00DB1234567890A0', deviceType: 'ESME' as const };
const GSME = { eui: '00DB1234567890A1', deviceType: 'GSME' as const };
const CHF = { eui: '00DB1234567890A2', deviceType: 'CHF' as const };

const drop = (id: string, more: Partial<FaultOf<'drop'>> = {}) => testFault<FaultOf<'drop'>>({ id, useCase: 'ECS52', direction: 'response', primitive: 'drop', ...more });

function faults(hub: Fault[], esme: Fault[] = [], seed = 'faults') {
  return new FirmwareFaults({
    random: new SeededRandom(seed),
    startMs: START,
    profiles: [
      { profile: testProfile({ id: 'HUB', kind: 'comms-hub', faults: hub }), devices: 'all' },
      { profile: testProfile({ id: 'ESME', kind: 'meter', faults: esme }), devices: [ESME.eui] },
    ],
  });
}

const ecs52From = (device: FaultSubject['device'], at = START): FaultSubject => ({ messageCode: 0x0059, direction: 'response', device, at });

describe('FirmwareFaults: which profile sees which message', () => {
  it('the hub profile sees its own and relayed meter messages; a meter profile only its meter', () => {
    const f = faults([drop('H')], [drop('E')]);
    expect(f.fire(ecs52From(CHF)).map((x) => x.fault.id)).toEqual(['H']);
    expect(f.fire(ecs52From(ESME)).map((x) => x.fault.id)).toEqual(['H', 'E']);
  });

  it('matches by use case (alias-aware), direction, device type and alert code', () => {
    const f = faults([
      drop('TYPE', { deviceTypes: ['GSME'] }),
      testFault<FaultOf<'omit-alert'>>({ id: 'ALERT', useCase: 'CS14', direction: 'alert', alertCode: '8F12', primitive: 'omit-alert' }),
    ]);
    expect(f.fire(ecs52From(ESME))).toEqual([]);
    expect(f.fire({ ...ecs52From(GSME), messageCode: 0x0084 })).toEqual([]);
    expect(f.fire(ecs52From(GSME)).map((x) => x.fault.id)).toEqual(['TYPE']);
    expect(f.fire({ messageCode: 0x0018, direction: 'alert', device: CHF, at: START, alertCode: 0x8f13 })).toEqual([]);
    expect(f.fire({ messageCode: 0x0018, direction: 'alert', device: CHF, at: START, alertCode: 0x8f12 }).map((x) => x.fault.id)).toEqual(['ALERT']);
  });

  it('counts only from afterMs, acts on every N-th, and draws probabilities from the seed', () => {
    const f = faults([drop('N', { trigger: { every: 3, afterMs: 1_000 } })]);
    const fired = [0, 1_000, 1_001, 1_002, 1_003, 1_004, 1_005].map((dt) => f.fire(ecs52From(ESME, START + dt)).length);
    expect(fired).toEqual([0, 0, 0, 1, 0, 0, 1]);
    const draws = (seed: string) => {
      const p = faults([drop('P', { probability: 0.5 })], [], seed);
      return Array.from({ length: 32 }, () => p.fire(ecs52From(ESME)).length).join('');
    };
    expect(draws('a')).toBe(draws('a'));
    expect(draws('a')).not.toBe(draws('b'));
  });
});

describe('flipBytes', () => {
  it('flips exactly the requested number of distinct bytes inside the region, deterministically', () => {
    const bytes = new Uint8Array(32);
    const a = flipBytes(bytes, 20, 32, 4, new SeededRandom('x'));
    const b = flipBytes(bytes, 20, 32, 4, new SeededRandom('x'));
    expect(a).toEqual(b);
    expect(a.offsets).toHaveLength(4);
    expect([...a.bytes.keys()].filter((i) => a.bytes[i] !== 0)).toEqual(a.offsets);
    for (const o of a.offsets) expect(o).toBeGreaterThanOrEqual(20);
    expect(bytes.every((x) => x === 0)).toBe(true);
    expect(flipBytes(bytes, 30, 32, 12, new SeededRandom('x')).offsets).toEqual([30, 31]);
  });
});
