// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support for the `dit gbcs` command tests (imported by *.test.ts only): a capturing
 * CommandIo, and `dit ARGS` run in-process with stdout and stderr captured.
 */
import { afterEach, vi } from 'vitest';
import type { CommandIo } from './gbcs-command-io.ts';
import { main } from './main.ts';

/** A CommandIo that keeps what the command writes. */
export function capture(): CommandIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}

/** Runs `dit ARGS` in-process; returns the exit code and what went to stdout and stderr. */
export async function runDit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

/** Registers an afterEach that clears the exit code a command set. */
export function resetExitCodeAfterEach(): void {
  afterEach(() => {
    process.exitCode = undefined;
  });
}
