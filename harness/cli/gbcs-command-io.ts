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
