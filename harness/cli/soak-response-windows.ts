// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The response windows of a soak: every request the DCC acknowledged (I99) must be answered by
 * a device response inside its window. The soak notes each acknowledged request with its
 * window, each response as it arrives, and asks, as world time passes, which windows closed
 * with no response: each such request is one finding, told once, in the order the windows
 * closed. A response with an E-code is a finding too (the DCC or the device failed it).
 */

export interface WindowedRequest {
  readonly requestId: string;
  readonly srv: string;
  readonly useCase: string | null;
  readonly target: string;
  /** World time it was sent, epoch ms. */
  readonly sentAt: number;
  /** Its response window, ms. */
  readonly within: number;
}

/** A request whose window closed with no response, or whose response was an error. */
export interface WindowFinding {
  readonly at: number;
  readonly text: string;
}

interface Open extends WindowedRequest {
  readonly deadline: number;
}

function describe(r: WindowedRequest): string {
  return `SRV ${r.srv}${r.useCase ? ` (${r.useCase})` : ''} to ${r.target}, ${r.requestId}`;
}

export class ResponseWindows {
  private readonly open = new Map<string, Open>();
  private readonly sent = new Map<string, { readonly sentAt: number; readonly deadline: number }>();

  /** An acknowledged request: its response is due within its window. */
  expect(request: WindowedRequest): void {
    if (!(request.within > 0)) throw new RangeError(`a response window must be > 0 ms, got ${request.within} for ${request.requestId}`);
    const deadline = request.sentAt + request.within;
    this.open.set(request.requestId, { ...request, deadline });
    this.sent.set(request.requestId, { sentAt: request.sentAt, deadline });
  }

  /** When an acknowledged request was sent (null for one the soak did not note). */
  sentAt(requestId: string): number | null {
    return this.sent.get(requestId)?.sentAt ?? null;
  }

  /** When an acknowledged request's window closes (null for one the soak did not note). */
  deadlineOf(requestId: string): number | null {
    return this.sent.get(requestId)?.deadline ?? null;
  }

  /**
   * A response to `requestId` arrived at `at` with `code`: closes its window; an E-code is a
   * finding. A response after its window closed was already told as missing.
   */
  arrived(requestId: string, code: string, at: number): WindowFinding | null {
    const r = this.open.get(requestId);
    if (!r) return null;
    if (at > r.deadline) return null;
    this.open.delete(requestId);
    return code.startsWith('E') ? { at, text: `${describe(r)} was answered ${code} after ${Math.round((at - r.sentAt) / 1000)} s` } : null;
  }

  /** The windows that closed by `now` with no response, oldest deadline first; each told once. */
  closed(now: number): WindowFinding[] {
    const late = [...this.open.values()].filter((r) => r.deadline < now).sort((a, b) => a.deadline - b.deadline || (a.requestId < b.requestId ? -1 : 1));
    for (const r of late) this.open.delete(r.requestId);
    return late.map((r) => ({ at: r.deadline, text: `no response to ${describe(r)} within its ${formatWindow(r.within)} window` }));
  }

  /** Requests still waiting for their response. */
  get pending(): number {
    return this.open.size;
  }

  /** The latest deadline of the requests still waiting (null: none waits). */
  lastDeadline(): number | null {
    let last: number | null = null;
    for (const r of this.open.values()) last = last === null ? r.deadline : Math.max(last, r.deadline);
    return last;
  }
}

/** A window as people read it: whole minutes, else seconds. */
export function formatWindow(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 100) / 10} s`;
}
