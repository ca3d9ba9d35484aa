// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The message trace of one execution: every DUIS exchange and GBCS frame a test saw, stamped
 * with the time of the world it ran in. Its hash lets a resumed or sharded run prove it saw
 * the same bytes.
 */
import { createHash } from 'node:crypto';

/** Who sent a traced message to whom; `device→user`: a response the device gave back to local delivery (the Bench's terminal). */
export type TraceDirection = 'user→dcc' | 'dcc→user' | 'dcc→device' | 'device→dcc' | 'device→user';

export interface TraceEntry {
  /** World time (virtual when emulated), epoch ms. */
  readonly at: number;
  readonly direction: TraceDirection;
  readonly protocol: 'duis' | 'gbcs';
  /** One line: "ECS17b command to 00DB1234567890A0", "I99 for …". */
  readonly summary: string;
  /** The bytes as text: DUIS XML, or GBCS as upper-case hex. */
  readonly body: string;
}

export class Trace {
  private readonly entries: TraceEntry[] = [];

  record(entry: TraceEntry): void {
    this.entries.push(entry);
  }

  get all(): readonly TraceEntry[] {
    return this.entries;
  }

  hash(): string {
    return traceHash(this.entries);
  }
}

export function traceHash(entries: readonly TraceEntry[]): string {
  const h = createHash('sha256');
  for (const e of entries) h.update(JSON.stringify([e.at, e.direction, e.protocol, e.summary, e.body])).update('\n');
  return h.digest('hex');
}
