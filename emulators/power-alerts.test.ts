// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Physical power events through the Bench's emulated driver raise the alerts a DUIS user sees:
 * ESME supply restored (0x8F35 GNCA + 0x8F36 ECS80, only after ≥ 3 min), GSME power supply loss
 * (0x8F1D) and low battery (0x8F1F), and the comms hub power loss the DCC reports as AD1.
 * Each frame is compared with its RTDS counterpart's shape (header, protection, payload tree)
 * when the RTDS folder is present.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../harness/protocol/gbcs/frame.ts';
import type { GbcsFrame } from '../harness/protocol/gbcs/frame-types.ts';
import { hexToBytes } from '../harness/protocol/gbcs/hex.ts';
import { decodeTypedMessage } from '../harness/protocol/gbcs/payload/registry.ts';
import { defaultRtdsDir, rtdsAvailable } from '../harness/protocol/gbcs/rtds.ts';
import { createEmulatedBenchDriver } from './bench-driver.ts';
import { VirtualClock } from './clock/virtual-clock.ts';
import type { DeviceMessageInfo } from './device-message.ts';
import { COMMS_HUB_POWER_LOSS_REPORT_MS, createPremises, DEFAULT_EUIS, DEFAULT_MPXNS, type CommsHubPowerLoss } from './premises.ts';
import { REMOTE_PARTY } from './remote-parties.ts';
import { openDeviceMessage } from './testing/dcc-side.ts';
import { decodeGbzAlert } from '../harness/protocol/gbcs/payload/zcl/gbz-alert.ts';
import { dlmsShape, headerShape } from './testing/payload-shape.ts';

const START = Date.UTC(2019, 3, 8, 9);
const MINUTE = 60_000;
const RTDS = defaultRtdsDir();
const AVAILABLE = rtdsAvailable(RTDS);

function world() {
  const clock = new VirtualClock(START);
  const messages: Array<{ frame: Uint8Array; info: DeviceMessageInfo }> = [];
  const losses: CommsHubPowerLoss[] = [];
  // the GSME's first wake far away, so nothing but the alerts happens
  const premises = createPremises({ seed: 'power-alerts', clock, devices: { gsme: { firstWakeAfterMs: 29 * MINUTE } }, onDeviceMessage: (frame, info) => void messages.push({ frame, info }) });
  premises.onCommsHubPowerLoss((l) => void losses.push(l));
  return { clock, premises, bench: createEmulatedBenchDriver(premises), messages, losses };
}

/** A GBZ alert's structure: payload length, component count, trailing body (values aside). */
function gbzAlertShape(payload: Uint8Array) {
  const a = decodeGbzAlert(payload);
  return { length: payload.length, componentCount: a.componentCount, bodyLength: a.body.length };
}

function rtdsFrame(folder: string, name: string): GbcsFrame {
  return decodeFrame(hexToBytes(readFileSync(join(RTDS, 'RTDS-4.5.0', folder, `${name}_GBCS.HEX`), 'utf8').replace(/\s+/g, ''), name));
}

