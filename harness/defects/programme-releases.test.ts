// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { CommsHubVendorSchema } from '../programme/comms-hub-vendor.ts';
import { FirmwareReleaseSchema } from '../programme/firmware-release.ts';
import { defectReleasesOf } from './programme-releases.ts';

const programme = {
  commsHubVendors: [CommsHubVendorSchema.parse({ id: 'TOSH', name: 'Toshiba', models: [{ id: 'TOSH-DBCH', bands: ['2.4GHz', '868MHz'], chts: '1.1', gbcs: '2.0' }] })],
  firmwareReleases: [
    FirmwareReleaseSchema.parse({
      id: 'TOSH-12.25',
      target: { commsHubVendor: 'TOSH' },
      version: '12.25',
      date: '2019-03-11',
      status: 'withdrawn',
      history: [
        { date: '2019-03-11', status: 'in-DIT' },
        { date: '2019-04-08', status: 'withdrawn' },
      ],
      claimsToFix: [{ ticket: 'TOSH-DIT-0117', notes: 'n' }, { defectSignature: '9c0e5b1f2a7d4e11' }],
    }),
    FirmwareReleaseSchema.parse({ id: 'MM1-E24-2.2', target: { deviceModel: 'MM1-E24' }, version: '2.2', status: 'planned', expected: 'May' }),
  ],
};

describe('defectReleasesOf', () => {
  it('reads the programme’s releases as the projection needs them, with the status of the day', () => {
    expect(defectReleasesOf(programme, '2019-04-01')).toEqual([
      {
        id: 'TOSH-12.25',
        target: { kind: 'comms-hub', vendor: 'Toshiba' },
        version: '12.25',
        date: '2019-03-11',
        status: 'in-DIT',
        claimsToFix: [{ ticket: 'TOSH-DIT-0117' }, { defectSignature: '9c0e5b1f2a7d4e11' }],
      },
      { id: 'MM1-E24-2.2', target: { kind: 'meter', model: 'MM1-E24' }, version: '2.2', status: 'planned', claimsToFix: [] },
    ]);
    expect(defectReleasesOf(programme, '2019-04-08')[0]?.status).toBe('withdrawn');
  });
});
