// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a criterion requires: the plan items the named cycles plan (harness/cycle/planner.ts,
 * the planner `dit plan --cycle X` uses — there is no second planner). Each cycle is planned as
 * of the assessment date held inside the cycle's window: a cycle that ended is judged by what it
 * planned on its last day (the releases then in scope), one not started yet by its first day.
 */
import { combinationName } from '../defects/dated-execution.ts';
import { cycleLastDay, type ProgrammeDate } from '../programme/programme-date.ts';
import type { Programme } from '../programme/programme.ts';
import type { TestCaseMeta } from '../dit/test-case-meta.ts';
import { planCycle, type Plan } from '../cycle/planner.ts';
import type { PlanItem } from '../cycle/plan-item.ts';
import { cellKey } from './cell.ts';

export interface RequiredCell {
  readonly key: string;
  readonly testCase: string;
  readonly combination: string;
  readonly cycle: string;
  readonly item: PlanItem;
}

export interface RequiredWork {
  readonly plans: readonly Plan[];
  /** Unique cells, in plan order (cycle, then plan item id). */
  readonly cells: readonly RequiredCell[];
}

/** The day a cycle is planned at for an assessment on `at`. */
export function planDateFor(programme: Programme, cycleId: string, at: ProgrammeDate): ProgrammeDate {
  const cycle = programme.cycles.find((c) => c.id === cycleId);
  if (cycle === undefined) return at;
  const last = cycleLastDay(cycle);
  if (at < cycle.window.start) return cycle.window.start;
  if (last !== undefined && at > last) return last;
  return at;
}

/** The plans of some cycles and their cells; `filter` keeps only some test cases (e.g. the confidence pack). */
export function requiredWork(
  programme: Programme,
  cases: readonly TestCaseMeta[],
  cycles: readonly string[],
  at: ProgrammeDate,
  filter: (tc: TestCaseMeta) => boolean = () => true,
): RequiredWork {
  const kept = cases.filter(filter);
  const plans = cycles.map((cycle) => planCycle({ programme, at: planDateFor(programme, cycle, at), cycle, cases: kept, strategy: 'full' }));
  const seen = new Set<string>();
  const cells: RequiredCell[] = [];
  for (const plan of plans) {
    for (const item of plan.items) {
      const key = cellKey(item.testCase, item.combination);
      if (seen.has(key)) continue;
      seen.add(key);
      cells.push({ key, testCase: item.testCase, combination: combinationName(item.combination), cycle: plan.cycle.id, item });
    }
  }
  return { plans, cells };
}