describe('power alerts from the emulated premises', () => {
  it('ESME: no alert at the loss, 0x8F35 (GNCA) and 0x8F36 (ECS80) at a restoration after ≥ 3 min', async () => {
    const { clock, premises, bench, messages } = world();
    await bench.setSupply(DEFAULT_EUIS.esme, false);
    await clock.advance(5 * MINUTE);
    expect(messages).toEqual([]);
    await bench.setSupply(DEFAULT_EUIS.esme, true);
    await clock.advance(MINUTE);
    expect(messages.map((m) => [m.info.useCase, m.info.alertCode, m.info.recipient])).toEqual([
      ['GNCA', 0x8f35, REMOTE_PARTY.supplier],
      ['ECS80', 0x8f36, REMOTE_PARTY.networkOperator],
    ]);
    const gnca = openDeviceMessage(premises.keys, messages[0]!.frame);
    expect([gnca.mac, gnca.signature]).toEqual(['valid', 'absent']);
    const ecs80 = openDeviceMessage(premises.keys, messages[1]!.frame);
    expect([ecs80.mac, ecs80.signature]).toEqual(['absent', 'valid']);
    const typed = decodeTypedMessage(ecs80.frame);
    expect(typed?.useCase).toBe('ECS80');
    expect(messages[1]!.info.at).toBe(START + 5 * MINUTE + premises.esme.profile.alertLatencyMs);
  });

  it('ESME: an outage under 3 minutes raises nothing', async () => {
    const { clock, bench, messages } = world();
    await bench.setSupply(DEFAULT_EUIS.esme, false);
    await clock.advance(3 * MINUTE - 1);
    await bench.setSupply(DEFAULT_EUIS.esme, true);
    await clock.advance(5 * MINUTE);
    expect(messages).toEqual([]);
  });

  it('GSME: low battery once per crossing, power supply loss as a last gasp', async () => {
    const { clock, bench, messages } = world();
    await bench.setBatteryPercent(DEFAULT_EUIS.gsme, 50);
    await bench.setBatteryPercent(DEFAULT_EUIS.gsme, 8);
    await bench.setBatteryPercent(DEFAULT_EUIS.gsme, 5);
    await clock.advance(MINUTE);
    await bench.setBatteryPercent(DEFAULT_EUIS.gsme, 0);
    await clock.advance(MINUTE);
    expect(messages.map((m) => [m.info.useCase, m.info.alertCode, m.info.originator])).toEqual([
      ['GNCA', 0x8f1f, DEFAULT_EUIS.gsme],
      ['GNCA', 0x8f1d, DEFAULT_EUIS.gsme],
    ]);
  });

  it('comms hub: power loss reaches the DCC listeners with the hub id and the MPxNs; alerts need the hub', async () => {
    const { clock, bench, messages, losses } = world();
    await bench.setSupply(DEFAULT_EUIS.chf, false);
    await bench.setBatteryPercent(DEFAULT_EUIS.gsme, 5);
    await clock.advance(COMMS_HUB_POWER_LOSS_REPORT_MS - 1);
    expect(losses).toEqual([]);
    await clock.advance(MINUTE);
    expect(losses).toEqual([{ commsHubId: DEFAULT_EUIS.chf, lostAt: START, mpxns: [DEFAULT_MPXNS.esme, DEFAULT_MPXNS.gsme] }]);
    expect(messages, 'the GSME alert is lost while the hub is down').toEqual([]);
  });

  describe.skipIf(!AVAILABLE)('shaped like RTDS', () => {
    it('0x8F36 like ECS80_NA_8F36_ALERT, 0x8F35 like GNCA-DLMS_NA_810E_ALERT', async () => {
      const { clock, premises, bench, messages } = world();
      await bench.setSupply(DEFAULT_EUIS.esme, false);
      await clock.advance(10 * MINUTE);
      await bench.setSupply(DEFAULT_EUIS.esme, true);
      await clock.advance(MINUTE);
      const [gnca, ecs80] = messages.map((m) => openDeviceMessage(premises.keys, m.frame).frame);
      const rtdsEcs80 = rtdsFrame('NA_ECS80', 'ECS80_NA_8F36_ALERT');
      expect(headerShape(ecs80!)).toEqual(headerShape(rtdsEcs80));
      expect(ecs80!.recipient).toBe(rtdsEcs80.recipient);
      expect(dlmsShape(ecs80!.payload)).toEqual(dlmsShape(rtdsEcs80.payload));
      const rtdsGnca = rtdsFrame('NA_GNCA-DLMS', 'GNCA-DLMS_NA_810E_ALERT');
      expect(headerShape(gnca!)).toEqual(headerShape(rtdsGnca));
      expect(gnca!.recipient).toBe(rtdsGnca.recipient);
      expect(dlmsShape(gnca!.payload)).toEqual(dlmsShape(rtdsGnca.payload));
    });

    it('0x8F1D / 0x8F1F like GNCA-ZigBee_NA_810E_ALERT', async () => {
      const { clock, premises, bench, messages } = world();
      await bench.setBatteryPercent(DEFAULT_EUIS.gsme, 5);
      await clock.advance(MINUTE); // the low-battery alert leaves before the battery dies
      await bench.setBatteryPercent(DEFAULT_EUIS.gsme, 0);
      await clock.advance(MINUTE);
      const rtds = rtdsFrame('NA_GNCA-ZigBee', 'GNCA-ZigBee_NA_810E_ALERT');
      expect(messages).toHaveLength(2);
      for (const m of messages) {
        const ours = openDeviceMessage(premises.keys, m.frame);
        expect(ours.mac).toBe('valid');
        expect(headerShape(ours.frame)).toEqual(headerShape(rtds));
        expect(ours.frame.recipient).toBe(rtds.recipient);
        expect(gbzAlertShape(ours.frame.payload)).toEqual(gbzAlertShape(rtds.payload));
      }
    });
  });
});
