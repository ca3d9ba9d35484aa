// SPDX-License-Identifier: GPL-3.0-or-later
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../harness/protocol/gbcs/frame.ts';
import type { GbcsFrame } from '../harness/protocol/gbcs/frame-types.ts';
import { spacedHexToBytes } from '../harness/protocol/gbcs/hex.ts';
import { rtdsAbsent, rtdsMessagesDir, RTDS_SKIP_REASON } from '../harness/protocol/gbcs/payload/testing/rtds-payloads.ts';
import { dbch10MessageDiscarded } from '../harness/protocol/gbcs/payload/use-cases/dbch10-message-discarded.ts';
import { ecs52 } from '../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { gcs38 } from '../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { dbch06LimitedDutyCycleActionTaken, dbch11NoMoreSubGhzDeviceCapacity } from '../harness/protocol/gbcs/payload/use-cases/sub-ghz-device-alerts.ts';
import { VirtualClock } from './clock/virtual-clock.ts';
import { DEFAULT_SUB_GHZ_CONFIGURATION } from './comms-hub/sub-ghz-config.ts';
import type { DeviceMessageInfo } from './device-message.ts';
import { createPremises, DEFAULT_EUIS, type PremisesDeviceOverrides } from './premises.ts';
import { REMOTE_PARTY } from './remote-parties.ts';
import { commandHeader, openDeviceMessage, sealCommand } from './testing/dcc-side.ts';
import { dlmsShape, headerShape } from './testing/payload-shape.ts';

const START = Date.UTC(2019, 3, 12, 9);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Filler that takes the hub from Normal past the regulatory limit (about 2.7 % of an hour at 100 kbit/s: 82 payload bytes in 139 on the air). */
const PAST_REGULATED = 720_000;
/** Filler for about 1.4 % of an hour: Limited. */
const PAST_LIMITED = 380_000;
/** About 2.3 %: Critical. */
const PAST_CRITICAL = 620_000;

function world(devices: PremisesDeviceOverrides = {}) {
  const clock = new VirtualClock(START);
  const messages: Array<{ frame: Uint8Array; info: DeviceMessageInfo }> = [];
  const p = createPremises({ seed: 'han-traffic', clock, devices: { ...devices, gsme: { firstWakeAfterMs: 20 * MINUTE, ...devices.gsme } }, onDeviceMessage: (frame, info) => void messages.push({ frame, info }) });
  let counter = BigInt(START);
  const send = (recipient: string, codec: typeof gcs38 | typeof ecs52) => {
    const header = commandHeader({ recipient, messageCode: codec.messageCode, counter: (counter += 1n) });
    const payload = codec === gcs38 ? gcs38.encodeCommand({ sequenceNumber: 1 }, { header }) : ecs52.encodeCommand({} as never, { header });
    return { header, receipt: p.handleCommand(sealCommand(p.keys, header, payload)) };
  };
  const alerts = () => messages.filter((m) => m.info.kind === 'alert').map((m) => m.info.alertCode);
  return { clock, p, messages, send, alerts };
}

function rtdsFrame(folder: string, name: string): GbcsFrame {
  return decodeFrame(spacedHexToBytes(readFileSync(join(rtdsMessagesDir(), folder, `${name}_GBCS.HEX`), 'utf8').trim()));
}

