// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The soak trace: one JSON object per line (JSON Lines), one line per event of a soak, in the
 * order the events happened — a DUIS request the user sent and the DCC's synchronous answer, a
 * device response or alert (or DCC alert) the DCC delivered, an action on the Bench, a step of a
 * scenario, a finding. Each line starts with the world time (`t`, ISO 8601, virtual when
 * emulated), the direction and the event, then what the event is about: SRV and use case,
 * request id, response code, alert code in hex as DUIS writes it (`8F26`), device EUIs.
 *
 * Nothing run-dependent goes in: no wall-clock time, no signatures or other message bytes, no
 * paths. A request id's counter is the world time it was sent at, so the same seed writes the
 * same file byte for byte.
 */
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MacStatus, SignatureStatus } from '../protocol/gbcs/secure-frame.ts';

/** A sub-GHz channel as the Bench names it. */
export interface SoakChannel {
  readonly page: number;
  readonly channel: number;
}

/** What the user saw of the GBCS frame a response or alert carries (all null when it carries none). */
export interface FrameView {
  /** Its use case, from its message code. */
  readonly useCase: string | null;
  readonly mac: MacStatus | null;
  readonly signature: SignatureStatus | null;
}

export type SoakEvent =
  | {
      readonly kind: 'request';
      readonly at: number;
      readonly srv: string;
      /** The GBCS use case of the template (e.g. ECS17b), null for a request no template exists for (11.1). */
      readonly useCase: string | null;
      readonly commandVariant: number;
      readonly requestId: string;
      readonly target: string;
    }
  | { readonly kind: 'answer'; readonly at: number; readonly srv: string; readonly requestId: string; readonly code: string }
  | ({
      readonly kind: 'response';
      readonly at: number;
      readonly srv: string | null;
      readonly requestId: string | null;
      readonly code: string;
      readonly from: string | null;
      /** World time since the request was sent, when the soak sent it. */
      readonly afterMs: number | null;
    } & FrameView)
  | ({ readonly kind: 'device-alert' | 'dcc-alert'; readonly at: number; readonly alert: string; readonly code: string; readonly from: string | null } & FrameView)
  | { readonly kind: 'bench'; readonly at: number; readonly action: string; readonly device?: string; readonly channel?: SoakChannel; readonly levelDbm?: number }
  | { readonly kind: 'step'; readonly at: number; readonly scenario: string; readonly text: string }
  | { readonly kind: 'finding'; readonly at: number; readonly text: string };

function directionOf(event: SoakEvent): string {
  switch (event.kind) {
    case 'request':
      return 'user→dcc';
    case 'answer':
    case 'response':
    case 'device-alert':
    case 'dcc-alert':
      return 'dcc→user';
    case 'bench':
      return 'bench';
    default:
      return 'soak';
  }
}

/** The trace line of an event: fields in a fixed order, no trailing newline. */
export function soakTraceLine(event: SoakEvent): string {
  const t = new Date(event.at).toISOString();
  if (event.kind === 'bench') {
    const { kind: _kind, at: _at, action, ...about } = event;
    return JSON.stringify({ t, dir: directionOf(event), event: action, ...about });
  }
  const { kind, at: _at, ...fields } = event;
  return JSON.stringify({ t, dir: directionOf(event), event: kind, ...fields });
}

/** Where trace lines go: a file, written as the soak goes. */
export interface SoakTraceSink {
  write(event: SoakEvent): void;
  close(): void;
}

/** Thrown when the trace file cannot be opened for writing (the CLI exits 2 with it). */
export class SoakTraceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SoakTraceFileError';
  }
}

/**
 * Creates the folders missing above `dir`, one level at a time (a recursive mkdir on Node 20 can
 * spin forever under /proc instead of failing).
 */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d);
}

/** Opens (creates or truncates) the trace file, creating its folder; refused with the reason when it cannot be written. */
export function openSoakTraceFile(path: string): SoakTraceSink {
  let fd: number;
  try {
    makeFolder(dirname(path));
    fd = openSync(path, 'w');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new SoakTraceFileError(`--trace ${path}: cannot write the trace there (${err.code ?? 'error'}: ${err.message.replace(/^[A-Z]+: /, '')})`);
  }
  let open = true;
  return {
    write(event) {
      writeSync(fd, `${soakTraceLine(event)}\n`);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}
