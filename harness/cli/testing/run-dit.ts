// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: runs the `dit` command line in process, as a user would type it, and returns
 * its exit code with what it printed on stdout and stderr (captured, not shown).
 */
import { vi } from 'vitest';
import { main } from '../main.ts';

export interface DitOutcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runDit(args: string[]): Promise<DitOutcome> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((t: string | Uint8Array) => ((out += String(t)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((t: string | Uint8Array) => ((err += String(t)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
