// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Duty-cycle accounting of one sub-GHz transmitter (a device, or the comms hub itself): its
 * airtime over a rolling observation window, as a percentage, and the state that follows from
 * it, Normal → Limited → Critical → Suspended ("Regulated").
 *
 * - The window is one hour: Tobs in CEPT ERC/REC 70-03 is a continuous one-hour period [V].
 * - The Limited and Critical thresholds are the comms hub's configuration, set by SRV 6.28
 *   (DBCH04) in hundredths of a percent on the wire; RTDS sets 1.30 % and 2.20 % [V: DOMAIN.md].
 * - The Suspended level is the regulatory limit: a parameter, 2.5 % by default [P].
 * - The state is a function of the usage: at or above a level's threshold → that level. It only
 *   ever moves one level at a time: a jump over two thresholds is taken as two steps, each with
 *   its alert, so that the state machine's history is a sequence of legal steps (alerts
 *   0x8F20 / 0x8F22 / 0x8F24 on entering Limited / Critical / Suspended, 0x8F21 / 0x8F23 /
 *   0x8F25 on falling back below them) [V: DOMAIN.md].
 * - While Suspended nothing is transmitted (the caller discards the message: alert 0x8F2C).
 *   A transmission is allowed in any other state even when it takes the usage over the
 *   regulated level: the check is made before sending, as a radio would [P].
 * - A transmission's airtime counts whole from the moment it starts (committed airtime), so a
 *   check made at the same instant as a transmission already sees it; it leaves the window as
 *   it ages past the hour.
 * - Time only moves forward: every call's `at` is at or after the previous call's (the meter
 *   forgets airtime that has left the window).
 */

export type DutyCycleState = 'normal' | 'limited' | 'critical' | 'suspended';

export const DUTY_CYCLE_STATES: readonly DutyCycleState[] = ['normal', 'limited', 'critical', 'suspended'];

export const DUTY_CYCLE_WINDOW_MS = 3_600_000;

/** Suspended ("Regulated") level in percent [P]. */
export const DEFAULT_REGULATED_PERCENT = 2.5;

export interface DutyCycleThresholds {
  /** Normal → Limited, percent. */
  readonly limitedPercent: number;
  /** Limited → Critical, percent. */
  readonly criticalPercent: number;
  /** Critical → Suspended (the regulatory limit), percent. */
  readonly regulatedPercent: number;
}

/** RTDS DBCH04's thresholds with the default regulated level. */
export const DEFAULT_DUTY_CYCLE_THRESHOLDS: DutyCycleThresholds = { limitedPercent: 1.3, criticalPercent: 2.2, regulatedPercent: DEFAULT_REGULATED_PERCENT };

/** One step of the state machine, with the alert code GBCS gives it. */
export interface DutyCycleStep {
  readonly at: number;
  readonly from: DutyCycleState;
  readonly to: DutyCycleState;
  readonly alertCode: number;
}

const ENTER_ALERT: Record<Exclude<DutyCycleState, 'normal'>, number> = { limited: 0x8f20, critical: 0x8f22, suspended: 0x8f24 };
const LEAVE_ALERT: Record<Exclude<DutyCycleState, 'normal'>, number> = { limited: 0x8f21, critical: 0x8f23, suspended: 0x8f25 };

/** Refuses thresholds that are not 0 < limited < critical < regulated ≤ 100. */
export function checkThresholds(t: DutyCycleThresholds): DutyCycleThresholds {
  const { limitedPercent: l, criticalPercent: c, regulatedPercent: r } = t;
  if (![l, c, r].every(Number.isFinite) || !(0 < l && l < c && c < r && r <= 100)) {
    throw new RangeError(`duty-cycle thresholds must be 0 < limited < critical < regulated ≤ 100 percent, got limited ${l}, critical ${c}, regulated ${r}`);
  }
  return t;
}

interface Transmission {
  readonly start: number;
  readonly end: number;
}

export class DutyCycleMeter {
  private readonly sent: Transmission[] = [];
  private head = 0;
  /** Sum of the airtime of sent[head..]. */
  private keptMs = 0;
  private current: DutyCycleState = 'normal';
  private thresholdsNow: DutyCycleThresholds;

  constructor(
    thresholds: DutyCycleThresholds = DEFAULT_DUTY_CYCLE_THRESHOLDS,
    readonly windowMs = DUTY_CYCLE_WINDOW_MS,
  ) {
    this.thresholdsNow = checkThresholds(thresholds);
    if (!(windowMs > 0)) throw new RangeError(`a duty-cycle window must be positive, got ${windowMs}`);
  }

  get state(): DutyCycleState {
    return this.current;
  }

  get thresholds(): DutyCycleThresholds {
    return this.thresholdsNow;
  }

  /** New thresholds (SRV 6.28); the state follows at once. */
  configure(thresholds: DutyCycleThresholds, at: number): DutyCycleStep[] {
    this.thresholdsNow = checkThresholds(thresholds);
    return this.evaluate(at);
  }

  /**
   * Airtime in the window ending at `at`, in milliseconds: every transmission that started counts
   * whole (committed airtime, also the part still on the air), less what has left the window.
   */
  usageMs(at: number): number {
    this.prune(at);
    const from = at - this.windowMs;
    // the running total of what is kept, less the part of the oldest ones from before the window
    // (pruning keeps only transmissions that end inside it, so only the first few straddle it)
    let total = this.keptMs;
    for (let i = this.head; i < this.sent.length; i++) {
      const t = this.sent[i] as Transmission;
      if (t.start >= from) break;
      total -= from - t.start;
    }
    return Math.max(0, total);
  }

