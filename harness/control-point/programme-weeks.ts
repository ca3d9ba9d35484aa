// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Programme weeks: calendar arithmetic on programme dates (YYYY-MM-DD, UTC days, no clock) and
 * the weekly series the forecast samples — executions run, defects found and defects fixed per
 * programme week, counted from the week of the first execution to the week of the assessment.
 */
import type { DatedExecution } from '../defects/dated-execution.ts';
import type { Defect } from '../defects/defect.ts';

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** `date` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export interface WeeklySeries {
  /** The first day of week 0 (the first execution's programme date); null when nothing ran. */
  readonly start: string | null;
  readonly executions: readonly number[];
  readonly found: readonly number[];
  readonly fixed: readonly number[];
}

/** The weekly counts up to `at` (inclusive); the defects' first sightings and verifications are their find and fix dates. */
export function weeklySeries(executions: readonly DatedExecution[], defects: readonly Defect[], at: string): WeeklySeries {
  const dated = executions.filter((d) => d.programmeDate <= at);
  const first = dated.map((d) => d.programmeDate).sort()[0];
  if (first === undefined) return { start: null, executions: [], found: [], fixed: [] };
  const weeks = Math.floor(daysBetween(first, at) / 7) + 1;
  const series = () => new Array<number>(weeks).fill(0);
  const week = (date: string): number | undefined => {
    const w = Math.floor(daysBetween(first, date) / 7);
    return w >= 0 && w < weeks ? w : undefined;
  };
  const executionsPerWeek = series();
  const found = series();
  const fixed = series();
  const bump = (list: number[], date: string): void => {
    const w = week(date);
    if (w !== undefined) list[w] = (list[w] ?? 0) + 1;
  };
  for (const d of dated) bump(executionsPerWeek, d.programmeDate);
  for (const defect of defects) {
    bump(found, defect.firstSeen.programmeDate);
    for (const e of defect.history) if (e.kind === 'verified') bump(fixed, e.programmeDate);
  }
  return { start: first, executions: executionsPerWeek, found, fixed };
}
