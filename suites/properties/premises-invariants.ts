// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What must hold on a premises whatever a Service User and the physical world do to it, checked
 * from what the user sees alone — the DUIS answers and messages (with the world time they
 * arrived, read off the Bench) and what the Bench did — never from an emulator:
 *
 * | invariant                 | holds when                                                          |
 * | ------------------------- | ------------------------------------------------------------------- |
 * | at-most-one-outcome       | no request gets two final outcomes (a DUIS response or error with its RequestID, or the CHF's 0x8F2C naming its command) |
 * | one-outcome-in-window     | a request the DCC accepted (I99) gets its final outcome within its window: the device's window (a minute mains, a wake interval and a minute the GSME), stretched by a GSME's radio loss, dead battery or duty-cycle pressure while it waits |
 * | response-matches-request  | a device response comes from the device the request targeted, and a user's command's response echoes its counter |
 * | counters-increase         | the GBCS originator counters of each device's alerts, and the DCC alerts' ResponseID counters, increase in arrival order |
 * | hub-outage-alerted        | each loss of the comms hub's mains gives one DCC alert AD1 within a minute |
 * | duty-cycle-steps          | the duty-cycle alerts 0x8F20–0x8F25 of each originator step Normal ↔ Limited ↔ Critical ↔ Suspended one level at a time |
 * | device-log-limits         | a CHF Device Log read (CCS06, CCS07) lists at most DEVICE_LOG_LIMIT devices, each once, the CHF's only meters of the premises (or devices a property's CCS01 added: `mayList`) |
 *
 * Excused from one-outcome-in-window (at most one outcome still holds) [P: what the emulated DCC
 * documents; a real DCC may add a DCC alert]: a request whose path lost power while it was
 * outstanding (the comms hub: AD1 accounts for it; the ESME) and a request to an ESME out of HAN
 * reach — the CHF cannot deliver a command to a mains meter it cannot reach, and the user sees
 * I99, then nothing; a GSME request still held by a disturbance that had not ended when the
 * sequence did.
 */
import type { Bench } from '../../harness/bench/bench.ts';
import type { DuisClient, DuisExchange } from '../../harness/dit/duis-client.ts';
import { sameEui } from '../../harness/protocol/duis/eui.ts';
import type { DuisUserMessage } from '../../harness/protocol/duis/message.ts';
import { formatRequestId, sameRequestId, type RequestId } from '../../harness/protocol/duis/request-id.ts';
import type { PremisesSpec } from '../../harness/programme/premises-spec.ts';
import { meterOfType } from '../../harness/programme/premises-spec.ts';
import { describeMessage } from '../../harness/transport/inbox.ts';
import { ccs06 } from '../../harness/protocol/gbcs/payload/use-cases/ccs06.ts';
import { ccs07 } from '../../harness/protocol/gbcs/payload/use-cases/ccs07.ts';
import { ALERT_MESSAGE_DISCARDED_DUTY_CYCLE, dbch10MessageDiscarded } from '../../harness/protocol/gbcs/payload/use-cases/dbch10-message-discarded.ts';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import type { PayloadContext } from '../../harness/protocol/gbcs/payload/payload-context.ts';
import { ALERT_WINDOW_MS, MAINS_WINDOW_MS, MINUTE, sleepyWindow } from '../han-checks.ts';
import { DutyCycleLadder } from './duty-cycle-ladder.ts';
import { REQUEST_KINDS, type RequestKind } from './premises-steps.ts';

/** [P] The most devices a CHF Device Log holds: GBCS leaves it to the hub; 16 covers a dual-fuel premises with room. */
export const DEVICE_LOG_LIMIT = 16;
/** The 868 MHz duty cycle counts an hour's airtime; a hub pushed to Limited suspends the meter's ZCL messages for about an hour more [P]. */
const DUTY_CYCLE_MEMORY_MS = 135 * MINUTE;

export type InvariantName =
  | 'at-most-one-outcome'
  | 'one-outcome-in-window'
  | 'response-matches-request'
  | 'counters-increase'
  | 'hub-outage-alerted'
  | 'duty-cycle-steps'
  | 'device-log-limits'
  | 'removal-alerted'
  | 'removed-not-listed'
  | 'removed-device-silent'
  | 'no-emulator-throws';

