// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DUIS RequestID: `originatorEUI:targetEUI:counter` [V: DOMAIN.md, DUIS RequestIDType], e.g.
 * `90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1700000000000`. The counter is an integer
 * in 1 .. 2^64-1, and the DCC requires it to increase per originator.
 *
 * The counter is the epoch milliseconds of the clock in use (as DCC Boxed's users do): virtual
 * time when emulated, so a seed reproduces it, and wall time in a lab, so it keeps increasing
 * across runs. Two requests in the same millisecond get last+1 (see RequestCounter).
 *
 * The same shape serves ResponseID (`deviceEUI:userEUI:counter`) on responses and alerts.
 */
import { DuisError, quoteFound } from './duis-error.ts';
import { tryDuisEui, type DuisEui } from './eui.ts';

export interface RequestId {
  readonly originator: DuisEui;
  readonly target: DuisEui;
  readonly counter: bigint;
}

/** Largest counter DUIS allows (< 2^64). */
export const MAX_REQUEST_COUNTER = (1n << 64n) - 1n;

export function formatRequestId(id: RequestId): string {
  return `${id.originator}:${id.target}:${id.counter}`;
}

/**
 * Parses `EUI:EUI:counter` (EUIs in any case, dashed); the result holds upper-case EUIs.
 * Throws DuisError (reason bad-request-id) naming `element` when given.
 */
export function parseRequestId(text: string, element = 'RequestID'): RequestId {
  const bad = (expected: string): never => {
    throw new DuisError({ reason: 'bad-request-id', element, expected, found: quoteFound(text) });
  };
  const parts = text.trim().split(':');
  if (parts.length !== 3) bad('originatorEUI:targetEUI:counter (three parts separated by ":")');
  const [o, t, c] = parts as [string, string, string];
  const originator = tryDuisEui(o);
  if (originator === null || o.length !== 23) bad('an originator EUI of 8 dash-separated octets, e.g. 90-B3-D5-1F-30-01-00-00');
  const target = tryDuisEui(t);
  if (target === null || t.length !== 23) bad('a target EUI of 8 dash-separated octets, e.g. 00-DB-12-34-56-78-90-A0');
  if (!/^[0-9]+$/.test(c)) bad('a decimal counter');
  const counter = BigInt(c);
  if (counter < 1n || counter > MAX_REQUEST_COUNTER) bad(`a counter in 1 .. ${MAX_REQUEST_COUNTER}`);
  return { originator: originator!, target: target!, counter };
}

export function sameRequestId(a: RequestId, b: RequestId): boolean {
  return a.originator === b.originator && a.target === b.target && a.counter === b.counter;
}

/** The ResponseID a device response carries for a request: target and originator swapped. */
export function swapRequestId(id: RequestId, counter: bigint = id.counter): RequestId {
  return { originator: id.target, target: id.originator, counter };
}

/** A clock the counter reads: epoch milliseconds, as bigint or number (a virtual clock's now()). */
export type CounterClock = () => bigint | number;

/**
 * Hands out strictly increasing RequestID counters: the clock's epoch milliseconds, or the last
 * counter + 1 when the clock has not moved past it (same millisecond, or a clock set back).
 *
 * Keep one per originator for the life of the process (the composition root owns it); two
 * counters over one clock would hand out the same value.
 */
export class RequestCounter {
  private lastIssued: bigint | null = null;

  constructor(private readonly clock: CounterClock) {}

  /** The last counter handed out, or null before the first. */
  get last(): bigint | null {
    return this.lastIssued;
  }

  next(): bigint {
    const raw = this.clock();
    if (typeof raw === 'number' && !Number.isSafeInteger(raw)) {
      throw new Error(`the request counter clock returned ${raw}; expected integer epoch milliseconds`);
    }
    const now = BigInt(raw);
    if (now < 1n) throw new Error(`the request counter clock returned ${now}; expected epoch milliseconds > 0`);
    const next = this.lastIssued !== null && now <= this.lastIssued ? this.lastIssued + 1n : now;
    if (next > MAX_REQUEST_COUNTER) throw new Error('the request counter passed 2^64-1');
    this.lastIssued = next;
    return next;
  }

  /** A fresh RequestID for originator → target (EUIs in either form). */
  nextId(originator: string, target: string): RequestId {
    const o = tryDuisEui(originator);
    const t = tryDuisEui(target);
    if (o === null) throw new Error(`not an EUI-64 originator: ${JSON.stringify(originator)}`);
    if (t === null) throw new Error(`not an EUI-64 target: ${JSON.stringify(target)}`);
    return { originator: o, target: t, counter: this.next() };
  }
}
