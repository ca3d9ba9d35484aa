// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { EmulatedDevice } from '../device.ts';
import { deviceProfile } from '../firmware/device-profile.ts';
import { bandCapability, bandCapabilityKind, bandRefusal } from './band-capability.ts';

describe('band capability', () => {
  it('names the three kinds, whatever the order of the bands', () => {
    expect(bandCapabilityKind(['2.4GHz'])).toBe('2.4GHz only');
    expect(bandCapabilityKind(['868MHz'])).toBe('868MHz only');
    expect(bandCapabilityKind(['868MHz', '2.4GHz'])).toBe('dual band');
    expect(bandCapability(['868MHz', '2.4GHz'])).toEqual(['2.4GHz', '868MHz']);
  });

  it('says why a device cannot sit on a band, and nothing when it can', () => {
    expect(bandRefusal(['868MHz'], '2.4GHz')).toBe('868MHz only');
    expect(bandRefusal(['2.4GHz', '868MHz'], '868MHz')).toBeNull();
    expect(() => bandCapability([])).toThrow(/at least one HAN band/);
  });

  it('an emulated device on a band its model cannot use is refused, naming the device, the band and the model', () => {
    const identity = { eui: '00DB1234567890A1', deviceType: 'GSME' as const, manufacturer: 'MM2', model: 'MM2-G868-OPT1', firmwareVersion: '01', band: '2.4GHz' as const };
    expect(() => new EmulatedDevice({ ...identity, bands: ['868MHz'] }, deviceProfile('GSME'))).toThrow(
      'the GSME 00DB1234567890A1 cannot be put on 2.4GHz: its model MM2-G868-OPT1 is 868MHz only',
    );
    expect(new EmulatedDevice({ ...identity, bands: ['868MHz', '2.4GHz'] }, deviceProfile('GSME')).bands).toEqual(['2.4GHz', '868MHz']);
    expect(new EmulatedDevice(identity, deviceProfile('GSME')).bands, 'default: its own band alone').toEqual(['2.4GHz']);
  });
});