/** An invariant that broke, with what broke it. */
export class InvariantViolation extends Error {
  constructor(
    readonly invariant: InvariantName,
    detail: string,
  ) {
    super(`invariant ${invariant}: ${detail}`);
    this.name = 'InvariantViolation';
  }
}

/** What can keep a request from its device for a while. */
type DisturbanceKind = 'hub-off' | 'esme-off' | 'esme-link' | 'gsme-link' | 'gsme-battery' | 'duty-cycle';

interface Disturbance {
  readonly kind: DisturbanceKind;
  readonly from: number;
  /** null: not over yet. */
  to: number | null;
}

/** A request the invariants follow: what the DCC acknowledged, to which device, when. */
export interface SentRequest {
  /** The vocabulary's name of the request (a property's own, or REQUEST_KINDS'). */
  readonly kind: string;
  /** For people: what it asks. */
  readonly title: string;
  readonly requestId: RequestId;
  readonly target: Eui64;
  readonly targetType: 'ESME' | 'GSME' | 'GPF' | 'CHF';
  readonly sentAt: number;
  readonly code: string;
  readonly baseWindowMs: number;
}

export interface Arrival {
  readonly at: number;
  readonly message: DuisUserMessage;
}

/** What a property adds to these invariants: `excuse` frees a request from its window (why, or null: held to `deadline`). */
export interface PremisesInvariantOptions {
  excuse?(request: SentRequest, deadline: number): string | null;
}

/** How a request fares: held to a deadline, or excused from one (with why). */
type Expectation = { readonly kind: 'deadline'; readonly at: number } | { readonly kind: 'excused'; readonly why: string };

const AFFECTS: Readonly<Record<SentRequest['targetType'], readonly DisturbanceKind[]>> = {
  CHF: ['hub-off'],
  GPF: ['hub-off'],
  ESME: ['hub-off', 'esme-off', 'esme-link'],
  GSME: ['hub-off', 'gsme-link', 'gsme-battery', 'duty-cycle'],
};
/** Disturbances after which a request may stay unanswered (see the file header). */
const EXCUSING: ReadonlySet<DisturbanceKind> = new Set(['hub-off', 'esme-off', 'esme-link']);

export class PremisesInvariants {
  private readonly requests: SentRequest[] = [];
  private readonly arrivals: Arrival[] = [];
  private readonly disturbances: Disturbance[] = [];
  private readonly unsubscribe: () => void;
  private readonly euis: Readonly<Record<SentRequest['targetType'], Eui64>>;
  private readonly gsmeWindowMs: number;
  /** Devices besides the premises' meters a CHF Device Log may list (a property added them). */
  private readonly addable: Eui64[] = [];
  /** Each message's GBCS frame opened once (opening checks a MAC: key agreement each time). */
  private readonly opened = new WeakMap<DuisUserMessage, ReturnType<DuisClient['openGbcs']>>();

  constructor(
    private readonly duis: DuisClient,
    private readonly bench: Bench,
    private readonly premises: PremisesSpec,
    private readonly options: PremisesInvariantOptions = {},
  ) {
    const esme = meterOfType(premises, 'ESME');
    const gsme = meterOfType(premises, 'GSME');
    if (!esme || !gsme) throw new Error('a premises property needs a premises with an ESME and a GSME');
    this.euis = { ESME: esme.eui, GSME: gsme.eui, GPF: premises.commsHub.gpf, CHF: premises.commsHub.chf };
    this.gsmeWindowMs = sleepyWindow(gsme);
    this.unsubscribe = duis.transport.inbox.subscribe((entry) => this.arrivals.push({ at: bench.now(), message: entry.message }));
  }

  /** The EUI of a device of the premises. */
  eui(type: SentRequest['targetType']): Eui64 {
    return this.euis[type];
  }

  /** Every message that arrived, with the world time it arrived at, in order. */
  get received(): readonly Arrival[] {
    return this.arrivals;
  }

  /** Records a request of REQUEST_KINDS sent (its exchange as the DCC answered it). */
  sent(kind: RequestKind, exchange: DuisExchange): void {
    this.sentRequest(kind, REQUEST_KINDS[kind], exchange);
  }

  /** Records a request sent to a device of the premises: `title` says what it asks. */
  sentRequest(kind: string, { title, target: targetType }: { readonly title: string; readonly target: SentRequest['targetType'] }, exchange: DuisExchange): SentRequest {
    const request: SentRequest = {
      kind,
      title,
      requestId: exchange.request.requestId,
      target: this.euis[targetType],
      targetType,
      sentAt: exchange.sentAt,
      code: exchange.code,
      baseWindowMs: targetType === 'GSME' ? this.gsmeWindowMs : MAINS_WINDOW_MS,
    };
    this.requests.push(request);
    return request;
  }

