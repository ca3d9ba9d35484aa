// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { testFault, testProfile } from '../testing/test-profiles.ts';
import { parseFaultSet, profilesWithFaultSet, withoutFaults } from './fault-set.ts';
import type { ProfileCatalogue } from './profile-loader.ts';
import type { FaultOf } from './profile-schema.ts';

const drop = testFault<FaultOf<'drop'>>({ id: 'DROP', primitive: 'drop', useCase: 'ECS17b', direction: 'response' });
const shipped = testProfile({ id: 'SHIPPED', kind: 'meter', timings: { ESME: { responseLatencyMs: 1234 } }, faults: [testFault<FaultOf<'omit-alert'>>({ id: 'OWN', primitive: 'omit-alert', useCase: 'GNCA', direction: 'alert' })] });

describe('a fault set in place of the profiles’ own faults', () => {
  it('replaces a named profile’s faults and keeps its timings', () => {
    const choices = profilesWithFaultSet({ esme: shipped }, { esme: [drop] });
    expect(choices.esme).toMatchObject({ id: 'SHIPPED', timings: { ESME: { responseLatencyMs: 1234 } }, faults: [drop] });
  });

  it('strips a profile with an empty list, and leaves roles it does not list alone', () => {
    const choices = profilesWithFaultSet({ esme: shipped }, { esme: [] });
    expect(choices.esme).toMatchObject({ id: 'SHIPPED', faults: [] });
    expect('gsme' in choices || 'commsHub' in choices).toBe(false);
  });

  it('gives a device with no profile one that holds only the set’s faults', () => {
    const choices = profilesWithFaultSet({}, { commsHub: [drop] });
    expect(choices.commsHub).toMatchObject({ kind: 'comms-hub', faults: [drop] });
    expect(choices.commsHub && 'timings' in choices.commsHub).toBe(false);
  });

  it('is checked against the profile schema, naming where it came from', () => {
    expect(parseFaultSet({ gsme: [drop] }, 'plan item X')).toEqual({ gsme: [drop] });
    expect(() => parseFaultSet({ gsme: [{ ...drop, direction: 'alert' }] }, 'plan item X')).toThrow(/fault set of plan item X/);
    expect(() => parseFaultSet({ ppmid: [] }, 'plan item X')).toThrow(/plan item X/);
  });

  it('strips every profile of a catalogue of its faults, timings kept (what an activated image runs in an audited world)', () => {
    const catalogue: ProfileCatalogue = {
      profiles: [shipped],
      resolveProfile: () => shipped,
      commsHubProfiles: () => [shipped],
      profile: (id) => (id === 'SHIPPED' ? shipped : undefined),
    };
    const stripped = withoutFaults(catalogue);
    expect(stripped.resolveProfile('M', 'R')).toMatchObject({ id: 'SHIPPED', faults: [], timings: { ESME: { responseLatencyMs: 1234 } } });
    expect(stripped.profiles[0]?.faults).toEqual([]);
    expect(stripped.commsHubProfiles('V', 'R')[0]?.faults).toEqual([]);
    expect(stripped.profile('OTHER')).toBeUndefined();
    expect(shipped.faults).toHaveLength(1);
  });
});
