// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One firmware image on its way from the CHF to one HAN device, as a ZigBee OTA upgrade, block by
 * block on the virtual clock (ota-image-block.ts sizes a block; radio/airtime.ts prices it on the
 * device's band).
 *
 * Each block: the hub asks its transmit gate (han-transmit-gate.ts) whether it may send the next
 * Image Block Response now — on 868 MHz its duty-cycle budget may say "later", and the device
 * then asks again at that time (the OTA cluster's WAIT_FOR_DATA) [V: the cluster's status codes;
 * P: the wait itself costs no airtime here] — then the device sends its Image Block Request and
 * the hub the Image Block Response, each charged to its sender and each possibly lost (the
 * device then asks again); the device takes the next block after the turnaround. The transfer
 * ends when every byte has arrived.
 *
 * Interruptions [P: GBCS leaves resumption to the ZigBee OTA client; this is what a client that
 * keeps its partial image in flash does]: a block cannot pass while the hub has no mains or the
 * device is unpowered, off the HAN (radio loss) or not joined. The transfer then stalls and
 * resumes from the first missing block — a mains device when it can be reached again (it retries
 * every `retryMs`), a sleepy device at its next wake (`wake()`), since it listens only then. A
 * transfer stalled for `giveUpMs` — or never started that long after it was offered — fails: the
 * CHF abandons it (CCS08 0x8F89 "file transfer failure", firmware-distribution.ts).
 * All its events are background events (they do not keep runUntilIdle busy), one per block.
 */
import type { FirmwareImage } from '../../harness/programme/firmware-catalogue.ts';
import type { ScheduledEvent, VirtualClock } from '../clock/virtual-clock.ts';
import type { EmulatedDevice } from '../device.ts';
import type { HanTransmitGate } from './han-transmit-gate.ts';
import { IMAGE_BLOCK_REQUEST_BYTES, OTA_BLOCK_DATA_BYTES, OTA_BLOCK_TURNAROUND_MS, otaBlockCount, otaBlockTiming, type OtaBlockTiming } from './ota-image-block.ts';

export type OtaTransferStatus = 'waiting-for-device' | 'transferring' | 'stalled' | 'complete' | 'failed' | 'cancelled';

/** How a transfer ended, with what it cost. */
export interface OtaTransferOutcome {
  readonly kind: 'complete' | 'failed';
  /** When it ended, virtual epoch ms. */
  readonly at: number;
  /** When the first block was asked for (null: never). */
  readonly startedAt: number | null;
  readonly blocks: number;
  /** The hub's airtime for the Image Block Responses, ms. */
  readonly hubAirtimeMs: number;
  /** How often it stalled and picked up again. */
  readonly resumes: number;
  /** Failed: why. */
  readonly reason?: string;
}

export interface OtaTransferOptions {
  readonly clock: VirtualClock;
  readonly image: FirmwareImage;
  readonly device: EmulatedDevice;
  /** The hub's transmit gate, asked before every block (read each time: it can be replaced). */
  readonly gate: () => HanTransmitGate;
  /** Whether a block can pass now: the hub has mains, the device power, its HAN link and its join. */
  readonly linkReady: () => boolean;
  /** A sleepy device pulls blocks only while awake: after a stall it waits for `wake()`. */
  readonly sleepy: boolean;
  readonly giveUpMs: number;
  /** Mains devices: how soon the device asks again after a block could not pass. */
  readonly retryMs: number;
  readonly onEnd: (outcome: OtaTransferOutcome) => void;
}

export class OtaTransfer {
  readonly timing: OtaBlockTiming;
  readonly totalBlocks: number;
  private state: OtaTransferStatus = 'waiting-for-device';
  private offset = 0;
  private blocks = 0;
  private airtime = 0;
  private started: number | null = null;
  private stalledSince: number | null = null;
  private resumed = 0;
  private next: ScheduledEvent | null = null;
  /** When the next step is due exactly (block times are fractional ms; events run at whole ms). */
  private dueAt: number | null = null;
  private giveUp: ScheduledEvent | null = null;

  constructor(private readonly options: OtaTransferOptions) {
    if (!options.device.band) throw new RangeError(`${options.device.deviceType} ${options.device.eui} is on no HAN band: no OTA transfer to it`);
    this.timing = otaBlockTiming(options.gate().radio(options.device.band));
    this.totalBlocks = otaBlockCount(options.image.sizeBytes);
    // a device that never comes to take its image is given up on too
    this.armGiveUp(options.clock.now());
  }

  get status(): OtaTransferStatus {
    return this.state;
  }

  get image(): FirmwareImage {
    return this.options.image;
  }

  /** Bytes of the image the device holds so far. */
  get bytesDelivered(): number {
    return this.offset;
  }

  get blocksDelivered(): number {
    return this.blocks;
  }

  get hubAirtimeMs(): number {
    return this.airtime;
  }

  get ended(): boolean {
    return this.state === 'complete' || this.state === 'failed' || this.state === 'cancelled';
  }

  /**
   * The device is ready to pull blocks (a mains device at once, a sleepy one at a wake): the
   * transfer starts, or resumes from the first missing block. Nothing happens while blocks are
   * already flowing or after the end.
   */
  wake(): void {
    if (this.ended || this.state === 'transferring') return;
    this.schedule(this.options.clock.now());
  }

  /** The CHF drops the transfer (another image replaces it): no outcome is told. */
  cancel(): void {
    if (this.ended) return;
    this.state = 'cancelled';
    this.next?.cancel();
    this.giveUp?.cancel();
  }

  private schedule(at: number): void {
    this.next?.cancel();
    this.state = 'transferring';
    this.dueAt = at;
    const { device, image } = this.options;
    // events at whole milliseconds (the virtual clock's time stays integral for everyone else);
    // the step itself works on the exact time, so rounding never adds up over the blocks
    this.next = this.options.clock.schedule({ at: Math.ceil(at) }, () => this.step(), `OTA block ${this.blocks + 1}/${this.totalBlocks} of ${image.releaseId} to ${device.eui}`, { background: true });
  }

  private step(): void {
    const { clock, device, image } = this.options;
    const due = this.dueAt;
    const now = due !== null && clock.now() - due < 1 ? due : clock.now();
    if (!this.options.linkReady()) return this.stall(now);
    if (this.stalledSince !== null) {
      this.stalledSince = null;
      this.giveUp?.cancel();
      if (this.started !== null) this.resumed += 1;
    }
    this.started ??= now;
    const gate = this.options.gate();
    const clear = gate.clearAt(device, this.timing.responseBytes, now);
    if (clear === null) return this.schedule(now + this.options.retryMs);
    if (clear > now) return this.schedule(clear);
    const n = this.blocks + 1;
    const request = gate.deviceSends(device, IMAGE_BLOCK_REQUEST_BYTES, `Image Block Request ${n}/${this.totalBlocks} (${image.releaseId})`);
    // a request lost on the air: the device asks again after its turnaround
    if (!request.delivered) return this.schedule(now + request.airtimeMs + OTA_BLOCK_TURNAROUND_MS);
    const response = gate.hubSends(device, this.timing.responseBytes, `Image Block Response ${n}/${this.totalBlocks} (${image.releaseId})`);
    this.airtime += response.airtimeMs;
    const arrived = now + request.airtimeMs + response.airtimeMs;
    if (!response.delivered) return this.schedule(arrived + OTA_BLOCK_TURNAROUND_MS);
    this.blocks = n;
    this.offset = Math.min(image.sizeBytes, this.offset + OTA_BLOCK_DATA_BYTES);
    if (this.offset >= image.sizeBytes) return this.finish('complete', arrived);
    this.schedule(arrived + OTA_BLOCK_TURNAROUND_MS);
  }

  /** A block could not pass: wait for the device (retry or wake), and give up after giveUpMs. */
  private stall(now: number): void {
    this.state = 'stalled';
    if (this.stalledSince === null) this.armGiveUp(now);
    if (!this.options.sleepy) {
      this.schedule(now + this.options.retryMs);
      this.state = 'stalled';
    }
  }

  /** From `since` on no block has passed: give up `giveUpMs` later unless one does. */
  private armGiveUp(since: number): void {
    this.stalledSince = since;
    this.giveUp = this.options.clock.schedule(
      { at: since + this.options.giveUpMs },
      () => {
        if (!this.ended && this.state !== 'transferring' && this.stalledSince === since) {
          this.finish('failed', this.options.clock.now(), `no block could reach ${this.options.device.eui} for ${this.options.giveUpMs} ms`);
        }
      },
      `OTA of ${this.options.image.releaseId} to ${this.options.device.eui}: give up if no block passes`,
      { background: true },
    );
  }

  private finish(kind: 'complete' | 'failed', at: number, reason?: string): void {
    this.state = kind;
    this.next?.cancel();
    this.giveUp?.cancel();
    this.options.onEnd({ kind, at, startedAt: this.started, blocks: this.blocks, hubAirtimeMs: this.airtime, resumes: this.resumed, ...(reason ? { reason } : {}) });
  }
}
