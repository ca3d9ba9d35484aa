// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What the emulated DCC did, in order, in virtual time: each request it rejected (code and
 * reason) or passed on (the GBCS command it sent and the premises' receipt — accepted and
 * routed, or refused and why, which a DUIS user never sees), each device message it relayed to
 * the receiver, and each one it could not relay. For tests, `dit emulate` diagnostics
 * (GET /worlds/<id>/trace) and failure reports; it holds the last `limit` entries.
 */
import type { CommandReceipt } from '../device-message.ts';

export type DccEvent =
  /** The DCC answered an E-code (or HTTP 400) and nothing reached a device. */
  | 'rejected'
  /** A non-device request answered by the DCC itself (CV 8). */
  | 'non-device'
  /** A GBCS command went to the premises; `receipt` says what the premises did with it. */
  /** A critical request (CV 4) answered I0 with the pre-command to sign. */
  | 'pre-command'
  | 'command'
  /** A GBCS command returned to the user for local delivery (CV 2, 3, 6, 7). */
  | 'local-command'
  /** A device response or alert was delivered to the receiver as DUIS. */
  | 'relayed'
  /** A device message arrived that the DCC could not turn into DUIS (no matching request, no alert code). */
  | 'unrelayable'
  /** The receiver refused or could not be reached. */
  | 'delivery-failed';

export interface DccTraceEntry {
  /** Virtual time, epoch ms. */
  readonly at: number;
  readonly event: DccEvent;
  /** The DUIS RequestID (or ResponseID for alerts) as text, when there is one. */
  readonly id: string | null;
  readonly srv: string | null;
  /** The DUIS response code answered or relayed, when there is one. */
  readonly responseCode: string | null;
  /** GBCS use case of the command or device message. */
  readonly useCase: string | null;
  /** One line for people. */
  readonly detail: string;
  /** The GBCS frame sent or relayed, hex. */
  readonly gbcs?: string;
  /** For `command`: what the premises answered at once. */
  readonly receipt?: CommandReceipt;
}

export const DEFAULT_TRACE_LIMIT = 10_000;

export class DccTrace {
  private readonly kept: DccTraceEntry[] = [];

  constructor(private readonly limit: number = DEFAULT_TRACE_LIMIT) {}

  record(entry: Omit<DccTraceEntry, 'id' | 'srv' | 'responseCode' | 'useCase'> & Partial<DccTraceEntry>): DccTraceEntry {
    const full: DccTraceEntry = { id: null, srv: null, responseCode: null, useCase: null, ...entry };
    this.kept.push(full);
    if (this.kept.length > this.limit) this.kept.splice(0, this.kept.length - this.limit);
    return full;
  }

  entries(): readonly DccTraceEntry[] {
    return [...this.kept];
  }

  /** Entries of one kind, e.g. every rejection. */
  of(event: DccEvent): DccTraceEntry[] {
    return this.kept.filter((e) => e.event === event);
  }
}
