// SPDX-License-Identifier: GPL-3.0-or-later
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultFirmwareCatalogue, manufacturerImage, versionOctetsOf } from './firmware-catalogue.ts';

describe('firmware catalogue (the programme releases as distributable images)', () => {
  const catalogue = defaultFirmwareCatalogue();

  it('lists every release but the withdrawn ones, with size, hash, version octets and GBCS version', () => {
    expect(catalogue.byRelease('TOSH-12.25'), 'withdrawn').toBeUndefined();
    const esme = catalogue.byRelease('MM1-E24-3.0.0');
    expect(esme).toMatchObject({ target: { kind: 'meter', modelId: 'MM1-E24', meterType: 'ESME' }, version: '3.0.0', versionOctets: '332E302E30', sizeBytes: 262_144, gbcs: '2.0' });
    expect(esme?.imageHash).toBe(createHash('sha256').update(manufacturerImage('MM1-E24-3.0.0', 262_144)).digest('hex').toUpperCase());
    expect(catalogue.byRelease('WNC-1.8')).toMatchObject({ target: { kind: 'comms-hub', vendorId: 'WNC', modelId: null }, gbcs: '1.1' });
    expect(catalogue.byRelease('WNC-1.9')?.gbcs, 'Release 2 firmware').toBe('2.0');
    expect(new Set(catalogue.images.map((i) => i.imageHash)).size, 'one hash per image').toBe(catalogue.images.length);
    expect(catalogue.byHash(esme?.imageHash.toLowerCase() ?? '')).toBe(esme);
    expect(versionOctetsOf('1.0.3')).toBe('312E302E33');
  });

  it('finds a version for a device, or says why not: not in the catalogue, or another model’s', () => {
    const esme = { kind: 'meter', modelId: 'MM1-E24' } as const;
    expect(catalogue.lookup(esme, '332e302e30')).toMatchObject({ ok: true, image: { releaseId: 'MM1-E24-3.0.0' } });
    const none = catalogue.lookup(esme, '392E392E39');
    expect(none).toMatchObject({ ok: false, reason: 'not-in-catalogue' });
    expect(!none.ok && none.detail).toMatch(/392E392E39 is in no release.*MM1-E24-2\.1\.0/);
    const other = catalogue.lookup(esme, versionOctetsOf('1.0.3'));
    expect(other).toMatchObject({ ok: false, reason: 'other-model' });
    expect(!other.ok && other.detail).toMatch(/MM2-G868-OPT1-1\.0\.3 for model MM2-G868-OPT1.*not for model MM1-E24/);
    expect(catalogue.lookup({ kind: 'comms-hub', vendorId: 'WNC' }, versionOctetsOf('1.9'))).toMatchObject({ ok: true, image: { releaseId: 'WNC-1.9' } });
    expect(catalogue.forDevice({ kind: 'meter', modelId: 'MM2-G868-OPT1' }).map((i) => i.releaseId)).toEqual(['MM2-G868-OPT1-1.0.2', 'MM2-G868-OPT1-1.0.3']);
  });
});
