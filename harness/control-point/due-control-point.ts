// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The control point due at a programme date: the first one dated on or after it (the next
 * decision the evidence so far speaks to), or, when every control point is already past, the
 * latest. `dit report` assesses this one unless `--control-point` names another.
 */
import type { ControlPoint } from '../programme/control-point.ts';
import type { ProgrammeDate } from '../programme/programme-date.ts';
import type { Programme } from '../programme/programme.ts';

export function dueControlPoint(programme: Pick<Programme, 'controlPoints'>, at: ProgrammeDate): ControlPoint | undefined {
  const byDate = [...programme.controlPoints].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return byDate.find((c) => c.date >= at) ?? byDate.at(-1);
}
