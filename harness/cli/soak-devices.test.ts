// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { loadPremisesSpec, type PremisesSpec } from '../programme/premises-spec.ts';
import { FirmwareCatalogue } from '../programme/firmware-catalogue.ts';
import { soakDevices } from './soak-devices.ts';
import { UserError } from './user-error.ts';

describe('the devices a soak drives', () => {
  const premises = loadPremisesSpec();

  it('takes the hub, both meters, the GSME wake interval and the newest other catalogue image of its model', () => {
    const d = soakDevices(premises, 'dual-band.json');
    expect([d.chf, d.gpf, d.esme, d.gsme, d.wakeMs]).toEqual(['00DB1234567890A2', '00DB1234567890A3', '00DB1234567890A0', '00DB1234567890A1', 30 * 60_000]);
    expect(d.gsmeImage.releaseId).toBe('MM2-G868-OPT1-1.0.2');
  });

  it('refuses a premises it cannot drive, saying why', () => {
    const without = (change: (p: PremisesSpec) => PremisesSpec) => () => soakDevices(change(structuredClone(premises)), 'p.json');
    expect(without((p) => ({ ...p, meters: p.meters.filter((m) => m.type === 'ESME') }))).toThrow(/p\.json: the soak needs an ESME and a GSME, the premises has ESME/);
    expect(without((p) => ({ ...p, meters: p.meters.map((m) => (m.type === 'GSME' ? { ...m, band: '2.4GHz' as const } : m)) }))).toThrow(/needs the GSME on 868MHz, it is on 2\.4GHz/);
    expect(() => soakDevices(premises, 'p.json', new FirmwareCatalogue([]))).toThrow(UserError);
    expect(() => soakDevices(premises, 'p.json', new FirmwareCatalogue([]))).toThrow(/no release of the GSME's model MM2-G868-OPT1 other than the one it runs/);
  });
});