describe('HAN traffic: the duty cycle on 868 MHz and what the CHF does about it', () => {
  it('steps the hub up with 0x8F20 (naming the meter it suspends), 0x8F22, 0x8F24, and back down with 0x8F25, 0x8F23, 0x8F21', async () => {
    const { clock, p, messages, alerts } = world();
    p.han.filler(p.gsme.eui, PAST_REGULATED);
    await clock.advance(MINUTE);
    expect(alerts()).toEqual([0x8f20, 0x8f22, 0x8f24]);
    const limited = openDeviceMessage(p.keys, messages[0]!.frame);
    expect(limited.mac).toBe('valid');
    expect(dbch06LimitedDutyCycleActionTaken.decodeAlert(limited.frame.payload, { header: limited.frame }).deviceId).toBe(p.gsme.eui);
    expect(messages.every((m) => m.info.originator === p.chf.eui && m.info.recipient === REMOTE_PARTY.accessControlBroker)).toBe(true);
    await clock.advance(2 * HOUR);
    expect(alerts()).toEqual([0x8f20, 0x8f22, 0x8f24, 0x8f25, 0x8f23, 0x8f21]);
    expect(p.han.medium.usage()[0]).toMatchObject({ isHub: true, state: 'normal' });
  });

  it('unicasts SuspendZCLMessages at Limited: the sleepy GSME takes it at its next wake and holds its low battery alert', async () => {
    const { clock, p, alerts } = world();
    p.han.filler(p.gsme.eui, PAST_LIMITED);
    await clock.advance(MINUTE);
    expect(alerts()).toEqual([0x8f20]);
    expect(p.han.suspensionOf(p.gsme.eui)?.suspendedUntil, 'not before its wake').toBeNull();
    await clock.advance(20 * MINUTE);
    const until = p.han.suspensionOf(p.gsme.eui)?.suspendedUntil;
    expect(until).toBe(START + 20 * MINUTE + 60 * MINUTE);
    p.gsme.setBatteryPercent(5);
    await clock.advance(10 * MINUTE);
    expect(alerts(), 'held').toEqual([0x8f20]);
    await clock.advanceTo(until as number);
    await clock.advance(MINUTE);
    expect(alerts()).toContain(0x8f1f);
  });

  it('broadcasts SuspendZCLMessages at Critical: a mains meter on 868 MHz takes it at once', async () => {
    const { clock, p } = world({ esme: { band: '868MHz', bands: ['2.4GHz', '868MHz'] } });
    p.han.filler(p.gsme.eui, PAST_CRITICAL);
    await clock.advance(MINUTE);
    expect(p.han.medium.stateOf(p.chf.eui)).toBe('critical');
    expect(p.han.suspensionOf(p.esme.eui)?.suspendedUntil).toBeGreaterThan(clock.now());
  });

  it('discards what it would send while Suspended, with 0x8F2C naming the command; no response follows', async () => {
    const { clock, p, messages, send, alerts } = world();
    p.han.filler(p.gsme.eui, PAST_REGULATED);
    const { header, receipt } = send(p.gsme.eui, gcs38);
    expect(await receipt).toMatchObject({ accepted: true, route: 'GSME-queued' });
    await clock.advance(30 * MINUTE);
    expect(alerts()).toEqual([0x8f20, 0x8f22, 0x8f24, 0x8f2c]);
    expect(messages.some((m) => m.info.kind === 'response')).toBe(false);
    const alert = openDeviceMessage(p.keys, messages[3]!.frame);
    expect(dbch10MessageDiscarded.decodeAlert(alert.frame.payload, { header: alert.frame }).discarded).toEqual({
      originator: REMOTE_PARTY.supplier,
      target: p.gsme.eui,
      craFlag: 1,
      originatorCounter: header.counter,
    });
    await clock.advance(2 * HOUR);
    expect(messages.some((m) => m.info.kind === 'response'), 'the discarded command is gone').toBe(false);
  });

  it('on 2.4 GHz nothing is metered: the ESME answers, no duty-cycle alert', async () => {
    const { clock, p, send, alerts, messages } = world();
    for (let i = 0; i < 5; i++) p.han.filler(p.esme.eui, PAST_REGULATED);
    expect(await send(p.esme.eui, ecs52).receipt).toMatchObject({ accepted: true, route: 'ESME' });
    await clock.advance(10 * MINUTE);
    expect(alerts()).toEqual([]);
    expect(messages.filter((m) => m.info.kind === 'response')).toHaveLength(1);
    expect(p.han.medium.usage().find((u) => u.isHub)?.percent ?? 0).toBeLessThan(0.01);
  });

  it('a meter whose link is drowned by interference on the sub-GHz channel never gets the command: no response', async () => {
    const { clock, p, send, messages } = world({ esme: { band: '868MHz', bands: ['2.4GHz', '868MHz'] } });
    p.subGhzNoise.setInterference(p.chf.channels.subGhz, 0, clock.now());
    expect(await send(p.esme.eui, ecs52).receipt).toMatchObject({ accepted: true });
    await clock.advance(5 * MINUTE);
    expect(messages.filter((m) => m.info.kind === 'response')).toEqual([]);
    p.subGhzNoise.setInterference(p.chf.channels.subGhz, null, clock.now());
    await send(p.esme.eui, ecs52).receipt;
    await clock.advance(MINUTE);
    expect(messages.filter((m) => m.info.kind === 'response')).toHaveLength(1);
  });

  it('raises 0x8F2D naming a sub-GHz device that joins while the hub is Critical or worse', async () => {
    const { clock, p, alerts, messages } = world();
    p.han.filler(p.gsme.eui, PAST_CRITICAL);
    const code = p.installCodeOf(p.gsme.eui) as string;
    p.chf.removeDevice(p.gsme.eui);
    p.chf.addDevice({ eui: p.gsme.eui, deviceType: 'GSME', installCode: code, joinTimeoutMs: HOUR });
    expect(p.chf.join(p.gsme.eui, { installCode: code }).ok).toBe(true);
    await clock.advance(MINUTE);
    expect(alerts()).toContain(0x8f2d);
    const alert = messages.find((m) => m.info.alertCode === 0x8f2d)!;
    const opened = openDeviceMessage(p.keys, alert.frame);
    expect(dbch11NoMoreSubGhzDeviceCapacity.decodeAlert(opened.frame.payload, { header: opened.frame }).deviceId).toBe(p.gsme.eui);
  });

  it('takes the thresholds SRV 6.28 sets: lower ones step the hub at once', async () => {
    const { clock, p, alerts } = world();
    p.han.filler(p.gsme.eui, 250_000);
    await clock.advance(MINUTE);
    expect(alerts()).toEqual([]);
    const set = p.chf.subGhzConfiguration.set({ ...DEFAULT_SUB_GHZ_CONFIGURATION, normalLimitedDutyCycleThresholdPercent: 0.5, limitedCriticalDutyCycleThresholdPercent: 0.8 }, clock.now());
    expect(set.ok).toBe(true);
    await clock.advance(MINUTE);
    expect(alerts().filter((c) => c !== 0x8f2a)).toEqual([0x8f20, 0x8f22]);
  });

  it('refuses a meter on a band its model cannot use', () => {
    expect(() => world({ gsme: { band: '2.4GHz', bands: ['868MHz'] } })).toThrow(/GSME 00DB1234567890A1 cannot be put on 2\.4GHz: its model .* is 868MHz only/);
    expect(() => world({ commsHub: { bands: ['2.4GHz'] } })).toThrow(/GSME is on 868MHz but the comms hub runs only 2\.4GHz/);
    expect(DEFAULT_EUIS.gsme).toBe('00DB1234567890A1');
  });
});

