// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { dbch06LimitedDutyCycleActionTaken } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-device-alerts.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import type { DeviceMessageInfo } from '../device-message.ts';
import { createPremises } from '../premises.ts';
import { openDeviceMessage } from '../testing/dcc-side.ts';
import { SubGhzDutyCycle } from './sub-ghz-duty-cycle.ts';

const START = Date.UTC(2019, 3, 12, 9);
const MINUTE = 60_000;

function world() {
  const clock = new VirtualClock(START);
  const messages: Array<{ frame: Uint8Array; info: DeviceMessageInfo }> = [];
  const p = createPremises({ seed: 'sub-ghz-duty-cycle', clock, devices: { gsme: { firstWakeAfterMs: 10 * MINUTE } }, onDeviceMessage: (frame, info) => void messages.push({ frame, info }) });
  return { clock, p, messages };
}

describe("the CHF's duty-cycle management", () => {
  it("a meter's own duty cycle at Limited: the CHF tells that meter to suspend (0x8F20 names it), at its next wake when it sleeps", async () => {
    const { clock, p, messages } = world();
    // the GSME's own transmissions: 1.4 % of the hour
    p.han.medium.carry({ from: p.gsme.eui, to: p.chf.eui, bytes: 380_000, label: 'reports' });
    await clock.advance(MINUTE);
    expect(messages.map((m) => m.info.alertCode)).toEqual([0x8f20]);
    const alert = openDeviceMessage(p.keys, messages[0]!.frame);
    expect(dbch06LimitedDutyCycleActionTaken.decodeAlert(alert.frame.payload, { header: alert.frame }).deviceId).toBe(p.gsme.eui);
    expect(p.han.medium.usage().map((u) => [u.isHub, u.state])).toEqual([[false, 'limited']]);
    expect(p.han.suspensionOf(p.gsme.eui)?.suspendedUntil).toBeNull();
    await clock.advance(10 * MINUTE);
    expect(p.han.suspensionOf(p.gsme.eui)?.suspendedUntil).toBe(START + 10 * MINUTE + p.han.dutyCycle.suspendPeriodMinutes * MINUTE);
  });

  it('asks for a suspension period SuspendZCLMessages can carry', () => {
    const { p } = world();
    const options = { chf: p.chf, keys: p.keys, medium: p.han.medium, raiseAlert: () => undefined, suspendZcl: () => undefined, isSleepy: () => false, subGhzDevices: () => [] };
    expect(() => new SubGhzDutyCycle({ ...options, suspendPeriodMinutes: 0 })).toThrow(/1\.\.255 whole minutes/);
    expect(new SubGhzDutyCycle({ ...options, suspendPeriodMinutes: 255 }).suspendPeriodMinutes).toBe(255);
  });
});
