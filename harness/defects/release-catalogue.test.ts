// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { compareVersions, createReleaseCatalogue, type DefectRelease } from './release-catalogue.ts';
import { combo } from './testing/synthetic-ledger.ts';

const releases: DefectRelease[] = [
  { id: 'TOSH-12.26', target: { kind: 'comms-hub', vendor: 'TOSH' }, version: '12.26', date: '2019-05-15', claimsToFix: [] },
  { id: 'TOSH-12.25', target: { kind: 'comms-hub', vendor: 'TOSH' }, version: '12.25', date: '2019-03-11', claimsToFix: [] },
  { id: 'E24-2.1.0', target: { kind: 'meter', model: 'MM1-E24' }, version: '2.1.0', date: '2019-03-01', claimsToFix: [] },
  { id: 'E24-2.10.0', target: { kind: 'meter', model: 'MM1-E24' }, version: '2.10.0', claimsToFix: [] },
  { id: 'E24-2.9.0', target: { kind: 'meter', model: 'MM1-E24' }, version: '2.9.0', claimsToFix: [] },
];

describe('release catalogue', () => {
  const catalogue = createReleaseCatalogue(releases);

  it('finds the two releases a combination carries, or names unlisted ones after it', () => {
    expect(catalogue.of(combo('TOSH 12.25', 'MM1 MM1-E24 2.1.0'))).toEqual({
      commsHub: { id: 'TOSH-12.25', component: 'comms-hub', line: 'comms-hub:TOSH', version: '12.25', date: '2019-03-11', known: true },
      meter: { id: 'E24-2.1.0', component: 'meter', line: 'meter:MM1-E24', version: '2.1.0', date: '2019-03-01', known: true },
    });
    expect(catalogue.of(combo('WNC 1.9', 'MM1 MM1-E24 3.0'))).toMatchObject({
      commsHub: { id: 'WNC 1.9', known: false, date: null, line: 'comms-hub:WNC' },
      meter: { id: 'MM1 MM1-E24 3.0', known: false, line: 'meter:MM1-E24' },
    });
  });

  it('takes a release id the combination records at its word', () => {
    const named = { ...combo('TOSH 12.25b', 'MM1 MM1-E24 2.1.0'), commsHub: { vendor: 'TOSH', firmware: '12.25b', releaseId: 'TOSH-12.25' } };
    expect(catalogue.of(named).commsHub.id).toBe('TOSH-12.25');
  });

  it('orders releases of one line by date, else by version; releases of two lines not at all', () => {
    const c = (comms: string, meter: string) => catalogue.of(combo(comms, meter));
    const a = c('TOSH 12.25', 'MM1 MM1-E24 2.9.0');
    const b = c('TOSH 12.26', 'MM1 MM1-E24 2.10.0');
    expect(catalogue.compare(a.commsHub, b.commsHub)).toBe(-1);
    expect(catalogue.compare(b.commsHub, a.commsHub)).toBe(1);
    expect(catalogue.compare(a.commsHub, a.commsHub)).toBe(0);
    expect(catalogue.compare(a.meter, b.meter)).toBe(-1); // no dates: 2.9.0 < 2.10.0
    expect(catalogue.compare(a.commsHub, a.meter)).toBeUndefined();
    expect(catalogue.onLine(combo('TOSH 12.26', 'MM1 MM1-E24 2.1.0'), 'meter:MM1-E24')?.id).toBe('E24-2.1.0');
    expect(catalogue.onLine(combo('TOSH 12.26', 'MM1 MM1-E24 2.1.0'), 'comms-hub:WNC')).toBeUndefined();
  });

  it('compares dotted versions numerically', () => {
    expect(compareVersions('1.9', '1.10')).toBe(-1);
    expect(compareVersions('12.26', '12.26')).toBe(0);
    expect(compareVersions('1.4.1', '1.4')).toBe(1);
    expect(compareVersions('1.4-rc1', '1.4-rc2')).toBe(-1);
  });
});
