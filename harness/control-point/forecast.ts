// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * When would DIT complete? A Monte Carlo over the ledger's own rates, per programme week:
 *
 * - each simulated week runs as many executions as a week of the record picked at random
 *   (throughput), taken from the remaining required executions;
 * - each execution finds a new defect with the observed probability (defects found / scoped
 *   executions run); a new defect means one more execution (its retest);
 * - as many defects are fixed as in a week of the record picked at random (fixes verified per
 *   week); with no fix observed yet, one fix every two weeks is assumed (printed);
 * - DIT is complete in the first week with no required execution left and no open defect.
 *
 * P50 and P90 are the completion weeks half and nine in ten trials reach, as dates from the
 * assessment date. The draws come from a seeded stream (harness/ledger/ids.ts `seededRandom`):
 * the same inputs and seed give the same forecast. A trial not done within `horizonWeeks`
 * counts as never; with no executions recorded there is nothing to measure and no forecast.
 */
import { seededRandom } from '../ledger/ids.ts';
import { addDays } from './programme-weeks.ts';
import type { WeeklySeries } from './programme-weeks.ts';

export interface ForecastInput {
  readonly at: string;
  /** Required executions not yet passed. */
  readonly remaining: number;
  /** Open (blocking) defects in scope now. */
  readonly openDefects: number;
  readonly weekly: WeeklySeries;
  /** Executions run in the forecast's scope and defects found in it: the find rate. */
  readonly scopedExecutions: number;
  readonly scopedDefectsFound: number;
  readonly seed: string;
  readonly trials?: number;
  readonly horizonWeeks?: number;
}

export interface FanPoint {
  readonly week: number;
  readonly date: string;
  /** Work left (required executions + open defects) at the 10th, 50th and 90th percentile. */
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface Forecast {
  /** Completion date half the trials reach; null when there is no forecast or it is beyond the horizon. */
  readonly p50: string | null;
  readonly p90: string | null;
  readonly p50Weeks: number | null;
  readonly p90Weeks: number | null;
  readonly trials: number;
  readonly horizonWeeks: number;
  readonly seed: string;
  readonly remaining: number;
  readonly openDefects: number;
  /** Why there is no forecast, when there is none. */
  readonly unavailable: string | null;
  readonly assumptions: readonly string[];
  readonly fan: readonly FanPoint[];
}

const ASSUMED_FIXES_PER_WEEK = 0.5;

/** A float in [0, 1) from four bytes of the seeded stream. */
function uniform(random: (n: number) => Uint8Array): () => number {
  return () => {
    const b = random(4);
    return ((((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] as number;
}

export function forecastCompletion(input: ForecastInput): Forecast {
  const trials = input.trials ?? 1000;
  const horizonWeeks = input.horizonWeeks ?? 104;
  const { weekly } = input;
  const findRate = input.scopedExecutions > 0 ? input.scopedDefectsFound / input.scopedExecutions : 0;
  const fixesObserved = weekly.fixed.some((n) => n > 0);
  const assumptions = [
    `throughput: executions per simulated week drawn from the ${weekly.executions.length} programme week(s) of the record since ${weekly.start ?? '—'} (${weekly.executions.join(', ') || 'none'})`,
    `find rate: ${input.scopedDefectsFound} defect(s) found in ${input.scopedExecutions} execution(s) in scope = ${(findRate * 100).toFixed(1)} % per execution; each new defect adds one retest`,
    fixesObserved
      ? `fix rate: defects verified per simulated week drawn from the record's weeks (${weekly.fixed.join(', ')})`
      : `fix rate: no fix verified in the record yet; ${ASSUMED_FIXES_PER_WEEK} fix per week assumed`,
    `work left now: ${input.remaining} required execution(s) not passed, ${input.openDefects} open blocking defect(s) in scope`,
    `${trials} trials, seed ${input.seed}; complete = no required execution left and no open defect; horizon ${horizonWeeks} weeks`,
  ];
  const base = { trials, horizonWeeks, seed: input.seed, remaining: input.remaining, openDefects: input.openDefects, assumptions };
  if (weekly.start === null) {
    return { ...base, p50: null, p90: null, p50Weeks: null, p90Weeks: null, unavailable: 'no executions in the ledger as of the assessment date: no rates to forecast from', fan: [] };
  }
  const next = uniform(seededRandom(`control-point-forecast\u0000${input.seed}`));
  const pick = (list: readonly number[]): number => list[Math.floor(next() * list.length)] ?? 0;
  const completions: number[] = [];
  const workByWeek: number[][] = [];
  for (let t = 0; t < trials; t++) {
    let remaining = input.remaining;
    let open = input.openDefects;
    let week = 0;
    (workByWeek[0] ??= []).push(remaining + open);
    while ((remaining > 0 || open > 0) && week < horizonWeeks) {
      week++;
      const done = Math.min(remaining, pick(weekly.executions));
      remaining -= done;
      let found = 0;
      for (let i = 0; i < done; i++) if (next() < findRate) found++;
      open += found;
      remaining += found;
      const fixes = fixesObserved ? pick(weekly.fixed) : next() < ASSUMED_FIXES_PER_WEEK ? 1 : 0;
      open = Math.max(0, open - fixes);
      (workByWeek[week] ??= []).push(remaining + open);
    }
    completions.push(remaining > 0 || open > 0 ? Number.POSITIVE_INFINITY : week);
  }
  completions.sort((a, b) => a - b);
  const weeksOf = (p: number): number | null => {
    const w = percentile(completions, p);
    return Number.isFinite(w) ? w : null;
  };
  const p50Weeks = weeksOf(0.5);
  const p90Weeks = weeksOf(0.9);
  const lastWeek = Math.min(horizonWeeks, Math.max(p90Weeks ?? horizonWeeks, 1));
  const fan: FanPoint[] = [];
  for (let w = 0; w <= lastWeek; w++) {
    // a finished trial has no entry for later weeks: it counts as zero work left
    const values = [...(workByWeek[w] ?? []), ...new Array<number>(trials - (workByWeek[w]?.length ?? 0)).fill(0)].sort((a, b) => a - b);
    fan.push({ week: w, date: addDays(input.at, 7 * w), p10: percentile(values, 0.1), p50: percentile(values, 0.5), p90: percentile(values, 0.9) });
  }
  return {
    ...base,
    p50: p50Weeks === null ? null : addDays(input.at, 7 * p50Weeks),
    p90: p90Weeks === null ? null : addDays(input.at, 7 * p90Weeks),
    p50Weeks,
    p90Weeks,
    unavailable: p90Weeks === null ? `more than one trial in ten not complete within ${horizonWeeks} weeks at the recorded rates` : null,
    fan,
  };
}
