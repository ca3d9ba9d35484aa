// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { loadProgramme } from './load-programme.ts';
import { parseProgramme } from './parse-programme.ts';
import { findDeviceModel, findRelease, releaseBands, releasesFor } from './programme.ts';
import { ProgrammeError } from './programme-error.ts';

describe('a programme', () => {
  const programme = loadProgramme();
  const bands = (id: string) => {
    const release = findRelease(programme, id);
    if (release === undefined) throw new Error(`no release ${id}`);
    return releaseBands(programme, release);
  };

  it("gives a release's bands: its own, else its device model's, else its vendor's hub models'", () => {
    expect(bands('MM1-E24-2.1.0')).toEqual(['2.4GHz']);
    expect(bands('MM1-E24-3.0.0')).toEqual(['2.4GHz', '868MHz']);
    expect(bands('MM2-G868-OPT1-1.0.3')).toEqual(['868MHz']);
    expect(bands('TOSH-12.26')).toEqual(['2.4GHz', '868MHz']);
  });

  it('finds models and the releases of a target', () => {
    expect(findDeviceModel(programme, 'MM2-E24')?.type).toBe('ESME');
    expect(findDeviceModel(programme, 'nope')).toBeUndefined();
    expect(releasesFor(programme, 'TOSH').map((r) => r.version)).toEqual(['12.24', '12.25', '12.26']);
    expect(releasesFor(programme, 'MM1-E24').map((r) => r.version)).toEqual(['2.0.4', '2.1.0', '3.0.0']);
  });
});

describe('parsing a programme from memory', () => {
  const info = { name: 'tiny', title: 'Tiny', description: 'A programme with nothing in it yet', today: '2019-01-02' };
  const empty = { manufacturers: [], deviceModels: [], commsHubVendors: [], firmwareReleases: [], deliveries: [], cycles: [], controlPoints: [] };

  it('accepts empty entity files', () => {
    const programme = parseProgramme({ info, ...empty }, 'memory');
    expect(programme).toMatchObject({ name: 'tiny', today: '2019-01-02', folder: 'memory', calendar: [], cycles: [] });
  });

  it('does not call a reference unknown when the entry it names is itself broken', () => {
    const manufacturers = [{ id: 'M', name: 'M', chipset: 'X' }];
    const deviceModels = [
      {
        id: 'M-E',
        manufacturer: 'M',
        type: 'ESME',
        bands: ['5GHz'],
        capabilities: { dualBand: false, subGhzCapable: false },
        smets: 'SMETS2v3',
        gbcs: '2.0',
      },
    ];
    const firmwareReleases = [{ id: 'M-E-1', target: { deviceModel: 'M-E' }, version: '1', date: '2019-01-01', status: 'in-DIT' }];
    const deliveries = [{ id: 'D1', model: 'M-E', count: 1, date: '2019-01-01', where: 'lab' }];
    try {
      parseProgramme({ info, ...empty, manufacturers, deviceModels, firmwareReleases, deliveries }, 'memory');
      throw new Error('accepted a broken programme');
    } catch (e) {
      expect(e).toBeInstanceOf(ProgrammeError);
      expect((e as ProgrammeError).issues).toEqual([
        { file: 'device-models.json', path: '[0].bands[0]', message: '"5GHz" is not one of "2.4GHz" | "868MHz"' },
      ]);
    }
  });
});
