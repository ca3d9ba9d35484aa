// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * SRV 11.1 Update Firmware on the premises: the DCC has checked the image against its firmware
 * catalogue and hands it to the comms hub over the WAN; what the premises does with it
 * [V: GBCS — distribution and activation are separate; the image reaches HAN devices as a ZigBee
 * OTA upgrade image; a device that has received an image verifies it and tells the user with a
 * Firmware Distribution Receipt Alert; the CHF tells the DCC how each transfer ended with CCS08.
 * P: the timings and the resumption rules below]:
 *
 * - a meter's image: the CHF holds it and sends it to the meter block by block
 *   (comms-hub/ota-transfer.ts) through the hub's transmit gate (the premises' HAN medium: band,
 *   losses and, on 868 MHz, the hub's duty-cycle budget). The ESME starts at once. The GSME is
 *   told through its Functional Notification Flags (NewOTAFirmware on the GPF mirror) and starts
 *   at its next wake; [P] once it has started it stays awake and pulls the whole image (a ZigBee
 *   OTA client asks for blocks back to back; pulling a few blocks per half-hourly wake would
 *   take days), and after an interruption it resumes at its next wake. When every block has
 *   arrived the meter holds the image, verifies it (its hash over the image: the catalogue's)
 *   and sends FDRA 0x8F72 to the user who asked; the CHF sends CCS08 0x8F8A to the DCC. A
 *   transfer that stalls for `giveUpMs` (24 h [P], as the CHF's sleepy send timeout) fails: CCS08
 *   0x8F89 "file transfer failure", the meter keeps what it held before, and no FDRA follows.
 * - the comms hub's own image (target the CHF): it arrives over the WAN (`hubImageDelayMs`,
 *   60 s [P]) — no HAN airtime; the hub holds it and sends FDRA 0x8F72 (0x00CE, "ESME or comms
 *   hub") to the user. No CCS08: there was no HAN transfer [P].
 * A new image for a device replaces a transfer still running to it; what a device already holds
 * stays until the new image has arrived whole. Nothing is lost by a power cycle of the hub or of
 * the device: the hub keeps the images it serves, the device the blocks it has [P].
 */
import type { FirmwareImage } from '../harness/programme/firmware-catalogue.ts';
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import type { FirmwareTransferResult } from '../harness/protocol/gbcs/payload/use-cases/ccs08.ts';
import { FUNCTIONAL_NOTIFICATION_FLAG } from './comms-hub/functional-notification-flags.ts';
import type { HanTransmitGate } from './comms-hub/han-transmit-gate.ts';
import { OtaTransfer, type OtaTransferOutcome } from './comms-hub/ota-transfer.ts';
import type { EmulatedDevice } from './device.ts';
import { Listeners } from './listeners.ts';
import type { Esme } from './meters/esme.ts';
import type { Gsme } from './meters/gsme.ts';
import type { Premises } from './premises.ts';
import { firmwareReceiptAlert, firmwareTransferAlert } from './use-cases/firmware-alerts.ts';

const HOUR = 3_600_000;
/** [P] How long the CHF keeps trying a stalled transfer (as its default sleepy send timeout). */
export const OTA_GIVE_UP_MS = 24 * HOUR;
/** [P] How soon a mains device asks for a block again when one could not pass. */
export const OTA_RETRY_MS = 60_000;
/** [P] From the DCC's distribution to the comms hub holding its own image (WAN transfer). */
export const HUB_IMAGE_DELAY_MS = 60_000;

const NEW_OTA_FIRMWARE = FUNCTIONAL_NOTIFICATION_FLAG.newOtaFirmware;

export interface DistributionRequest {
  /** The device the image is for: the ESME, the GSME or the CHF (the comms hub's own firmware). */
  readonly target: Eui64;
  readonly image: FirmwareImage;
  /** The Service User who asked (SRV 11.1): the device's receipt alert goes to it. */
  readonly requester: Eui64;
}

export type DistributionReceipt =
  | { readonly accepted: true; readonly route: 'han-ota' | 'wan' }
  | { readonly accepted: false; readonly reason: 'unknown-device' | 'not-updatable'; readonly detail: string };

/** How one distribution ended, for traces and tests. */
export interface DistributionOutcome {
  readonly target: Eui64;
  readonly image: FirmwareImage;
  readonly result: FirmwareTransferResult;
  /** When the device held the image (or the CHF gave up), virtual epoch ms. */
  readonly at: number;
  /** The HAN transfer's figures (null for the comms hub's own image). */
  readonly transfer: OtaTransferOutcome | null;
}

export interface FirmwareDistributionOptions {
  readonly premises: Premises;
  /** The hub's transmit gate (read at every block). */
  readonly gate: () => HanTransmitGate;
  readonly giveUpMs?: number;
  readonly retryMs?: number;
  readonly hubImageDelayMs?: number;
}

export class FirmwareDistribution {
  private readonly held = new Map<Eui64, FirmwareImage>();
  private readonly running = new Map<Eui64, OtaTransfer>();
  private readonly listeners = new Listeners<(outcome: DistributionOutcome) => void>();
  private readonly detach: () => void;

  constructor(private readonly options: FirmwareDistributionOptions) {
    const { premises } = options;
    this.detach = premises.gsme.onWake((gsme) => this.gsmeWoke(gsme));
  }

  /** The complete image a device holds (not necessarily running), or null. */
  heldImage(eui: Eui64): FirmwareImage | null {
    return this.held.get(eui.toUpperCase()) ?? null;
  }

  /** The transfer running (or waiting) to a device, if any. */
  transferTo(eui: Eui64): OtaTransfer | undefined {
    const t = this.running.get(eui.toUpperCase());
    return t && !t.ended ? t : undefined;
  }

  /** Registers a listener for ended distributions; returns a function that removes it. */
  onOutcome(listener: (outcome: DistributionOutcome) => void): () => void {
    return this.listeners.add(listener);
  }

  dispose(): void {
    this.detach();
    for (const t of this.running.values()) t.cancel();
    this.running.clear();
    this.listeners.clear();
  }

  /** The DCC hands the comms hub an image for `request.target` (see the file header). */
  distribute(request: DistributionRequest): DistributionReceipt {
    const { premises } = this.options;
    const device = premises.device(request.target);
    if (!device) return { accepted: false, reason: 'unknown-device', detail: `${request.target} is no device of this premises` };
    if (device === premises.chf) {
      this.deliverToHub(request);
      return { accepted: true, route: 'wan' };
    }
    const meter: Esme | Gsme | undefined = device === premises.esme ? premises.esme : device === premises.gsme ? premises.gsme : undefined;
    if (!meter) return { accepted: false, reason: 'not-updatable', detail: `the ${device.deviceType} runs the comms hub's firmware: distribute to the CHF` };
    this.running.get(meter.eui)?.cancel();
    const sleepy = meter === premises.gsme;
    const transfer = new OtaTransfer({
      clock: premises.clock,
      image: request.image,
      device: meter,
      gate: this.options.gate,
      linkReady: () => premises.commsHub.powered && meter.reachable && premises.chf.isJoined(meter.eui),
      sleepy,
      giveUpMs: this.options.giveUpMs ?? OTA_GIVE_UP_MS,
      retryMs: this.options.retryMs ?? OTA_RETRY_MS,
      onEnd: (outcome) => premises.clock.schedule({ at: Math.ceil(outcome.at) }, () => this.ended(meter, request, outcome), `OTA of ${request.image.releaseId} to ${meter.eui} ends (${outcome.kind})`),
    });
    this.running.set(meter.eui, transfer);
    if (sleepy) premises.gpf.updateFunctionalNotificationFlags(NEW_OTA_FIRMWARE);
    else transfer.wake();
    return { accepted: true, route: 'han-ota' };
  }

  /** The GSME woke and reached the hub: it reads NewOTAFirmware and pulls its image (or resumes). */
  private gsmeWoke(gsme: Gsme): void {
    const { premises } = this.options;
    const transfer = this.running.get(gsme.eui);
    if (!transfer || transfer.ended || !premises.commsHub.powered || !premises.chf.isJoined(gsme.eui)) return;
    premises.gpf.updateFunctionalNotificationFlags(0, NEW_OTA_FIRMWARE);
    transfer.wake();
  }

  private ended(meter: Esme | Gsme, request: DistributionRequest, outcome: OtaTransferOutcome): void {
    const { premises } = this.options;
    if (this.running.get(meter.eui)?.image !== request.image) return;
    this.running.delete(meter.eui);
    const at = premises.clock.now();
    const result: FirmwareTransferResult = outcome.kind === 'complete' ? 'success' : 'file-transfer-failure';
    if (outcome.kind === 'complete') {
      this.held.set(meter.eui, request.image);
      premises.raiseMeterAlert(meter, firmwareReceiptAlert(meter, premises.keys, at, request.requester, true, request.image.imageHash), at);
    }
    premises.raiseChfAlert(firmwareTransferAlert(premises.chf, premises.keys, at, meter.eui, request.image, result), at, `CCS08 from ${premises.chf.eui} (${request.image.releaseId} to ${meter.eui}: ${result})`);
    this.tell({ target: meter.eui, image: request.image, result, at, transfer: outcome });
  }

  /** The comms hub's own image arrives over the WAN; the hub then holds it and says so. */
  private deliverToHub(request: DistributionRequest): void {
    const { premises } = this.options;
    const chf: EmulatedDevice = premises.chf;
    premises.clock.schedule(
      { after: this.options.hubImageDelayMs ?? HUB_IMAGE_DELAY_MS },
      () => {
        if (!premises.commsHub.powered) return;
        const at = premises.clock.now();
        this.held.set(chf.eui, request.image);
        premises.raiseChfAlert(firmwareReceiptAlert(chf, premises.keys, at, request.requester, true, request.image.imageHash), at, `FDRA 0x8F72 from ${chf.eui} (${request.image.releaseId})`);
        this.tell({ target: chf.eui, image: request.image, result: 'success', at, transfer: null });
      },
      `comms hub ${chf.eui} receives ${request.image.releaseId} over the WAN`,
    );
  }

  private tell(outcome: DistributionOutcome): void {
    for (const l of this.listeners.snapshot()) l(outcome);
  }
}
