// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it } from 'vitest';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { deviceEuiOf, versionOctetsFrom } from './duis-firmware-command.ts';
import { UserError } from './user-error.ts';
import { runDit as dit } from './testing/run-dit.ts';

afterEach(() => {
  process.exitCode = undefined;
});

describe('dit duis update-firmware (SRV 11.1 from the CLI)', () => {
  const premises = loadPremisesSpec();

  it('names the device by type or EUI, and refuses one the premises does not have', () => {
    expect(deviceEuiOf(premises, 'esme')).toBe(premises.meters.find((m) => m.type === 'ESME')?.eui);
    expect(deviceEuiOf(premises, 'CHF')).toBe(premises.commsHub.chf);
    expect(deviceEuiOf(premises, '00-DB-12-34-56-78-90-A1')).toBe('00DB1234567890A1');
    expect(() => deviceEuiOf(premises, 'PPMID')).toThrow(UserError);
    expect(() => deviceEuiOf(premises, '00DB1234567890FF')).toThrow(/EUI-64 of one of the premises' devices/);
  });

  it('takes a release version as its ASCII octets, or hex: octets as given', () => {
    expect(versionOctetsFrom('2.1.0')).toBe('322E312E30');
    expect(versionOctetsFrom('hex:0a0b')).toBe('0A0B');
    expect(() => versionOctetsFrom('hex:0g')).toThrow(/hex/);
    expect(() => versionOctetsFrom(' ')).toThrow(UserError);
  });

  it('shows a version not in the catalogue refused by the DCC with the reason and the versions it has (exit 1)', async () => {
    const { code, out } = await dit(['duis', 'update-firmware', '--device', 'ESME', '--firmware', '9.9.9', '--json']);
    const result = JSON.parse(out);
    expect(result.answer.responseCode).toBe('E9005');
    expect(result.answer.reason).toMatch(/in no release of the firmware catalogue.*MM1-E24-2\.1\.0/);
    expect(result.receipt).toBeNull();
    expect(code).toBe(1);
  });

  it('distributes a catalogue image and reports the receipt alert in virtual time (exit 0)', async () => {
    const { code, out } = await dit(['duis', 'update-firmware', '--device', 'ESME', '--firmware', '2.0.4']);
    expect(out).toMatch(/^DCC: I0/m);
    expect(out).toMatch(/alert 8F72 after [\d.]+ min \(virtual\)/);
    expect(code).toBe(0);
  });
});
