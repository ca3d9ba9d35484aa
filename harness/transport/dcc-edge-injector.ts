// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Evaluates a DCC edge fault schedule (dcc-edge-schedule.ts) for one execution, against the
 * world's clock through an injected `now()` — deterministic, no wall time:
 *
 * - `onRequest()` is asked for every DUIS request, in front of the DCC — by the in-process
 *   transport's msw handler, or by the HTTP transport before its request leaves (loopback): the
 *   status the edge answers instead of the DCC (http-error, service-stopped), or null to let the
 *   request through;
 * - `receiver(inner)` wraps the Service User's in-process receiver, and `dropping(xml)` is asked
 *   by the HTTP receiver: a DUIS alert a lost-alerts incident matches is taken from the DCC and
 *   never handed on (the CSP "lost" it), so the suite sees only its absence through DUIS.
 *
 * Every strike is logged (`strikes`): the DIT worker reads the log of a failed execution to
 * tell a failure the schedule caused — a lost alert looks to the suite like a device that never
 * sent it — from a device defect (harness/dit/dit-case.ts, harness/cycle/failure.ts).
 */
import { parseDuisMessage } from '../protocol/duis/parse.ts';
import type { DuisReceiverEndpoint } from '../protocol/duis/receiver.ts';
import { inTimeWindow, type DccEdgeIncident, type DccEdgeSchedule } from './dcc-edge-schedule.ts';

export interface DccEdgeStrike {
  readonly incident: string;
  readonly kind: DccEdgeIncident['kind'];
  /** Virtual ms after the world's start. */
  readonly atMs: number;
  readonly detail: string;
}

/** The text a failure carries when the schedule struck during its execution (categoriseFailure matches it). */
export const INJECTED_DCC_EDGE_FAULT = 'injected DCC edge fault';

export class DccEdgeInjector {
  private readonly startMs: number;
  private requests = 0;
  private readonly inWindowCounts = new Map<string, number>();
  private readonly log: DccEdgeStrike[] = [];

  constructor(
    readonly schedule: DccEdgeSchedule,
    private readonly now: () => number,
  ) {
    this.startMs = now();
  }

  get strikes(): readonly DccEdgeStrike[] {
    return this.log;
  }

  /** One DUIS request reaches the edge: the HTTP status to answer with, or null to pass it to the DCC. */
  onRequest(): { status: number; body: string } | null {
    this.requests += 1;
    const n = this.requests;
    const at = this.elapsed();
    for (const incident of this.schedule.incidents) {
      if (incident.kind === 'service-stopped') {
        const restartAt = incident.restartAfterMs === undefined ? Infinity : incident.fromMs + incident.restartAfterMs;
        if (at >= incident.fromMs && at < restartAt) {
          return this.strike(incident, at, 503, `request ${n} answered HTTP 503: the service stopped at +${incident.fromMs} ms${restartAt === Infinity ? '' : `, restart at +${restartAt} ms`}`);
        }
      } else if (incident.kind === 'http-error') {
        const inside = incident.requests
          ? n >= incident.requests.fromRequest && (incident.requests.untilRequest === undefined || n < incident.requests.untilRequest)
          : inTimeWindow(incident.window, at);
        if (!inside) continue;
        const k = (this.inWindowCounts.get(incident.id) ?? 0) + 1;
        this.inWindowCounts.set(incident.id, k);
        if (k % incident.every === 0) return this.strike(incident, at, incident.status, `request ${n} answered HTTP ${incident.status}`);
      }
    }
    return null;
  }

  /** The lost-alerts incident that drops this DUIS message now, if any (null: deliver it). */
  dropping(xml: string): DccEdgeIncident | null {
    const lossy = this.schedule.incidents.filter((i) => i.kind === 'lost-device-alerts' || i.kind === 'lost-dcc-alerts');
    if (lossy.length === 0) return null;
    let message;
    try {
      message = parseDuisMessage(xml);
    } catch {
      return null; // not DUIS: the receiver refuses it as it would anyway
    }
    const at = this.elapsed();
    for (const incident of lossy) {
      const wanted = incident.kind === 'lost-device-alerts' ? 'device-alert' : 'dcc-alert';
      if (message.kind !== wanted || !inTimeWindow(incident.window, at)) continue;
      const code = message.alertCode;
      if (incident.alertCodes !== 'all' && !incident.alertCodes.includes(code)) continue;
      this.strike(incident, at, 0, `${message.kind === 'device-alert' ? 'device' : 'DCC'} alert ${code} dropped before it reached the Service User`);
      return incident;
    }
    return null;
  }

  /** The receiver the DCC is given: lost alerts are taken and discarded, the rest handed on. */
  receiver(inner: DuisReceiverEndpoint): DuisReceiverEndpoint {
    return {
      url: inner.url,
      deliver: async (xml: string) => {
        if (this.dropping(xml)) return;
        await inner.deliver(xml);
      },
    };
  }

  /** What a failed execution's message gets when the schedule struck during it (null: it did not). */
  explanation(): string | null {
    if (this.log.length === 0) return null;
    const shown = this.log.slice(0, 5).map((s) => `${s.incident} at +${s.atMs} ms: ${s.detail}`);
    const more = this.log.length > 5 ? `; and ${this.log.length - 5} more` : '';
    return `${INJECTED_DCC_EDGE_FAULT} (--dcc-faults schedule) during this execution: ${shown.join('; ')}${more}`;
  }

  private elapsed(): number {
    return this.now() - this.startMs;
  }

  private strike(incident: DccEdgeIncident, atMs: number, status: number, detail: string): { status: number; body: string } {
    this.log.push({ incident: incident.id, kind: incident.kind, atMs, detail });
    return { status, body: `injected DCC edge failure (HTTP ${status}): ${incident.id} — ${incident.description}` };
  }
}