  /** A CHF Device Log may list `eui` from now on (a CCS01 whitelisted it). */
  mayList(eui: Eui64): void {
    if (!this.addable.some((e) => sameEui(e, eui))) this.addable.push(eui);
  }

  /** The final outcomes that have arrived for `request` (see `outcomes`). */
  outcomesOf(request: SentRequest): readonly Arrival[] {
    return this.outcomes(request);
  }

  /** The decoded fields of `request`'s device response, when one arrived: `decode` gets the payload and its context. */
  responseOf<F>(request: SentRequest, decode: (payload: Uint8Array, ctx: PayloadContext) => F): { readonly at: number; readonly fields: F } | null {
    for (const { at, message: m } of this.outcomes(request)) {
      if (m.kind !== 'response' || m.responseCode !== 'I0') continue;
      const opened = this.open(m);
      if (opened) return { at, fields: decode(opened.frame.payload, { header: opened.frame, ...(opened.cipher ? { cipher: opened.cipher } : {}) }) };
    }
    return null;
  }

  /** A disturbance begins now. */
  begin(kind: DisturbanceKind): void {
    if (this.disturbances.some((d) => d.kind === kind && d.to === null)) return;
    this.disturbances.push({ kind, from: this.bench.now(), to: null });
  }

  /** A disturbance ends now. */
  end(kind: DisturbanceKind): void {
    const open = this.disturbances.find((d) => d.kind === kind && d.to === null);
    if (open) open.to = this.bench.now();
  }

  /** Duty-cycle pressure now: the GSME's traffic may be held for the duty cycle's memory. */
  pressure(): void {
    const now = this.bench.now();
    this.disturbances.push({ kind: 'duty-cycle', from: now, to: now + DUTY_CYCLE_MEMORY_MS });
  }

  /** World time by which every request held to a deadline has had it, and every hub outage its AD1. */
  horizon(): number {
    let latest = this.bench.now();
    for (const r of this.requests) {
      const e = this.expectation(r);
      if (e.kind === 'deadline') latest = Math.max(latest, e.at);
    }
    for (const d of this.disturbances) if (d.kind === 'hub-off') latest = Math.max(latest, d.from + ALERT_WINDOW_MS);
    return latest;
  }

  /** Checks every invariant on what has happened so far; throws the first violation. `final`: the sequence is over. */
  check(final = false): void {
    const now = this.bench.now();
    this.checkCounters();
    this.checkDutyCycle();
    this.checkHubOutages(now, final);
    for (const r of this.requests) this.checkRequest(r, now);
  }

  close(): void {
    this.unsubscribe();
  }

  private expectation(r: SentRequest): Expectation {
    if (r.code !== 'I99') return { kind: 'excused', why: `not accepted (${r.code})` };
    const kinds = AFFECTS[r.targetType];
    let deadline = r.sentAt + r.baseWindowMs;
    // a disturbance that overlaps the request's wait stretches it to the disturbance's end plus the window
    for (let changed = true; changed; ) {
      changed = false;
      for (const d of this.disturbances) {
        if (!kinds.includes(d.kind) || d.from > deadline || (d.to !== null && d.to < r.sentAt)) continue;
        if (EXCUSING.has(d.kind)) return { kind: 'excused', why: `${d.kind} while it was outstanding` };
        if (d.to === null) return { kind: 'excused', why: `${d.kind} not over when the sequence ended` };
        if (d.to + r.baseWindowMs > deadline) {
          deadline = d.to + r.baseWindowMs;
          changed = true;
        }
      }
    }
    const why = this.options.excuse?.(r, deadline);
    return why ? { kind: 'excused', why } : { kind: 'deadline', at: deadline };
  }

  /** The final outcomes of a request that have arrived: its DUIS response or error, the CHF's 0x8F2C naming its command. */
  private outcomes(r: SentRequest): Arrival[] {
    return this.arrivals.filter(({ message: m }) => {
      if ((m.kind === 'response' || m.kind === 'error') && m.requestId !== null) return sameRequestId(m.requestId, r.requestId);
      if (m.kind === 'device-alert' && m.alertCode?.toUpperCase() === hex4(ALERT_MESSAGE_DISCARDED_DUTY_CYCLE)) {
        const discarded = this.discarded(m);
        return discarded !== null && sameEui(discarded.target, r.target) && discarded.originatorCounter === r.requestId.counter;
      }
      return false;
    });
  }

