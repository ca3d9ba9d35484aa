// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The counts of a soak, made from the same events its trace is made of: DUIS requests sent (by
 * SRV), the DCC's synchronous answers (by response code), device responses delivered (by
 * response code), alerts (device and DCC alerts, by alert code in hex: `8F26`, `AD1`), errors (by
 * E-code, synchronous or delivered later) and findings. Keys are listed sorted, so the counts
 * print the same way for the same trace.
 */
import type { SoakEvent } from './soak-trace.ts';

/** A total and its breakdown by a code. */
export interface CountBy {
  readonly total: number;
  readonly byCode: Readonly<Record<string, number>>;
}

export interface SoakCounts {
  readonly requests: { readonly total: number; readonly bySrv: Readonly<Record<string, number>> };
  readonly answers: CountBy;
  readonly responses: CountBy;
  readonly alerts: CountBy;
  readonly errors: CountBy;
  readonly findings: number;
}

class Counter {
  private readonly counts = new Map<string, number>();
  total = 0;

  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += 1;
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  sorted(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  countBy(): CountBy {
    return { total: this.total, byCode: this.sorted() };
  }
}

export class SoakTally {
  private readonly requests = new Counter();
  private readonly answers = new Counter();
  private readonly responses = new Counter();
  private readonly alerts = new Counter();
  private readonly errors = new Counter();
  private findings = 0;

  add(event: SoakEvent): void {
    switch (event.kind) {
      case 'request':
        this.requests.add(event.srv);
        break;
      case 'answer':
        this.answers.add(event.code);
        if (event.code.startsWith('E')) this.errors.add(event.code);
        break;
      case 'response':
        this.responses.add(event.code);
        if (event.code.startsWith('E')) this.errors.add(event.code);
        break;
      case 'device-alert':
      case 'dcc-alert':
        this.alerts.add(event.alert.toUpperCase());
        break;
      case 'finding':
        this.findings += 1;
        break;
      default:
        break;
    }
  }

  /** How many alerts with this code (hex, e.g. 8F26) arrived. */
  alertCount(code: string): number {
    return this.alerts.get(code.toUpperCase());
  }

  counts(): SoakCounts {
    return {
      requests: { total: this.requests.total, bySrv: this.requests.sorted() },
      answers: this.answers.countBy(),
      responses: this.responses.countBy(),
      alerts: this.alerts.countBy(),
      errors: this.errors.countBy(),
      findings: this.findings,
    };
  }
}