  usagePercent(at: number): number {
    return (this.usageMs(at) * 100) / this.windowMs;
  }

  /** Whether a transmission may start now (not while Suspended); changes nothing. */
  mayTransmit(at: number): boolean {
    return this.levelOf(this.usagePercent(at)) !== 'suspended';
  }

  /**
   * Records a transmission of `airtime` ms starting at `at` and returns the steps it causes.
   * Refuses one while Suspended (ask `mayTransmit` first) and one that starts before the last.
   */
  transmit(at: number, airtime: number): DutyCycleStep[] {
    if (!(airtime >= 0) || !Number.isFinite(airtime)) throw new RangeError(`airtime must be a finite number of ms ≥ 0, got ${airtime}`);
    const last = this.sent[this.sent.length - 1];
    if (last && at < last.start) throw new RangeError(`transmissions are recorded in time order: ${at} is before ${last.start}`);
    const before = this.evaluate(at);
    if (this.current === 'suspended') throw new RangeError('a suspended transmitter does not transmit');
    this.sent.push({ start: at, end: at + airtime });
    this.keptMs += airtime;
    // its airtime counts whole from its start (usageMs)
    return [...before, ...this.evaluate(at)];
  }

  /** Brings the state up to date at `at` and returns the steps taken (oldest first). */
  evaluate(at: number, stepsAt = at): DutyCycleStep[] {
    const target = this.levelOf(this.usagePercent(at));
    const steps: DutyCycleStep[] = [];
    let i = DUTY_CYCLE_STATES.indexOf(this.current);
    const goal = DUTY_CYCLE_STATES.indexOf(target);
    while (i !== goal) {
      const from = DUTY_CYCLE_STATES[i] as DutyCycleState;
      i += goal > i ? 1 : -1;
      const to = DUTY_CYCLE_STATES[i] as DutyCycleState;
      const alertCode = goal > DUTY_CYCLE_STATES.indexOf(from) ? ENTER_ALERT[to as Exclude<DutyCycleState, 'normal'>] : LEAVE_ALERT[from as Exclude<DutyCycleState, 'normal'>];
      steps.push({ at: stepsAt, from, to, alertCode });
    }
    this.current = target;
    return steps;
  }

  /**
   * When, with nothing more sent, the usage falls below the threshold of the level it is at
   * (the state's next step down); null when it is Normal.
   */
  nextStepDownAt(at: number): number | null {
    const level = this.levelOf(this.usagePercent(at));
    if (level === 'normal') return null;
    const excessMs = this.usageMs(at) - (this.thresholdOf(level) * this.windowMs) / 100;
    if (excessMs < 0) return at;
    // strictly below: one ms after the excess has left
    return Math.floor(this.whenLeft(excessMs, at)) + 1;
  }

  /**
   * The earliest time at or after `at`, and after the end of the last transmission recorded (one
   * radio sends one frame at a time), at which a transmission of `airtime` ms may start and leave
   * the usage, with its airtime counted whole, at or below `ceilingPercent` (with nothing else
   * sent in between); null when even an empty window has no room for it. How a sender paces traffic that
   * must not push it past a level (e.g. firmware image blocks kept below Limited) [P].
   */
  earliestRoomFor(airtime: number, ceilingPercent: number, at: number): number | null {
    const ceilingMs = (ceilingPercent * this.windowMs) / 100;
    if (!(airtime >= 0) || airtime > ceilingMs) return null;
    const last = this.sent[this.sent.length - 1];
    const from = Math.max(at, last?.end ?? at);
    // from `from` on nothing recorded is on the air: the usage only falls
    const excessMs = this.usageMs(from) - (ceilingMs - airtime);
    if (excessMs <= 0) return Math.ceil(from);
    return Math.max(Math.ceil(from), Math.ceil(this.whenLeft(excessMs, from)));
  }

  /**
   * The moment at which `excessMs` of the airtime in the window at `at` has left it (with nothing
   * more sent): airtime leaves at rate 1 while each transmission's span, shifted by the window,
   * passes.
   */
  private whenLeft(excessMs: number, at: number): number {
    let left = 0;
    for (let i = this.head; i < this.sent.length; i++) {
      const t = this.sent[i] as Transmission;
      const leaveStart = Math.max(at, t.start + this.windowMs);
      const leaveEnd = t.end + this.windowMs;
      if (leaveEnd <= leaveStart) continue;
      const span = leaveEnd - leaveStart;
      if (left + span > excessMs) return leaveStart + (excessMs - left);
      left += span;
    }
    return at + this.windowMs;
  }

  private thresholdOf(state: Exclude<DutyCycleState, 'normal'>): number {
    const t = this.thresholdsNow;
    return state === 'limited' ? t.limitedPercent : state === 'critical' ? t.criticalPercent : t.regulatedPercent;
  }

  private levelOf(percent: number): DutyCycleState {
    const t = this.thresholdsNow;
    if (percent >= t.regulatedPercent) return 'suspended';
    if (percent >= t.criticalPercent) return 'critical';
    if (percent >= t.limitedPercent) return 'limited';
    return 'normal';
  }

  private prune(at: number): void {
    const from = at - this.windowMs;
    while (this.head < this.sent.length && (this.sent[this.head] as Transmission).end <= from) {
      const t = this.sent[this.head] as Transmission;
      this.keptMs -= t.end - t.start;
      this.head++;
    }
    if (this.head === this.sent.length) this.keptMs = 0; // nothing kept: no rounding left over
    if (this.head > 1024 && this.head * 2 > this.sent.length) {
      this.sent.splice(0, this.head);
      this.head = 0;
    }
  }
}