  private discarded(m: DuisUserMessage): { target: string; originatorCounter: bigint } | null {
    const opened = this.open(m);
    if (!opened) return null;
    const fields = dbch10MessageDiscarded.decodeAlert(opened.frame.payload, { header: opened.frame, ...(opened.cipher ? { cipher: opened.cipher } : {}) });
    return fields.discarded;
  }

  /** A message's GBCS frame as the user opens it (once per message), or null. */
  open(m: DuisUserMessage): ReturnType<DuisClient['openGbcs']> {
    if (!this.opened.has(m)) this.opened.set(m, this.duis.openGbcs(m.gbcsPayload));
    return this.opened.get(m) ?? null;
  }

  private checkRequest(r: SentRequest, now: number): void {
    const id = formatRequestId(r.requestId);
    const what = `${r.title} (${id}, sent at ${clockText(r.sentAt)})`;
    const outcomes = this.outcomes(r);
    if (outcomes.length > 1) {
      throw new InvariantViolation('at-most-one-outcome', `${what} got ${outcomes.length} final outcomes: ${outcomes.map((o) => `${describeMessage(o.message)} at ${clockText(o.at)}`).join('; ')}`);
    }
    const expected = this.expectation(r);
    const outcome = outcomes[0];
    if (outcome) this.checkResponse(r, what, outcome);
    if (expected.kind !== 'deadline') return;
    if (outcome && outcome.at > expected.at) {
      throw new InvariantViolation('one-outcome-in-window', `${what}: its outcome ${describeMessage(outcome.message)} came at ${clockText(outcome.at)}, after its window closed at ${clockText(expected.at)}`);
    }
    if (!outcome && now > expected.at) {
      throw new InvariantViolation('one-outcome-in-window', `${what}: no final response or defined error by ${clockText(expected.at)} (its window); it is ${clockText(now)}`);
    }
  }

  /** A device response: from the target, echoing a user's command's counter, and within its limits when it is a device log. */
  private checkResponse(r: SentRequest, what: string, outcome: Arrival): void {
    const m = outcome.message;
    if (m.kind !== 'response' || m.responseCode !== 'I0' || !m.gbcsPayload) return;
    const opened = this.open(m);
    if (!opened) return;
    const { frame } = opened;
    if (frame.cra !== 2 || !sameEui(frame.originator, r.target)) {
      throw new InvariantViolation('response-matches-request', `${what} was answered by a GBCS frame with CRA ${frame.cra} from ${frame.originator}, not a response from ${r.target}`);
    }
    // commands to the CHF come from the DCC's Access Control Broker, with its counter; the others are the user's
    if (r.targetType !== 'CHF' && frame.counter !== r.requestId.counter) {
      throw new InvariantViolation('response-matches-request', `${what}: the response echoes counter ${frame.counter}, not the command's ${r.requestId.counter}`);
    }
    const ctx = { header: frame, ...(opened.cipher ? { cipher: opened.cipher } : {}) };
    if (r.kind === 'chf-device-log-read') {
      const log = ccs06.decodeResponse(frame.payload, ctx);
      if (log.ok) this.checkDeviceLog('CCS06 CHF Device Log', log.devices.map((d) => d.deviceId), true);
    }
    if (r.kind === 'chf-device-logs-security-read') {
      const logs = ccs07.decodeResponse(frame.payload, ctx);
      if (logs.chfDeviceLog.ok) this.checkDeviceLog('CCS07 CHF Device Log', logs.chfDeviceLog.details.devices.map((d) => d.deviceId), true);
      if (logs.gpfDeviceLog.ok) this.checkDeviceLog('CCS07 GPF Device Log', logs.gpfDeviceLog.details.devices.map((d) => d.deviceId), false);
    }
  }

