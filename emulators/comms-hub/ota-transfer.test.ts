// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { EmulatedDevice, type HanBand } from '../device.ts';
import { deviceProfile } from '../firmware/device-profile.ts';
import { airtimeMs, RADIO_2_4_GHZ, RADIO_868_MHZ } from '../radio/airtime.ts';
import { ALWAYS_CLEAR_GATE, type HanTransmitGate } from './han-transmit-gate.ts';
import { IMAGE_BLOCK_REQUEST_BYTES, OTA_BLOCK_TURNAROUND_MS, otaBlockCount, otaBlockTiming } from './ota-image-block.ts';
import { OtaTransfer, type OtaTransferOutcome } from './ota-transfer.ts';
import { ESME_IMAGE, FIRMWARE_TEST_START } from '../testing/firmware-images.ts';

const START = FIRMWARE_TEST_START;
const image = ESME_IMAGE;

function setup(band: HanBand, gate: HanTransmitGate = ALWAYS_CLEAR_GATE, sleepy = false) {
  const clock = new VirtualClock(START);
  const device = new EmulatedDevice({ eui: '00DB1234567890A0', deviceType: 'ESME', manufacturer: 'MM1', model: 'MM1-E24', firmwareVersion: '0123ABCD', band }, deviceProfile('ESME'));
  let ready = true;
  const ends: OtaTransferOutcome[] = [];
  const transfer = new OtaTransfer({ clock, image, device, gate: () => gate, linkReady: () => ready, sleepy, giveUpMs: 3_600_000, retryMs: 60_000, onEnd: (o) => void ends.push(o) });
  return { clock, transfer, ends, setReady: (r: boolean) => (ready = r) };
}

describe('ZigBee OTA block sizes and timings', () => {
  it('a block: 17-byte request, 64 data bytes in an 81-byte response, priced by airtime.ts', () => {
    expect(otaBlockCount(image.sizeBytes)).toBe(4096);
    const t24 = otaBlockTiming(RADIO_2_4_GHZ);
    expect(t24).toEqual({ responseBytes: 81, responseAirtimeMs: 4.224, requestAirtimeMs: 2.176, cycleMs: 2.176 + 4.224 + OTA_BLOCK_TURNAROUND_MS });
    const t868 = otaBlockTiming(RADIO_868_MHZ);
    expect(t868.responseAirtimeMs).toBeCloseTo(11.04, 9);
    expect(t868.requestAirtimeMs).toBeCloseTo(airtimeMs(RADIO_868_MHZ, IMAGE_BLOCK_REQUEST_BYTES), 9);
    expect(t868.cycleMs).toBeCloseTo(36.96, 9);
  });
});

describe('one OTA transfer on the virtual clock', () => {
  it('2.4 GHz, nothing holding it up: blocks × cycle, the hub airtime counted', async () => {
    const { clock, transfer, ends } = setup('2.4GHz');
    transfer.wake();
    await clock.advance(3_600_000);
    expect(ends).toHaveLength(1);
    const [end] = ends as [OtaTransferOutcome];
    expect(end).toMatchObject({ kind: 'complete', startedAt: START, blocks: 4096, resumes: 0 });
    // the last block has no turnaround after it (epoch-ms floats: a few 1/10 000 ms per block)
    expect(Math.abs(end.at - START - (4096 * 26.4 - OTA_BLOCK_TURNAROUND_MS))).toBeLessThan(2);
    expect(end.hubAirtimeMs).toBeCloseTo(4096 * 4.224, 3);
    expect(transfer.bytesDelivered).toBe(image.sizeBytes);
  });

  it('a gate that allows one block a second paces the transfer', async () => {
    let next = START;
    const paced: HanTransmitGate = {
      ...ALWAYS_CLEAR_GATE,
      clearAt: (_d, _b, at) => Math.max(at, next),
      hubSends: (device, bytes, label) => {
        next = Math.floor(next / 1000) * 1000 + 1000;
        return ALWAYS_CLEAR_GATE.hubSends(device, bytes, label);
      },
    };
    const { clock, transfer, ends } = setup('868MHz', paced);
    transfer.wake();
    await clock.advance(2 * 3_600_000);
    expect(ends[0]?.at).toBeGreaterThanOrEqual(START + 4095 * 1000);
    expect(ends[0]?.blocks).toBe(4096);
  });

  it('stalls while the device cannot be reached, resumes from the first missing block, fails after giveUpMs', async () => {
    const { clock, transfer, ends, setReady } = setup('2.4GHz');
    transfer.wake();
    await clock.advance(30_000);
    const before = transfer.bytesDelivered;
    expect(before).toBeGreaterThan(0);
    setReady(false);
    await clock.advance(10 * 60_000);
    expect(transfer.status).toBe('stalled');
    const stalledAt = transfer.bytesDelivered;
    expect(stalledAt - before).toBeLessThanOrEqual(64);
    setReady(true);
    await clock.advance(3_600_000);
    expect(ends[0]).toMatchObject({ kind: 'complete', blocks: 4096, resumes: 1 });

    const lost = setup('2.4GHz');
    lost.transfer.wake();
    await lost.clock.advance(10_000);
    lost.setReady(false);
    await lost.clock.advance(2 * 3_600_000);
    expect(lost.ends[0]).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/no block could reach/) });
    expect(lost.ends[0]!.at - (START + 10_000)).toBeLessThanOrEqual(3_600_000 + 60_000);
  });

  it('a sleepy device waits for its wake: after a stall nothing moves until wake()', async () => {
    const { clock, transfer, ends, setReady } = setup('868MHz', ALWAYS_CLEAR_GATE, true);
    await clock.advance(60_000);
    expect(transfer.status).toBe('waiting-for-device');
    transfer.wake();
    await clock.advance(10_000);
    setReady(false);
    await clock.advance(60_000);
    const held = transfer.bytesDelivered;
    setReady(true);
    await clock.advance(20 * 60_000);
    expect(transfer.bytesDelivered, 'no retry without a wake').toBe(held);
    transfer.wake();
    await clock.advance(20 * 60_000);
    expect(ends[0]).toMatchObject({ kind: 'complete', resumes: 1 });
  });
});
