// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What the engineer watches during `dit run`: one line per execution when output is not a
 * terminal (CI logs), a single updating status line on a TTY.
 */
import type { ExecutionRecord } from '../cycle/execution-record.ts';

const MARK = { passed: '✓', failed: '✗', skipped: '○' } as const;

export class ProgressDisplay {
  private readonly items = new Set<string>();
  private failed = 0;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stdout,
    private readonly tty: boolean = Boolean(process.stdout.isTTY),
  ) {}

  executionRecorded(r: ExecutionRecord): void {
    this.items.add(r.planItemId);
    if (r.outcome === 'failed') this.failed += 1;
    const c = r.combination;
    const attempt = r.attempt > 1 ? ` (attempt ${r.attempt})` : '';
    const line = `${MARK[r.outcome]} ${r.testCase.padEnd(27)} ${c.commsHub.vendor} ${c.commsHub.firmware} × ${c.meter.model} ${c.meter.firmware} @ ${c.band}${attempt}  ${formatDuration(r.virtualDurationMs)} virtual, ${r.wallDurationMs} ms wall${r.outcome === 'skipped' && r.skipReason ? ` — skipped: ${r.skipReason}` : ''}`;
    if (this.tty) {
      this.out.write(`\r\x1b[2K${line}\n\x1b[2K  ${this.items.size}/${this.total} plan items recorded, ${this.failed} failed…`);
    } else {
      this.out.write(`${line}\n`);
    }
    if (r.outcome === 'failed' && r.failure) this.out.write(`${this.tty ? '\r\x1b[2K' : ''}    ${r.failure.message.split('\n')[0]}\n`);
  }

  finish(): void {
    if (this.tty) this.out.write('\r\x1b[2K');
  }
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 120) return `${s.toFixed(1)} s`;
  const m = s / 60;
  if (m < 120) return `${m.toFixed(1)} min`;
  return `${(m / 60).toFixed(1)} h`;
}
