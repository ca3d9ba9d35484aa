// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Programme time: the calendar of the programme under test, apart from the wall clock. A
 * programme date is a real calendar day written YYYY-MM-DD; every run and assessment carries one
 * (`--at DATE`, default: the programme's own "today"). The queries here answer "as of that day":
 * which firmware releases are in scope, how many devices of a model had been delivered, which
 * cycles were running. Pure functions of the programme and the date; nothing here reads a clock.
 *
 * Only types are imported from the entity files, so they can use `ProgrammeDateSchema` without
 * an import cycle.
 */
import { z } from 'zod';
import type { Cycle } from './cycle.ts';
import type { FirmwareRelease, ReleaseStatus } from './firmware-release.ts';
import type { Programme } from './programme.ts';
import { ProgrammeError } from './programme-error.ts';

declare const programmeDateBrand: unique symbol;
/** A checked calendar day, `YYYY-MM-DD`. Ordered as text (ISO dates sort as they fall). */
export type ProgrammeDate = string & { readonly [programmeDateBrand]: 'ProgrammeDate' };

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why `text` is not a programme date, or undefined when it is one. */
export function programmeDateProblem(text: string): string | undefined {
  const match = SHAPE.exec(text);
  if (!match) return `${JSON.stringify(text)} is not a date: expected YYYY-MM-DD, e.g. 2019-04-12`;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return `${text} does not exist: there is no month ${match[2]}`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return `${text} does not exist: ${MONTHS[month - 1]} ${match[1]} has ${last} days`;
  }
  return undefined;
}

export function isProgrammeDate(text: unknown): text is ProgrammeDate {
  return typeof text === 'string' && programmeDateProblem(text) === undefined;
}

/**
 * Checks a date given by a user (an option, a test). `what` names where it came from, e.g.
 * `--at`; a bad date is a `ProgrammeError` naming it.
 */
export function parseProgrammeDate(text: string, what = 'date'): ProgrammeDate {
  const problem = programmeDateProblem(text);
  if (problem !== undefined) throw new ProgrammeError(`${what}: ${problem}`);
  return text as ProgrammeDate;
}

/** The zod schema of a date field in a programme file. */
export const ProgrammeDateSchema = z
  .string()
  .superRefine((text, ctx) => {
    const problem = programmeDateProblem(text);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((text) => text as ProgrammeDate);

/** Negative when `a` falls before `b`, 0 on the same day, positive after. */
export function compareProgrammeDates(a: ProgrammeDate, b: ProgrammeDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The programme's own "today" (programme.json), the default date of every command. */
export function programmeToday(programme: Pick<Programme, 'today'>): ProgrammeDate {
  return programme.today;
}

/**
 * A release's status as of a day. With a status history: the latest entry on or before the day
 * (undefined before the first entry: nothing had been said about it yet). Without one: its
 * `status`, taken to hold on every day.
 */
export function releaseStatusAt(release: FirmwareRelease, at: ProgrammeDate): ReleaseStatus | undefined {
  if (release.history === undefined) return release.status;
  let status: ReleaseStatus | undefined;
  for (const entry of release.history) {
    if (entry.date > at) break;
    status = entry.status;
  }
  return status;
}

/** Whether a release is in scope on a day, and why not when it is not (a reason a plan can show next to the release's id). */
export type ReleaseScope = { readonly inScope: true } | { readonly inScope: false; readonly reason: string };

/**
 * The scope rule of programme time: a release is in scope from its date on, unless on that day it
 * is withdrawn or superseded. A release with no firm date is never in scope; a withdrawn release
 * without a history never is; with a history, it was in scope until the day it was withdrawn.
 * A planned release whose date has come is in scope: programme time projects the plan forward.
 */
export function releaseScopeAt(release: FirmwareRelease, at: ProgrammeDate): ReleaseScope {
  if (release.date === undefined) {
    const expected = release.expected === undefined ? '' : ` (expected: ${release.expected})`;
    return { inScope: false, reason: `no firm date yet${expected}` };
  }
  if (release.date > at) return { inScope: false, reason: `in scope only from ${release.date}` };
  const status = releaseStatusAt(release, at);
  if (status === 'withdrawn' || status === 'superseded') {
    const since = release.history === undefined ? '' : ` since ${lastChangeTo(release, status, at)}`;
    return { inScope: false, reason: `${status}${since}` };
  }
  return { inScope: true };
}

function lastChangeTo(release: FirmwareRelease, status: ReleaseStatus, at: ProgrammeDate): string {
  const history = release.history ?? [];
  let since = '';
  for (let i = 0; i < history.length; i++) {
    const entry = history[i];
    if (entry === undefined || entry.date > at) break;
    if (entry.status === status && (i === 0 || history[i - 1]?.status !== status)) since = entry.date;
  }
  return since;
}

export function releaseInScope(release: FirmwareRelease, at: ProgrammeDate): boolean {
  return releaseScopeAt(release, at).inScope;
}

/** The programme's releases in scope on a day, in file order. */
export function releasesInScope(programme: Pick<Programme, 'firmwareReleases'>, at: ProgrammeDate): FirmwareRelease[] {
  return programme.firmwareReleases.filter((r) => releaseInScope(r, at));
}

/**
 * How many devices of a model had been delivered by the end of a day (deliveries dated on or
 * before it), optionally only those delivered to one place (e.g. `DCC lab`).
 */
export function deliveredBy(
  programme: Pick<Programme, 'deliveries'>,
  model: string,
  at: ProgrammeDate,
  where?: string,
): number {
  return programme.deliveries
    .filter((d) => d.model === model && d.date <= at && (where === undefined || d.where === where))
    .reduce((sum, d) => sum + d.count, 0);
}

/** The last day a cycle runs: the earlier of its window's end and its timebox; undefined if open. */
export function cycleLastDay(cycle: Cycle): ProgrammeDate | undefined {
  const ends = [cycle.window.end, cycle.timeboxEnd].filter((d): d is ProgrammeDate => d !== undefined);
  return ends.sort(compareProgrammeDates)[0];
}

/** The cycles running on a day: started on or before it, not past their end or timebox. */
export function cyclesActiveAt(programme: Pick<Programme, 'cycles'>, at: ProgrammeDate): Cycle[] {
  return programme.cycles.filter((c) => {
    const last = cycleLastDay(c);
    return c.window.start <= at && (last === undefined || at <= last);
  });
}
