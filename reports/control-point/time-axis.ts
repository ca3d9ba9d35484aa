// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A programme-date axis for the time charts: dates to x positions, and tick labels — weekly
 * (Mondays, "15 Apr") when the span is short enough for them to read, else at month starts
 * ("Apr 2019").
 */
import { addDays, daysBetween } from '../../harness/control-point/programme-weeks.ts';
import { PALETTE, text } from './svg.ts';

export interface TimeAxis {
  readonly x: (date: string) => number;
  readonly draw: (y: number, height: number) => string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Day of the week of a calendar date, 0 = Monday (from the date alone; no clock). */
function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The tick dates and their labels between `from` and `to`, at least ~56 px apart. */
function ticks(from: string, to: string, width: number): { date: string; label: string }[] {
  const span = Math.max(1, daysBetween(from, to));
  const out: { date: string; label: string }[] = [];
  if ((width / span) * 7 >= 56) {
    for (let date = addDays(from, (7 - weekday(from)) % 7); date <= to; date = addDays(date, 7)) {
      out.push({ date, label: `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}` });
    }
    return out;
  }
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const every = Math.max(1, Math.ceil(56 / ((width / span) * 30.4)));
  for (let k = 1; k < 240; k += every) {
    const month = ((fm - 1 + k) % 12) + 1;
    const year = fy + Math.floor((fm - 1 + k) / 12);
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    if (date > to) break;
    out.push({ date, label: `${MONTHS[month - 1]} ${year}` });
  }
  return out;
}

export function timeAxis(from: string, to: string, left: number, width: number): TimeAxis {
  const span = Math.max(1, daysBetween(from, to));
  const x = (date: string): number => left + (daysBetween(from, date) / span) * width;
  const draw = (y: number, height: number): string => {
    const parts = [`<line x1="${left}" y1="${y}" x2="${left + width}" y2="${y}" stroke="${PALETTE.muted}"/>`];
    for (const t of ticks(from, to, width)) {
      const px = x(t.date);
      parts.push(`<line x1="${px}" y1="${y - height}" x2="${px}" y2="${y + 3}" stroke="${PALETTE.grid}"/>`, text(px, y + 15, t.label, `text-anchor="middle" fill="${PALETTE.muted}" font-size="10"`));
    }
    return parts.join('');
  };
  return { x, draw };
}
