// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A meter's own clock. The HAN's time is the virtual clock: the comms hub keeps it (it has the
 * WAN's time), so the CHF and GPF report it as it is. A meter keeps its own clock, which is the
 * hub's time plus an error: zero on a sound meter; with a `clock-drift` fault of its firmware
 * profile (emulators/firmware) an error that starts at `offsetMs` and grows by `msPerDay` per
 * virtual day (negative: the clock loses time).
 *
 * Setting the clock (ECS70 / GCS28, SRV 8.1.1 and 6.11) puts the meter's time to the given value
 * at that moment; the drift goes on from there, as a crystal that runs fast keeps running fast.
 * Errors are whole milliseconds (rounded), so the same virtual times give the same readings
 * however time was stepped.
 */

const DAY_MS = 86_400_000;

/** How a meter's clock departs from the hub's time. */
export interface ClockDrift {
  /** The error at the moment the drift applies (ms; positive: the meter is ahead). */
  readonly offsetMs: number;
  /** How much the error grows per virtual day (ms; negative: the meter loses time). */
  readonly msPerDay: number;
}

export const NO_DRIFT: ClockDrift = { offsetMs: 0, msPerDay: 0 };

export class DeviceClock {
  /** Virtual time of the last setting (or of the drift's start). */
  private anchorMs: number;
  /** The error at the anchor. */
  private errorAtAnchorMs: number;
  private rate: number;

  constructor(startMs: number, drift: ClockDrift = NO_DRIFT) {
    DeviceClock.check(drift);
    this.anchorMs = startMs;
    this.errorAtAnchorMs = drift.offsetMs;
    this.rate = drift.msPerDay;
  }

  /** The meter's time minus the hub's time at virtual time `virtualMs`. */
  errorAt(virtualMs: number): number {
    return Math.round(this.errorAtAnchorMs + (this.rate * (virtualMs - this.anchorMs)) / DAY_MS);
  }

  /** What the meter's clock reads at virtual time `virtualMs`. */
  timeAt(virtualMs: number): number {
    return virtualMs + this.errorAt(virtualMs);
  }

  /** The clock is set to `timeMs` at virtual time `virtualMs`; the drift rate stays. */
  set(virtualMs: number, timeMs: number): void {
    this.anchorMs = virtualMs;
    this.errorAtAnchorMs = timeMs - virtualMs;
  }

  /** From `virtualMs` on, the clock also departs by `drift` (its offset added now, its rate added to any rate it has). */
  addDrift(virtualMs: number, drift: ClockDrift): void {
    DeviceClock.check(drift);
    this.errorAtAnchorMs = this.errorAt(virtualMs) + drift.offsetMs;
    this.anchorMs = virtualMs;
    this.rate += drift.msPerDay;
  }

  private static check(drift: ClockDrift): void {
    if (!Number.isFinite(drift.offsetMs) || !Number.isFinite(drift.msPerDay)) {
      throw new RangeError(`a clock drift needs finite ms, got offset ${drift.offsetMs}, rate ${drift.msPerDay} per day`);
    }
  }
}