  /** A device log's listing: at most DEVICE_LOG_LIMIT devices, each once; `metersOnly`: the premises' meters and the devices `mayList` named. */
  checkDeviceLog(what: string, devices: readonly string[], metersOnly: boolean): void {
    if (devices.length > DEVICE_LOG_LIMIT) throw new InvariantViolation('device-log-limits', `${what} lists ${devices.length} devices, above its limit of ${DEVICE_LOG_LIMIT}`);
    const twice = devices.filter((d, i) => devices.findIndex((x) => sameEui(x, d)) !== i);
    if (twice.length > 0) throw new InvariantViolation('device-log-limits', `${what} lists ${twice.join(', ')} more than once`);
    if (!metersOnly) return;
    const known = [...this.premises.meters.map((m) => m.eui), ...this.addable];
    const strangers = devices.filter((d) => !known.some((m) => sameEui(m, d)));
    if (strangers.length > 0) throw new InvariantViolation('device-log-limits', `${what} lists ${strangers.join(', ')}, no meter of the premises nor a device a CCS01 added`);
  }

  private checkCounters(): void {
    const last = new Map<string, { counter: bigint; message: DuisUserMessage }>();
    for (const { message: m } of this.arrivals) {
      let originator: string;
      let counter: bigint;
      if (m.kind === 'device-alert') {
        const opened = this.open(m);
        if (!opened) continue;
        if (m.responseId && !sameEui(m.responseId.originator, opened.frame.originator)) {
          throw new InvariantViolation('counters-increase', `${describeMessage(m)} names ${m.responseId.originator} in its ResponseID but carries a frame from ${opened.frame.originator}`);
        }
        originator = opened.frame.originator;
        counter = opened.frame.counter;
      } else if (m.kind === 'dcc-alert' && m.responseId) {
        originator = `DCC ${m.responseId.originator}`;
        counter = m.responseId.counter;
      } else continue;
      const before = last.get(originator.toUpperCase());
      if (before && counter <= before.counter) {
        throw new InvariantViolation('counters-increase', `${describeMessage(m)} from ${originator} carries counter ${counter}, not above ${before.counter} of the earlier ${describeMessage(before.message)}`);
      }
      last.set(originator.toUpperCase(), { counter, message: m });
    }
  }

  private checkDutyCycle(): void {
    const ladders = new Map<string, DutyCycleLadder>();
    const offs = this.disturbances.filter((d) => d.kind === 'hub-off').map((d) => d.from);
    let previousAt = -Infinity;
    for (const { at, message: m } of this.arrivals) {
      if (offs.some((t) => t > previousAt && t <= at)) for (const l of ladders.values()) l.forget();
      previousAt = at;
      if (m.kind !== 'device-alert' || !DutyCycleLadder.isStep(m.alertCode)) continue;
      const from = (m.responseId?.originator ?? 'unknown').toUpperCase();
      const ladder = ladders.get(from) ?? new DutyCycleLadder();
      ladders.set(from, ladder);
      const illegal = ladder.take(m.alertCode);
      if (illegal) throw new InvariantViolation('duty-cycle-steps', `${describeMessage(m)} at ${clockText(at)} from ${from}: ${illegal}`);
    }
  }

  /** The i-th loss of mains gives the i-th AD1, within the alert window of the loss. */
  private checkHubOutages(now: number, final: boolean): void {
    const offs = this.disturbances.filter((d) => d.kind === 'hub-off').map((d) => d.from);
    const ad1 = this.arrivals.filter((a) => a.message.kind === 'dcc-alert' && a.message.alertCode?.toUpperCase() === 'AD1');
    if (ad1.length > offs.length) {
      throw new InvariantViolation('hub-outage-alerted', `${ad1.length} DCC alerts AD1 for ${offs.length} losses of the comms hub's mains (at ${ad1.map((a) => clockText(a.at)).join(', ')})`);
    }
    offs.forEach((off, i) => {
      const alert = ad1[i];
      if (alert && (alert.at < off || alert.at > off + ALERT_WINDOW_MS)) {
        throw new InvariantViolation('hub-outage-alerted', `the comms hub lost mains at ${clockText(off)}; its DCC alert AD1 came at ${clockText(alert.at)}, not within ${ALERT_WINDOW_MS / 1000} s`);
      }
      if (!alert && (final || now > off + ALERT_WINDOW_MS)) {
        throw new InvariantViolation('hub-outage-alerted', `the comms hub lost mains at ${clockText(off)} and no DCC alert AD1 came within ${ALERT_WINDOW_MS / 1000} s`);
      }
    });
  }
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** World time as people read it in a sequence (UTC). */
export function clockText(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.000Z$/, 'Z');
}
