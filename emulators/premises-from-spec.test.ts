// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { loadPremisesSpec } from '../harness/programme/premises-spec.ts';
import { VirtualClock } from './clock/virtual-clock.ts';
import { createPremises } from './premises.ts';
import { premisesOverridesFromSpec } from './premises-from-spec.ts';

describe('premisesOverridesFromSpec', () => {
  it('builds the premises the default fixture describes', () => {
    const spec = loadPremisesSpec();
    const p = createPremises({ seed: 'spec', clock: new VirtualClock(Date.UTC(2019, 3, 8)), devices: premisesOverridesFromSpec(spec) });
    expect(p.commsHub.manufacturer).toBe(spec.commsHub.vendor);
    expect(p.chf.firmwareVersion).toBe(spec.commsHub.firmwareImage);
    expect(p.chf.subGhzChannelMask.toString(16).toUpperCase()).toBe(spec.commsHub.subGhzChannel);
    for (const m of spec.meters) {
      const d = p.device(m.eui);
      expect(d).toMatchObject({ deviceType: m.type, manufacturer: m.manufacturer, model: m.model, firmwareVersion: m.firmwareImage, band: m.band });
      expect(Buffer.from(p.installCodeOf(m.eui) ?? '', 'hex').toString('ascii')).toBe(m.installCode);
      expect(p.chf.isJoined(m.eui)).toBe(true);
    }
  });

  it('refuses a description without exactly one ESME and one GSME', () => {
    const spec = loadPremisesSpec();
    expect(() => premisesOverridesFromSpec({ ...spec, meters: spec.meters.filter((m) => m.type === 'ESME') })).toThrow(/exactly one GSME/);
  });
});
