// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One emulated premises for a CLI command that talks DUIS to it (`dit duis send`, `dit duis
 * update-firmware`): the options they share (--target, --url, --seed, --premises), the premises
 * description loaded, an emulated DCC started on loopback when asked for and none given, and both
 * closed again whatever the command ends with.
 */
import { resolve } from 'node:path';
import type { DitTarget } from '../dit/dit-target.ts';
import type { DitRunConfig, TargetKind } from '../dit/run-config.ts';
import { loadPremisesSpec, type PremisesSpec } from '../programme/premises-spec.ts';
import { startLoopbackDcc } from './loopback-dcc.ts';
import { createTarget } from './targets.ts';
import { UserError } from './user-error.ts';

export interface WorldTargetOptions {
  target: TargetKind;
  url?: string;
  seed: string;
  premises: string;
}

/** Refuses options that contradict each other, before anything starts. */
export function checkWorldTargetOptions(opts: WorldTargetOptions): void {
  if (opts.url && opts.target !== 'loopback') throw new UserError('--url needs --target loopback');
  if (opts.url && !/^https?:\/\/[^/\s]+/.test(opts.url)) throw new UserError(`--url "${opts.url}" is not an http(s) URL (e.g. http://127.0.0.1:8079)`);
}

/** Loads the premises description the options name (a broken one is a user error). */
export function worldPremises(opts: WorldTargetOptions): { readonly premisesFile: string; readonly premises: PremisesSpec } {
  const premisesFile = resolve(opts.premises);
  return { premisesFile, premises: loadPremisesSpec(premisesFile) };
}

/**
 * Runs `use` against a fresh target on the premises (`loaded`: the description already read by a
 * caller that checked its arguments against it), then closes the target and any loopback DCC it started.
 */
export async function withWorldTarget<T>(
  opts: WorldTargetOptions,
  runId: string,
  use: (target: DitTarget, url: string | undefined) => Promise<T>,
  loaded?: ReturnType<typeof worldPremises>,
): Promise<T> {
  checkWorldTargetOptions(opts);
  const { premisesFile, premises } = loaded ?? worldPremises(opts);
  const loopback = opts.target === 'loopback' && !opts.url ? await startLoopbackDcc() : undefined;
  try {
    const url = opts.url ?? loopback?.url;
    const config: DitRunConfig = { runId, runSeed: opts.seed, target: opts.target, programmeDate: '2019-04-12', premisesFile, ...(url ? { url } : {}) };
    const target = await createTarget({ config, premises, seed: opts.seed });
    try {
      return await use(target, url);
    } finally {
      await target.close();
    }
  } finally {
    await loopback?.close();
  }
}
