// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit replay NAME:SEED:PATH`: re-runs what a failing property suite printed (the token of
 * harness/dit/property-token.ts) on emulated premises built here, as the default test run builds
 * them: fast-check goes straight to the shrunk counterexample the path names, then the
 * counterexample runs once more, narrated step by step with the DUIS messages that arrived, and
 * the invariant that broke is printed. Exit 1 when the failure reproduces, 0 when the property
 * holds for that seed and path, 2 for a malformed token or an unknown property.
 *
 * `NAME:SEED` (no path) re-runs that seed's whole run (`--runs`, default DIT_PROPERTY_RUNS or
 * 200) and shrinks afresh. `--premises` and the profiles a test of the composition root passes
 * in choose the premises the sequences run on; a token carries neither, so replay a failure on
 * the premises it was found on.
 */
import { resolve } from 'node:path';
import { DEFAULT_RUN_CONFIG } from '../dit/run-config.ts';
import { checkProperty, propertyRuns } from '../dit/property-check.ts';
import { parsePropertyToken, PropertyTokenError } from '../dit/property-token.ts';
import { DEFAULT_PREMISES_FILE, loadPremisesSpec } from '../programme/premises-spec.ts';
import { PROPERTIES } from '../../suites/properties/property-catalogue.ts';
import type { WorldProfiles } from '../../emulators/world.ts';
import { createEmulatedTarget } from './targets.ts';
import { EXIT, UserError } from './user-error.ts';

export interface ReplayCommandOptions {
  readonly premises?: string;
  readonly runs?: number;
  /** Firmware profiles in place of those the premises names (tests of the composition root only). */
  readonly profiles?: WorldProfiles;
}

export async function replayCommand(tokenText: string, opts: ReplayCommandOptions = {}, out: { write(text: string): unknown } = process.stdout): Promise<number> {
  let token;
  try {
    token = parsePropertyToken(tokenText);
  } catch (e) {
    if (e instanceof PropertyTokenError) throw new UserError(e.message);
    throw e;
  }
  const definition = PROPERTIES.get(token.property);
  if (!definition) throw new UserError(`replay token "${tokenText}": no property "${token.property}" (there are: ${[...PROPERTIES.keys()].join(', ')})`);
  const premises = loadPremisesSpec(opts.premises ? resolve(opts.premises) : DEFAULT_PREMISES_FILE);
  const targetFor = (seed: string) => createEmulatedTarget({ config: DEFAULT_RUN_CONFIG, premises, seed }, opts.profiles ? { profiles: opts.profiles } : {});
  const path = token.path ?? undefined;
  const result = await checkProperty(definition.name, definition.property(targetFor), {
    // a path names its run by its first number: fast-check needs at least that many runs
    numRuns: path !== undefined ? Number(path.split(':')[0]) + 1 : (opts.runs ?? propertyRuns()),
    seed: token.seed,
    ...(path !== undefined ? { path } : {}),
  });
  if (!result.failed) {
    out.write(`property ${definition.name} holds for ${tokenText} (${result.numRuns} run${result.numRuns === 1 ? '' : 's'})\n`);
    return EXIT.ok;
  }
  out.write(`property ${definition.name}: ${definition.title}\ncounterexample (${result.token}):\n`);
  for (const line of definition.describe(result.counterexample)) out.write(`  ${line}\n`);
  out.write('step by step:\n');
  let broke: string = result.error.message;
  try {
    await definition.replay(result.counterexample, targetFor, (line) => out.write(`  ${line}\n`));
    out.write('  (the narrated re-run passed: the failure depends on more than the counterexample)\n');
  } catch (e) {
    broke = (e as Error).message;
  }
  out.write(`broke: ${broke}\n`);
  return EXIT.failed;
}
