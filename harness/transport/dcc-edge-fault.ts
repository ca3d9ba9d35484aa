// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * An injected failure of the DCC edge itself — the CSP load balancer answering HTTP 500 or a
 * service restarting (PROGRAMME-2019-04.md's incidents) — declared as data: every N-th DUIS
 * request is answered with an HTTP status instead of reaching the DCC. Counted per transport,
 * so it is deterministic. In process, msw injects it in front of the emulated DCC.
 */
export interface DccEdgeFault {
  /** The HTTP status the edge answers with (5xx). */
  readonly status: number;
  /** Every N-th request (1 = all). */
  readonly every: number;
}

export class DccEdgeFaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DccEdgeFaultError';
  }
}

/** `503/3`: every third request answered 503. */
export function parseDccEdgeFault(text: string): DccEdgeFault {
  const m = /^(\d{3})\/(\d+)$/.exec(text.trim());
  if (!m) throw new DccEdgeFaultError(`--inject-dcc-error "${text}" is not STATUS/N (e.g. 503/3: every third DUIS request answered HTTP 503)`);
  const status = Number(m[1]);
  const every = Number(m[2]);
  if (status < 500 || status > 599) throw new DccEdgeFaultError(`--inject-dcc-error: ${status} is not a 5xx status`);
  if (every < 1) throw new DccEdgeFaultError('--inject-dcc-error: N must be at least 1');
  return { status, every };
}

/** A counter deciding, request by request, whether the fault strikes. */
export function dccEdgeFaultCounter(fault: DccEdgeFault): () => boolean {
  let n = 0;
  return () => {
    n += 1;
    return n % fault.every === 0;
  };
}