describe.skipIf(rtdsAbsent)(`the CHF's duty-cycle alerts have the shape of RTDS (${RTDS_SKIP_REASON})`, () => {
  it('0x8F20 like DBCH06, 0x8F2C like DBCH10, 0x8F2D like DBCH11, 0x8F22 like GNCA-DLMS from the CHF to the ACB', async () => {
    const { clock, p, messages, send } = world();
    p.han.filler(p.gsme.eui, PAST_REGULATED);
    await send(p.gsme.eui, gcs38).receipt;
    await clock.advance(30 * MINUTE);
    const code = p.installCodeOf(p.gsme.eui) as string;
    p.chf.removeDevice(p.gsme.eui);
    p.chf.addDevice({ eui: p.gsme.eui, deviceType: 'GSME', installCode: code, joinTimeoutMs: HOUR });
    p.chf.join(p.gsme.eui, { installCode: code });
    await clock.advance(MINUTE);
    const ours = (alertCode: number) => openDeviceMessage(p.keys, messages.find((m) => m.info.alertCode === alertCode)!.frame);
    const gnca = rtdsFrame('NA_GNCA-DLMS', 'GNCA-DLMS_NA_810E_ALERT');
    for (const [alertCode, reference] of [
      [0x8f20, rtdsFrame('NA_DBCH06', 'DBCH06_NA_8F20_ALERT')],
      [0x8f2c, rtdsFrame('NA_DBCH10', 'DBCH10_NA_8F2C_ALERT')],
      [0x8f2d, rtdsFrame('NA_DBCH11', 'DBCH11_NA_8F2D_ALERT')],
      [0x8f22, gnca],
    ] as const) {
      const opened = ours(alertCode);
      expect(opened.mac, alertCode.toString(16)).toBe('valid');
      const header = reference === gnca ? { ...headerShape(gnca), originator: p.chf.eui, recipient: REMOTE_PARTY.accessControlBroker } : headerShape(reference);
      expect(headerShape(opened.frame), alertCode.toString(16)).toEqual(header);
      expect(dlmsShape(opened.frame.payload), alertCode.toString(16)).toEqual(dlmsShape(reference.payload));
    }
  });
});
