// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What `dit plan` and `dit run` share: load the programme, settle the programme date, read the
 * catalogue of test cases from the suites, and plan the cycle.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PlanItem } from '../cycle/plan-item.ts';
import { retestSelection, type RetestSelection } from '../cycle/retest-selection.ts';
import { parseShard, selectShard, ShardError } from '../cycle/shard.ts';
import { datedExecutions } from '../defects/dated-execution.ts';
import { defectReleasesOf } from '../defects/programme-releases.ts';
import { projectDefects } from '../defects/project-defects.ts';
import { openLedger } from '../ledger/ledger.ts';
import { collectTestCases } from '../cycle/collect-test-cases.ts';
import { planCycle, type Plan, type PlanStrategy } from '../cycle/planner.ts';
import type { DitRunConfig } from '../dit/run-config.ts';
import type { TestTag } from '../dit/test-case-meta.ts';
import { loadProgramme } from '../programme/load-programme.ts';
import type { Programme } from '../programme/programme.ts';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { parseProgrammeDate, programmeToday, type ProgrammeDate } from '../programme/programme-date.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { UserError } from './user-error.ts';

export interface CyclePlanOptions {
  programme: string;
  cycle?: string;
  at?: string;
  tags?: string;
  combination?: string;
  strategy?: string;
  premises: string;
  /** Plan what this release must repeat (needs the ledger). */
  retestFor?: string;
  ledger?: string;
}

const TAGS: readonly TestTag[] = ['confidence', 'formal', 'regression', 'smoke'];

export function parseTags(text: string | undefined): TestTag[] | undefined {
  if (text === undefined) return undefined;
  const tags = text.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = tags.filter((t) => !TAGS.includes(t as TestTag));
  if (unknown.length > 0) throw new UserError(`--tags: unknown tag ${unknown.join(', ')}; tags are ${TAGS.join(', ')}`);
  if (tags.length === 0) throw new UserError('--tags is empty');
  return tags as TestTag[];
}

export function programmeDateOf(programme: Programme, at: string | undefined): ProgrammeDate {
  if (at === undefined) return programmeToday(programme);
  try {
    return parseProgrammeDate(at, '--at');
  } catch (e) {
    throw new UserError((e as Error).message);
  }
}

export async function cyclePlan(opts: CyclePlanOptions): Promise<{ programme: Programme; at: ProgrammeDate; plan: Plan; retest?: RetestSelection }> {
  const programme = loadProgramme(opts.programme);
  const at = programmeDateOf(programme, opts.at);
  const strategy = (opts.strategy ?? 'full') as PlanStrategy;
  if (strategy !== 'full' && strategy !== 'pairwise') throw new UserError(`--strategy must be full or pairwise, got "${opts.strategy}"`);
  const tags = parseTags(opts.tags);
  // the premises the plan's worlds are built from: a broken description is refused here, before planning
  loadPremisesSpec(resolve(opts.premises));
  const collectConfig: DitRunConfig = {
    runId: 'plan',
    runSeed: 'plan',
    target: 'emulated',
    programmeDate: at,
    premisesFile: resolve(opts.premises),
  };
  const cases = await collectTestCases(PROJECT_ROOT, join(PROJECT_ROOT, 'vitest.config.ts'), collectConfig);
  const retest = opts.retestFor ? retestOf(programme, at, opts.retestFor, opts.ledger ?? 'out/ledger.db') : undefined;
  if (retest && retest.testCases.size === 0) {
    throw new UserError(
      `--retest-for ${opts.retestFor}: nothing to retest — no test case failed on ${retest.predecessor?.id ?? 'its predecessor (it supersedes none)'} and it claims no fix of a known defect in the ledger`,
    );
  }
  const plan = planCycle({
    programme,
    at,
    cases,
    strategy,
    ...(retest ? { retest: { release: retest.release, testCases: [...retest.testCases.keys()] } } : {}),
    ...(opts.cycle ? { cycle: opts.cycle } : {}),
    ...(tags ? { tags } : {}),
    ...(opts.combination ? { combination: opts.combination } : {}),
  });
  return { programme, at, plan, ...(retest ? { retest } : {}) };
}

function retestOf(programme: Programme, at: ProgrammeDate, releaseId: string, ledgerFile: string): RetestSelection {
  const path = resolve(ledgerFile);
  if (!existsSync(path)) throw new UserError(`--retest-for needs the ledger of earlier runs; no ledger at ${path} (give --ledger FILE)`);
  const ledger = openLedger(path);
  try {
    const executions = datedExecutions(ledger);
    const defects = projectDefects(executions, defectReleasesOf(programme, at), { at, annotations: ledger.defectAnnotations() });
    return retestSelection(programme, releaseId, executions.map((e) => e.execution), defects);
  } finally {
    ledger.close();
  }
}

/** The plan items of one shard (`i/n`), or all of them; a bad shard is a usage error. */
export function shardOf(items: PlanItem[], shard: string | undefined): PlanItem[] {
  if (!shard) return items;
  try {
    return selectShard(items, parseShard(shard));
  } catch (e) {
    if (e instanceof ShardError) throw new UserError(e.message);
    throw e;
  }
}
