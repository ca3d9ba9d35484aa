// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Where the `dit gbcs` commands write: process stdout/stderr by default, a capturing pair in
 * tests (the commands run in-process there, no child process needed).
 */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

let pipeGuarded = false;

/** A reader that stops early (`dit gbcs verify --json | head`) ends the output, not the process with a stack trace. */
function guardStdoutPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

export const processIo: CommandIo = {
  out: (text) => {
    guardStdoutPipe();
    process.stdout.write(text);
  },
  err: (text) => void process.stderr.write(text),
};

/** JSON text where bigints are decimal strings and bytes upper-case hex (2-space indent). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, jsonReplacer, 2);
}

function jsonReplacer(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return bytesHex(value);
  if (value instanceof Map) return Object.fromEntries(value);
  // Buffer#toJSON has already run when the replacer sees a Buffer
  if (value !== null && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
    return bytesHex(Uint8Array.from((value as { data: number[] }).data));
  }
  return value;
}

function bytesHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out.toUpperCase();
}
