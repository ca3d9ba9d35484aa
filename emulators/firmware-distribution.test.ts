// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { decodeTypedMessage } from '../harness/protocol/gbcs/payload/registry.ts';
import { VirtualClock } from './clock/virtual-clock.ts';
import { FUNCTIONAL_NOTIFICATION_FLAG } from './comms-hub/functional-notification-flags.ts';
import { otaBlockTiming } from './comms-hub/ota-image-block.ts';
import type { DeviceMessageInfo } from './device-message.ts';
import type { DistributionOutcome } from './firmware-distribution.ts';
import { OTA_GIVE_UP_MS } from './firmware-distribution.ts';
import { createPremises } from './premises.ts';
import { RADIO_868_MHZ } from './radio/airtime.ts';
import { REMOTE_PARTY } from './remote-parties.ts';
import { openDeviceMessage } from './testing/dcc-side.ts';
import { ESME_IMAGE, FIRMWARE_CATALOGUE, FIRMWARE_TEST_START, GSME_IMAGE } from './testing/firmware-images.ts';

const START = FIRMWARE_TEST_START;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const catalogue = FIRMWARE_CATALOGUE;
const USER = REMOTE_PARTY.supplier;

function world(seed = 'firmware-distribution') {
  const clock = new VirtualClock(START);
  const messages: Array<{ frame: Uint8Array; info: DeviceMessageInfo }> = [];
  const premises = createPremises({ seed, clock, onDeviceMessage: (frame, info) => void messages.push({ frame, info }) });
  const outcomes: DistributionOutcome[] = [];
  premises.firmwareDistribution.onOutcome((o) => void outcomes.push(o));
  const alerts = (code: number) =>
    messages
      .filter((m) => m.info.kind === 'alert' && m.info.alertCode === code)
      .map((m) => {
        const opened = openDeviceMessage(premises.keys, m.frame);
        return { info: m.info, opened, typed: decodeTypedMessage({ ...opened.frame, payload: opened.frame.payload }) };
      });
  return { clock, premises, messages, outcomes, alerts };
}

