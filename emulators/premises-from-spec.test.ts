// SPDX-License-Identifier: GPL-3.0-or-later
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadPremisesSpec } from '../harness/programme/premises-spec.ts';
import { publicKeyFromCertificate, publicKeyObject } from '../harness/protocol/gbcs/keys.ts';
import { emulatedDeviceCa } from './smki/emulated-device-ca.ts';
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

  it('gives the DCC the Type 1 devices of the description, each with a KA certificate from the emulated Device CA; none are parties of the premises', () => {
    const spec = loadPremisesSpec();
    const p = createPremises({ seed: 'spec', clock: new VirtualClock(Date.UTC(2019, 3, 8)), devices: premisesOverridesFromSpec(spec) });
    expect(p.hanDevices().map(({ eui, type }) => ({ eui, type }))).toEqual(spec.type1Devices);
    const ca = emulatedDeviceCa('spec');
    for (const d of p.hanDevices()) {
      const certificate = new X509Certificate(Buffer.from(d.kaCertificate!));
      expect(certificate.verify(publicKeyObject(ca.publicKey)), d.eui).toBe(true);
      expect(publicKeyFromCertificate(d.kaCertificate!)).toEqual(p.keys.keysOf(d.eui).ka.publicKey);
      expect(p.device(d.eui), 'an inventory entry, not a device of the premises').toBeUndefined();
    }
    const { type1Devices: _, ...without } = spec;
    expect(createPremises({ seed: 'spec', clock: new VirtualClock(Date.UTC(2019, 3, 8)), devices: premisesOverridesFromSpec(without) }).hanDevices()).toEqual([]);
  });

  it('refuses a Type 1 device with the EUI of a device of the premises', () => {
    const clock = new VirtualClock(Date.UTC(2019, 3, 8));
    expect(() => createPremises({ seed: 'spec', clock, devices: { type1Devices: [{ eui: '00DB1234567890A1', type: 'PPMID' }] } })).toThrow(/PPMID 00DB1234567890A1 .* EUI of another device/);
  });

  it('refuses a description without exactly one ESME and one GSME', () => {
    const spec = loadPremisesSpec();
    expect(() => premisesOverridesFromSpec({ ...spec, meters: spec.meters.filter((m) => m.type === 'ESME') })).toThrow(/exactly one GSME/);
  });
});
