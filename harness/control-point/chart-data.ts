// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The numbers behind the report's charts that are not already in the assessment: defects open
 * and closed per firmware release over programme weeks, and the pass rate per device
 * combination (comms hub release × meter release and band) over the latest result of every cell.
 */
import type { Defect } from '../defects/defect.ts';
import type { CellResult } from './cell.ts';
import { addDays, daysBetween } from './programme-weeks.ts';

export interface DefectTimeline {
  readonly release: string;
  readonly points: readonly { readonly date: string; readonly open: number; readonly closed: number }[];
}

/** Per found-in release, weekly from `start` to `at` and on each day a defect was found or verified: open (found, not yet verified) and closed (verified) defects. */
export function defectTimelines(defects: readonly Defect[], start: string | null, at: string): DefectTimeline[] {
  if (start === null || defects.length === 0) return [];
  const weeks = Math.floor(daysBetween(start, at) / 7) + 1;
  const releases = [...new Set(defects.map((d) => d.foundIn))].sort();
  // weekly, plus the days a defect was found or verified, so a step falls on its own day
  const events = defects.flatMap((d) => [d.firstSeen.programmeDate, ...d.history.filter((e) => e.kind === 'verified').map((e) => e.programmeDate)]);
  const weekly = Array.from({ length: weeks + 1 }, (_, w) => (w === weeks ? at : addDays(start, 7 * w))).filter((date) => date <= at);
  const dates = [...new Set([...weekly, ...events.filter((date) => date >= start && date <= at)])].sort();
  return releases.map((release) => {
    const own = defects.filter((d) => d.foundIn === release);
    const points = [];
    for (const date of dates) {
      const closedBy = (d: Defect): boolean => d.state === 'verified' && d.history.some((e) => e.kind === 'verified' && e.programmeDate <= date);
      const found = own.filter((d) => d.firstSeen.programmeDate <= date);
      const closed = found.filter(closedBy).length;
      points.push({ date, open: found.length - closed, closed });
    }
    return { release, points };
  });
}

export interface PassRateGrid {
  /** Comms hub releases: `WNC 1.9`. */
  readonly rows: readonly string[];
  /** Meter release and band: `MM2 MM2-G24-OPT2 1.1.1 @ 2.4GHz`. */
  readonly columns: readonly string[];
  /** rows × columns: passed / executed cells, null where nothing ran. */
  readonly values: readonly (readonly ({ readonly passed: number; readonly executed: number } | null)[])[];
}

export function passRateGrid(cells: ReadonlyMap<string, CellResult>): PassRateGrid {
  const split = (combination: string): [string, string] => {
    const [hub = '', meter = ''] = combination.split(' × ');
    return [hub, meter];
  };
  const all = [...cells.values()];
  const rows = [...new Set(all.map((c) => split(c.combination)[0]))].sort();
  const columns = [...new Set(all.map((c) => split(c.combination)[1]))].sort();
  const values = rows.map((row) =>
    columns.map((column) => {
      const here = all.filter((c) => {
        const [h, m] = split(c.combination);
        return h === row && m === column;
      });
      return here.length === 0 ? null : { passed: here.filter((c) => c.latest === 'passed').length, executed: here.length };
    }),
  );
  return { rows, columns, values };
}