describe('SRV 11.1 distribution on the premises', () => {
  it('the ESME on 2.4 GHz pulls its image at once; FDRA 0x8F72 to the user, CCS08 0x8F8A to the ACB, signed', async () => {
    const { clock, premises, outcomes, alerts } = world();
    expect(premises.distributeFirmware({ target: premises.esme.eui, image: ESME_IMAGE, requester: USER })).toEqual({ accepted: true, route: 'han-ota' });
    await clock.advance(10 * MINUTE);
    expect(outcomes).toHaveLength(1);
    const [o] = outcomes as [DistributionOutcome];
    expect(o).toMatchObject({ target: premises.esme.eui, result: 'success', transfer: { kind: 'complete', blocks: 4096, startedAt: START } });
    // 4096 blocks of about 26.4 ms each: some retries on the seeded link
    expect(o.at - START).toBeGreaterThan(108_000);
    expect(o.at - START).toBeLessThan(2 * MINUTE);
    expect(premises.firmwareDistribution.heldImage(premises.esme.eui)).toBe(ESME_IMAGE);
    expect(premises.esme.firmwareVersion, 'not running it yet').toBe('0123ABCD');
    const [fdra] = alerts(0x8f72);
    expect(fdra?.opened.frame).toMatchObject({ originator: premises.esme.eui, recipient: USER, messageCode: 0x00ce });
    expect([fdra?.opened.mac, fdra?.opened.signature]).toEqual(['absent', 'valid']);
    expect(fdra?.typed?.fields).toMatchObject({ calculatedImageHash: ESME_IMAGE.imageHash });
    const [ccs08] = alerts(0x8f8a);
    expect(ccs08?.opened.frame).toMatchObject({ originator: premises.chf.eui, recipient: REMOTE_PARTY.accessControlBroker, messageCode: 0x0128 });
    expect(ccs08?.typed?.fields).toEqual({ executionDateTime: expect.any(String), entityId: premises.esme.eui, firmwareVersion: ESME_IMAGE.versionOctets, result: 'success' });
  });

  it('the GSME on 868 MHz: NewOTAFirmware, pulled from its next wake, paced by the hub staying below Limited', async () => {
    const { clock, premises, outcomes } = world();
    premises.distributeFirmware({ target: premises.gsme.eui, image: GSME_IMAGE, requester: USER });
    expect(premises.gpf.functionalNotificationFlags! & FUNCTIONAL_NOTIFICATION_FLAG.newOtaFirmware).toBeTruthy();
    const firstWake = premises.gsme.nextWakeAt!;
    await clock.advanceTo(firstWake - 1);
    expect(premises.firmwareDistribution.transferTo(premises.gsme.eui)?.status).toBe('waiting-for-device');
    await clock.advance(3 * HOUR);
    expect(premises.gpf.functionalNotificationFlags! & FUNCTIONAL_NOTIFICATION_FLAG.newOtaFirmware).toBe(0);
    const [o] = outcomes as [DistributionOutcome];
    expect(o.transfer).toMatchObject({ kind: 'complete', blocks: 8192, startedAt: firstWake });
    const transferMs = o.at - firstWake;
    const block = otaBlockTiming(RADIO_868_MHZ);
    const unpacedMs = 8192 * block.cycleMs;
    const hubAirtimeMs = o.transfer!.hubAirtimeMs;
    expect(hubAirtimeMs).toBeGreaterThanOrEqual(8192 * block.responseAirtimeMs);
    // the hub keeps under Limited (1.3 % of an hour = 46.8 s of airtime): the 2nd part of the image waits for the 1st hour's airtime to leave the window
    expect(hubAirtimeMs).toBeGreaterThan(46_800);
    expect(transferMs).toBeGreaterThan(HOUR);
    expect(transferMs).toBeLessThan(HOUR + 2 * unpacedMs);
    const hub = premises.han.medium.usage().find((u) => u.isHub)!;
    expect(hub.peakPercent, 'the hub never reached Limited').toBeLessThan(1.3);
  });

  it('interrupted: ESME power loss and hub power loss mid-image resume from the last block', async () => {
    const { clock, premises, outcomes } = world();
    premises.distributeFirmware({ target: premises.esme.eui, image: ESME_IMAGE, requester: USER });
    await clock.advance(30_000);
    const transfer = premises.firmwareDistribution.transferTo(premises.esme.eui)!;
    premises.esme.setPowered(false);
    await clock.advance(10 * MINUTE);
    const held = transfer.bytesDelivered;
    expect(transfer.status).toBe('stalled');
    premises.esme.setPowered(true);
    await clock.advance(30_000);
    expect(transfer.bytesDelivered).toBeGreaterThan(held);
    premises.commsHub.setPowered(false);
    await clock.advance(5 * MINUTE);
    premises.commsHub.setPowered(true);
    await clock.advance(HOUR);
    expect(outcomes[0]).toMatchObject({ result: 'success', transfer: { kind: 'complete', blocks: 4096, resumes: 2 } });
  });

  it('interrupted: a GSME off the HAN for longer than the CHF waits: CCS08 0x8F89 file transfer failure, nothing held', async () => {
    const { clock, premises, outcomes, alerts } = world();
    premises.distributeFirmware({ target: premises.gsme.eui, image: GSME_IMAGE, requester: USER });
    await clock.advanceTo(premises.gsme.nextWakeAt! + 10_000);
    premises.gsme.linkUp = false;
    await clock.advance(OTA_GIVE_UP_MS + HOUR);
    expect(outcomes[0]).toMatchObject({ result: 'file-transfer-failure', transfer: { kind: 'failed' } });
    expect(premises.firmwareDistribution.heldImage(premises.gsme.eui)).toBeNull();
    expect(alerts(0x8f89)[0]?.typed?.fields).toMatchObject({ entityId: premises.gsme.eui, result: 'file-transfer-failure' });
    expect(alerts(0x8f72)).toEqual([]);
  });

  it("the comms hub's own image comes over the WAN: held by the CHF, FDRA 0x8F72 (0x00CE) from the CHF", async () => {
    const { clock, premises, alerts } = world();
    const hubImage = catalogue.byRelease('WNC-1.9')!;
    expect(premises.distributeFirmware({ target: premises.chf.eui, image: hubImage, requester: USER })).toEqual({ accepted: true, route: 'wan' });
    expect(premises.distributeFirmware({ target: premises.gpf.eui, image: hubImage, requester: USER })).toMatchObject({ accepted: false, reason: 'not-updatable' });
    await clock.advance(5 * MINUTE);
    expect(premises.firmwareDistribution.heldImage(premises.chf.eui)).toBe(hubImage);
    expect(alerts(0x8f72)[0]?.opened.frame).toMatchObject({ originator: premises.chf.eui, messageCode: 0x00ce, recipient: USER });
    expect(alerts(0x8f8a)).toEqual([]);
  });
});
