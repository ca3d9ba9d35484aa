// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The premises' HAN medium (radio/han-medium.ts) as the hub's transmit gate (han-transmit-gate.ts):
 * on 868 MHz the hub may send a firmware block when its own duty cycle stays below the Limited
 * threshold with it (`hubSlot`, the medium's default ceiling) [P: the hub paces the traffic it
 * controls before it needs SuspendZCLMessages], keeping room for the block and two retries of it
 * (RETRY_MARGIN) so that a block lost once or twice does not take the hub over the threshold [P];
 * every frame, each way, is charged to its sender's duty cycle and may be lost (retries included)
 * exactly as any other HAN frame. On 2.4 GHz the slot is always now.
 */
import type { EmulatedDevice } from '../device.ts';
import type { HanMedium } from '../radio/han-medium.ts';
import type { HanTransmitGate } from './han-transmit-gate.ts';

/** [P] The room the hub keeps per block: the block sent three times (once and two retries). */
export const RETRY_MARGIN = 3;

export function hanMediumGate(medium: HanMedium, hub: EmulatedDevice): HanTransmitGate {
  return {
    radio: (band) => medium.radioOf(band),
    clearAt(device, bytes, at) {
      const slot = medium.hubSlot(device.eui, bytes * RETRY_MARGIN);
      return slot.at === null ? null : Math.max(slot.at, at);
    },
    hubSends(device, bytes, label) {
      const d = medium.hubSend(device.eui, bytes, label);
      return { delivered: d.delivered, airtimeMs: d.airtimeMs };
    },
    deviceSends(device, bytes, label) {
      const d = medium.carry({ from: device.eui, to: hub.eui, bytes, label });
      return { delivered: d.delivered, airtimeMs: d.airtimeMs };
    },
  };
}
