// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Starts the DIT workers: vitest's `dit` project, in this process, on the plan the run config
 * carries (vitest's provide/inject, harness/dit/run-config.ts), reporting to the given reporters.
 * `dit run` and `dit profiles audit` both run their plans through here; a lab run uses one worker
 * at a time (its DUIS receiver listens on one fixed port).
 */
import { join } from 'node:path';
import { startVitest, type Reporter } from 'vitest/node';
import type { DitRunConfig } from '../dit/run-config.ts';
import { PROJECT_ROOT } from './project-root.ts';

export interface DitWorkersOptions {
  readonly reporters: Reporter[];
  /** Where vitest's own output goes (default stdout: `dit profiles audit --json` keeps stdout for its report). */
  readonly stdout?: NodeJS.WriteStream;
  /** Workers at most (default vitest's). */
  readonly maxWorkers?: number;
}

export async function runDitWorkers(run: DitRunConfig, options: DitWorkersOptions): Promise<void> {
  const vitest = await startVitest(
    'test',
    [],
    {
      root: PROJECT_ROOT,
      config: join(PROJECT_ROOT, 'vitest.config.ts'),
      project: ['dit'],
      ...(run.target === 'lab' ? { fileParallelism: false } : {}),
      ...(options.maxWorkers ? { maxWorkers: options.maxWorkers } : {}),
      watch: false,
      run: true,
      reporters: options.reporters,
      provide: { ditRun: run },
    },
    {},
    { stdout: options.stdout ?? process.stdout, stderr: process.stderr },
  );
  await vitest.close();
}
