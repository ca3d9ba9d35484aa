// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The HAN medium of one premises: the one place where frames cross the air between the comms
 * hub and its devices, so that every frame costs airtime, can be lost and, on 868 MHz, counts
 * against its sender's duty cycle. Callers (the CHF relaying a command, a meter sending a
 * response or an alert, a GSME wake, SuspendZCLMessages, Bench filler, firmware image blocks)
 * hand a frame to `carry` and act on the verdict.
 *
 * - Band: a frame travels on the band of the device at the other end from the hub; a
 *   broadcast on 868 MHz. Airtime per attempt: airtime.ts (sub-GHz data rate a parameter).
 * - Duty cycle (868 MHz only): one DutyCycleMeter per sub-GHz device and one for the comms hub
 *   itself (radio/duty-cycle.ts), plus one per hub → device link to tell which device the hub's
 *   traffic goes to. A sender whose meter is Suspended sends nothing (verdict `suspended`, no
 *   airtime); otherwise every attempt is charged, retries included. Each step of a meter is
 *   told to the `onStep` listeners (the CHF's duty-cycle management), at the time it happens:
 *   steps up as a frame is charged, steps down on the virtual clock when the usage falls below
 *   a threshold (`nextStepDownAt`, a background event — nobody polls).
 * - Thresholds are read from `thresholds()` each time a meter is used (the CHF's sub-GHz
 *   configuration, SRV 6.28); a change re-evaluates the meter then, or at once through
 *   `thresholdsChanged()`.
 * - Loss: each attempt of each PHY frame is lost with the link's frame error rate
 *   (link-signal.ts, from the seed) combined with the interference the Bench injects on the
 *   band's operating channel (radio/sub-ghz-noise.ts; `interferenceLossRate`); a PHY frame is
 *   tried up to MAX_ATTEMPTS times [P: ZigBee MAC 3 retries × APS 3 retries → 16 attempts], so
 *   a message is lost only under heavy interference. A broadcast is sent BROADCAST_TRANSMISSIONS times
 *   [P: ZigBee nwkMaxBroadcastRetries 2] and heard by each reachable device any of them reaches.
 *   A device that is unpowered or whose link the Bench cut (radio loss) hears nothing: every
 *   attempt is spent and lost (verdict `unreachable`). Draws come from one stream per link
 *   forked off the premises' seed, so traces are reproducible.
 * - The hub's budget, for traffic it paces itself (firmware image blocks): `hubSlot` says when
 *   the hub may send N bytes to a device without its usage reaching a level (default: Limited),
 *   `hubSend` sends them.
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { ScheduledEvent, VirtualClock } from '../clock/virtual-clock.ts';
import type { EmulatedDevice, HanBand } from '../device.ts';
import { Listeners } from '../listeners.ts';
import { airtimeMs, framesFor, payloadPerFrame, RADIO_2_4_GHZ, subGhzRadio, type BandRadio } from './airtime.ts';
import { DEFAULT_DUTY_CYCLE_THRESHOLDS, DutyCycleMeter, type DutyCycleState, type DutyCycleStep, type DutyCycleThresholds } from './duty-cycle.ts';
import { seededLinkQuality, type LinkQuality } from './link-signal.ts';

/** [P] Attempts of one unicast frame: 1 + 3 MAC retries, each of up to 1 + 3 APS retries. */
export const MAX_ATTEMPTS = 16;
/** [P] Transmissions of one broadcast frame (ZigBee nwkMaxBroadcastRetries 2). */
export const BROADCAST_TRANSMISSIONS = 3;

/** A frame for the air: from the hub (its CHF's EUI) to a device, or from a device to the hub. */
export interface HanFrame {
  readonly from: Eui64;
  readonly to: Eui64;
  /** Application payload bytes (a GBCS frame's length, or han-frame-sizes.ts). */
  readonly bytes: number;
  /** For traces: what the frame is ("ECS17b command", "SuspendZCLMessages", "filler"). */
  readonly label: string;
}

export type HanDelivery =
  | { readonly delivered: true; readonly band: HanBand; readonly attempts: number; readonly airtimeMs: number }
  | {
      readonly delivered: false;
      /** suspended: the sender's duty cycle is Suspended (nothing sent); unreachable: the other end is off the air; lost: every attempt lost. */
      readonly reason: 'suspended' | 'unreachable' | 'lost';
      readonly band: HanBand;
      readonly attempts: number;
      readonly airtimeMs: number;
    };

/** Whose duty cycle stepped: the hub's own, or a sub-GHz device's. */
export interface DutyCycleStepEvent {
  readonly transmitter: Eui64;
  readonly isHub: boolean;
  readonly step: DutyCycleStep;
}

/** One transmitter's duty cycle as it stands. */
export interface DutyCycleUsage {
  readonly transmitter: Eui64;
  readonly isHub: boolean;
  readonly state: DutyCycleState;
  readonly percent: number;
  /** Highest usage seen at the end of any of its transmissions. */
  readonly peakPercent: number;
}

/** When the hub may send a number of bytes to a device (`hubSlot`). */
export interface HubSlot {
  readonly band: HanBand;
  /** Airtime of one attempt of each of its PHY frames, ms (retries come on top). */
  readonly airtimeMs: number;
  /** Earliest virtual time it may start (now on 2.4 GHz); null: never (the frame alone is over the ceiling). */
  readonly at: number | null;
  /** Whether the device is on the air now (powered, link not cut). */
  readonly reachable: boolean;
}

export interface HanMediumOptions {
  readonly clock: VirtualClock;
  /** The premises' seed (link quality) and random source (per-link loss draws are forked off it). */
  readonly seed: string;
  readonly random: SeededRandom;
  /** The comms hub's transmitter id: its CHF's EUI. */
  readonly hub: Eui64;
  /** The device with this EUI on the premises' HAN, if any. */
  readonly device: (eui: Eui64) => EmulatedDevice | undefined;
  /** Every device on the HAN (for broadcasts). */
  readonly devices: () => readonly EmulatedDevice[];
  /** The duty-cycle thresholds in force (the CHF's sub-GHz configuration). Default: DEFAULT_DUTY_CYCLE_THRESHOLDS. */
  readonly thresholds?: () => DutyCycleThresholds;
  /** Sub-GHz data rate, bit/s. Default: airtime.ts's. */
  readonly subGhzBitsPerSecond?: number;
  /** Interference on a band's operating channel now, dBm (the Bench's, through the sub-GHz noise); null: none. Default: none. */
  readonly interferenceDbm?: (band: HanBand) => number | null;
}

interface Transmitter {
  readonly eui: Eui64;
  readonly isHub: boolean;
  readonly meter: DutyCycleMeter;
  peakPercent: number;
  stepDown: ScheduledEvent | null;
}

function sameThresholds(a: DutyCycleThresholds, b: DutyCycleThresholds): boolean {
  return a.limitedPercent === b.limitedPercent && a.criticalPercent === b.criticalPercent && a.regulatedPercent === b.regulatedPercent;
}

const CEILING: Readonly<Record<Exclude<DutyCycleState, 'normal'>, keyof DutyCycleThresholds>> = {
  limited: 'limitedPercent',
  critical: 'criticalPercent',
  suspended: 'regulatedPercent',
};

export class HanMedium {
  readonly subGhz: BandRadio;
  private readonly transmitters = new Map<Eui64, Transmitter>();
  /** Hub → device airtime on 868 MHz, per device. */
  private readonly towards = new Map<Eui64, DutyCycleMeter>();
  private readonly draws = new Map<Eui64, SeededRandom>();
  private readonly links = new Map<string, LinkQuality>();
  private readonly stepListeners = new Listeners<(event: DutyCycleStepEvent) => void>();
  private readonly untold: DutyCycleStepEvent[] = [];
  private telling = false;

  constructor(private readonly options: HanMediumOptions) {
    this.subGhz = subGhzRadio(options.subGhzBitsPerSecond);
  }

  /** Registers a listener for duty-cycle steps; returns a function that removes it. */
  onStep(listener: (event: DutyCycleStepEvent) => void): () => void {
    return this.stepListeners.add(listener);
  }

  radioOf(band: HanBand): BandRadio {
    return band === '868MHz' ? this.subGhz : RADIO_2_4_GHZ;
  }

  /** The band a frame between the hub and this device travels on; null when it is no device on the HAN. */
  bandOf(eui: Eui64): HanBand | null {
    return this.options.device(eui)?.band ?? null;
  }

  /** Sends one unicast frame across the HAN now (see the file header) and says what became of it. */
  carry(frame: HanFrame): HanDelivery {
    const { hub } = this.options;
    const fromHub = frame.from === hub;
    const deviceEui = fromHub ? frame.to : frame.from;
    const device = this.options.device(deviceEui);
    if (!device?.band || (!fromHub && frame.to !== hub)) {
      throw new RangeError(`${frame.label}: a HAN frame goes between the hub ${hub} and one of its devices, not ${frame.from} → ${frame.to}`);
    }
    const band = device.band;
    const radio = this.radioOf(band);
    const at = this.options.clock.now();
    const sender = band === '868MHz' ? this.transmitter(frame.from, fromHub) : null;
    if (sender && !this.mayTransmit(sender, at)) return { delivered: false, reason: 'suspended', band, attempts: 0, airtimeMs: 0 };
    // a device hears only when powered with its link up; it sends whenever its link is up (a
    // last gasp goes out on the energy it still holds: its caller decides it may send)
    const reachable = fromHub ? device.reachable : device.linkUp;
    // each PHY frame of the message is retried on its own; the message is lost with the first
    // PHY frame that exhausts its attempts
    const perFrame = payloadPerFrame(radio);
    const frames = framesFor(radio, frame.bytes);
    let attempts = 0;
    let airtime = 0;
    let through = true;
    for (let i = 0; i < frames && through; i++) {
      const fragmentMs = airtimeMs(radio, Math.min(perFrame, frame.bytes - i * perFrame));
      through = false;
      for (let tries = 0; !through && tries < MAX_ATTEMPTS; tries++) {
        attempts += 1;
        airtime += fragmentMs;
        through = reachable && !this.lostOn(deviceEui, band);
      }
    }
    if (sender) this.charge(sender, at, airtime, fromHub ? deviceEui : null);
    if (through) return { delivered: true, band, attempts, airtimeMs: airtime };
    return { delivered: false, reason: reachable ? 'lost' : 'unreachable', band, attempts, airtimeMs: airtime };
  }

  /**
   * The hub broadcasts a frame on 868 MHz now: the devices on that band that heard it (none
   * when the hub is Suspended).
   */
  broadcast(bytes: number): Eui64[] {
    const at = this.options.clock.now();
    const hub = this.transmitter(this.options.hub, true);
    if (!this.mayTransmit(hub, at)) return [];
    this.charge(hub, at, BROADCAST_TRANSMISSIONS * airtimeMs(this.subGhz, bytes), null);
    const heard: Eui64[] = [];
    for (const device of this.options.devices()) {
      if (device.band !== '868MHz' || !device.reachable) continue;
      let got = false;
      for (let i = 0; i < BROADCAST_TRANSMISSIONS; i++) got = !this.lostOn(device.eui, '868MHz') || got;
      if (got) heard.push(device.eui);
    }
    return heard;
  }

  /**
   * When the hub may send `bytes` to `device` with its own usage kept below the threshold of
   * `ceiling` (default Limited), allowing for the retries the link needs on average [P] (an
   * unlucky run of retries may still take it over: the medium charges what was sent).
   */
  hubSlot(device: Eui64, bytes: number, ceiling: Exclude<DutyCycleState, 'normal'> = 'limited'): HubSlot {
    const d = this.options.device(device);
    if (!d?.band) throw new RangeError(`${device} is no device on the HAN of hub ${this.options.hub}`);
    const perAttempt = airtimeMs(this.radioOf(d.band), bytes);
    const now = this.options.clock.now();
    if (d.band !== '868MHz') return { band: d.band, airtimeMs: perAttempt, at: now, reachable: d.reachable };
    const hub = this.transmitter(this.options.hub, true);
    this.syncThresholds(hub, now);
    const ceilingPercent = hub.meter.thresholds[CEILING[ceiling]];
    // room for the retries the link needs on average, and strictly below the ceiling's threshold
    const expected = perAttempt / (1 - Math.min(0.99, this.lossRate(device, d.band))) + 0.01;
    const at = hub.meter.earliestRoomFor(expected, ceilingPercent, now);
    return { band: d.band, airtimeMs: perAttempt, at, reachable: d.reachable };
  }

  /** The hub sends `bytes` to `device` now (e.g. a firmware image block), charged like any frame. */
  hubSend(device: Eui64, bytes: number, label: string): HanDelivery {
    return this.carry({ from: this.options.hub, to: device, bytes, label });
  }

  /** The duty-cycle state of a transmitter (the hub's CHF EUI, or a device); normal for one never heard on 868 MHz. */
  stateOf(transmitter: Eui64): DutyCycleState {
    const t = this.transmitters.get(transmitter);
    if (!t) return 'normal';
    const now = this.options.clock.now();
    this.syncThresholds(t, now);
    this.tell(t, t.meter.evaluate(now));
    return t.meter.state;
  }

  /** Every sub-GHz transmitter's duty cycle now, the hub first. */
  usage(): DutyCycleUsage[] {
    const now = this.options.clock.now();
    return [...this.transmitters.values()]
      .sort((a, b) => Number(b.isHub) - Number(a.isHub))
      .map((t) => ({ transmitter: t.eui, isHub: t.isHub, state: t.meter.state, percent: t.meter.usagePercent(now), peakPercent: t.peakPercent }));
  }

  /**
   * The sub-GHz device most of the traffic is about now — its own airtime plus the hub's towards
   * it — the "offending client" a Limited hub tells to suspend [P]; null when none has any.
   */
  busiestDevice(): Eui64 | null {
    const now = this.options.clock.now();
    let best: { eui: Eui64; ms: number } | null = null;
    for (const device of this.options.devices()) {
      if (device.band !== '868MHz') continue;
      const ms = (this.transmitters.get(device.eui)?.meter.usageMs(now) ?? 0) + (this.towards.get(device.eui)?.usageMs(now) ?? 0);
      if (ms > 0 && (!best || ms > best.ms)) best = { eui: device.eui, ms };
    }
    return best?.eui ?? null;
  }

  /** The CHF's configuration changed: every meter takes the new thresholds now (steps told as usual). */
  thresholdsChanged(): void {
    const now = this.options.clock.now();
    for (const t of this.transmitters.values()) this.syncThresholds(t, now);
  }

  private thresholdsNow(): DutyCycleThresholds {
    return this.options.thresholds?.() ?? DEFAULT_DUTY_CYCLE_THRESHOLDS;
  }

  private transmitter(eui: Eui64, isHub: boolean): Transmitter {
    let t = this.transmitters.get(eui);
    if (!t) {
      t = { eui, isHub, meter: new DutyCycleMeter(this.thresholdsNow()), peakPercent: 0, stepDown: null };
      this.transmitters.set(eui, t);
    }
    return t;
  }

  private mayTransmit(t: Transmitter, at: number): boolean {
    this.syncThresholds(t, at);
    this.tell(t, t.meter.evaluate(at));
    return t.meter.mayTransmit(at);
  }

  private charge(t: Transmitter, at: number, airtime: number, towards: Eui64 | null): void {
    const steps = t.meter.transmit(at, airtime);
    t.peakPercent = Math.max(t.peakPercent, t.meter.usagePercent(at + airtime));
    if (towards) {
      let link = this.towards.get(towards);
      if (!link) this.towards.set(towards, (link = new DutyCycleMeter(DEFAULT_DUTY_CYCLE_THRESHOLDS)));
      link.transmit(at, airtime);
    }
    this.tell(t, steps);
  }

  private syncThresholds(t: Transmitter, at: number): void {
    const wanted = this.thresholdsNow();
    if (!sameThresholds(wanted, t.meter.thresholds)) this.tell(t, t.meter.configure(wanted, at));
  }

  /**
   * Tells the steps (in the order they were taken, also when a listener's own frames cause more)
   * and schedules the next step down on the clock.
   */
  private tell(t: Transmitter, steps: readonly DutyCycleStep[]): void {
    for (const step of steps) this.untold.push({ transmitter: t.eui, isHub: t.isHub, step });
    this.scheduleStepDown(t);
    if (this.telling) return;
    this.telling = true;
    try {
      for (let event = this.untold.shift(); event; event = this.untold.shift()) {
        for (const listener of this.stepListeners.snapshot()) listener(event);
      }
    } finally {
      this.telling = false;
    }
  }

  private scheduleStepDown(t: Transmitter): void {
    const { clock } = this.options;
    const next = t.meter.nextStepDownAt(clock.now());
    // never at this instant again: time must move for the usage to fall
    const due = next === null ? null : Math.max(next, Math.floor(clock.now()) + 1);
    if (t.stepDown?.pending && t.stepDown.at === due) return;
    t.stepDown?.cancel();
    t.stepDown =
      due === null
        ? null
        : clock.schedule(
            { at: due },
            () => {
              t.stepDown = null;
              this.syncThresholds(t, clock.now());
              this.tell(t, t.meter.evaluate(clock.now()));
            },
            `duty cycle of ${t.isHub ? 'the comms hub' : t.eui} falls below its ${t.meter.state} threshold`,
            { background: true },
          );
  }

  /** One attempt on a device's link: lost? */
  private lostOn(device: Eui64, band: HanBand): boolean {
    let random = this.draws.get(device);
    if (!random) this.draws.set(device, (random = this.options.random.fork(`han/link/${device}/${band}`)));
    return random.chance(this.lossRate(device, band));
  }

  /** The share of attempts lost on a device's link now: its frame error rate with the interference on its band. */
  private lossRate(device: Eui64, band: HanBand): number {
    const key = `${device}/${band}`;
    let quality = this.links.get(key);
    if (!quality) this.links.set(key, (quality = seededLinkQuality(this.options.seed, { hub: this.options.hub, device, band })));
    const { signal, frameErrorRate } = quality;
    const interference = this.options.interferenceDbm?.(band) ?? null;
    const jammed = interference === null ? 0 : interferenceLossRate(signal.rssiAverageDbm, interference);
    return 1 - (1 - frameErrorRate) * (1 - jammed);
  }
}

/**
 * [P] The share of attempts interference destroys: none with the signal 20 dB or more above it,
 * falling tenfold per 10 dB of signal-to-interference ratio from all at 0 dB and below.
 */
export function interferenceLossRate(signalDbm: number, interferenceDbm: number): number {
  const sirDb = signalDbm - interferenceDbm;
  if (sirDb <= 0) return 1;
  if (sirDb >= 20) return 0;
  return 10 ** (-sirDb / 10);
}
