// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Defects open and closed per firmware release (the release each was found in) over programme
 * time: a solid step line per release for open, a dashed one for closed (series that coincide
 * are drawn a little apart so each stays visible), whole-number gridlines, and a legend.
 */
import type { DefectTimeline } from '../../harness/control-point/chart-data.ts';
import { chartFrame, emptyChart, legendRow, n, PALETTE, text, textWidth } from './svg.ts';
import { timeAxis } from './time-axis.ts';

export function defectsPerReleaseChart(timelines: readonly DefectTimeline[]): string {
  const title = 'Defects open and closed per firmware release';
  const points = timelines.flatMap((t) => t.points);
  if (points.length === 0) return emptyChart('defects', title, 'no defects found as of the assessment date');
  const dates = points.map((p) => p.date).sort();
  const from = dates[0] as string;
  const to = dates.at(-1) as string;
  const left = 44;
  const top = 16;
  const width = 560;
  const height = 170;
  const max = Math.max(1, ...points.map((p) => Math.max(p.open, p.closed)));
  const axis = timeAxis(from, to, left, width);
  const y = (v: number) => top + height - (v / max) * height;
  const parts = [axis.draw(top + height, height)];
  const step = Math.max(1, Math.ceil(max / 5));
  for (let v = 0; v <= max; v += step) {
    parts.push(`<line x1="${left}" y1="${n(y(v))}" x2="${left + width}" y2="${n(y(v))}" stroke="${PALETTE.grid}"/>`, text(left - 8, y(v) + 4, String(v), `text-anchor="end" fill="${PALETTE.muted}"`));
  }
  parts.push(`<text transform="translate(12,${top + height / 2}) rotate(-90)" text-anchor="middle" fill="${PALETTE.muted}" font-size="10">defects</text>`);
  const legendX = left + width + 24;
  timelines.forEach((t, k) => {
    const colour = PALETTE.series[k % PALETTE.series.length] as string;
    const offset = (k - (timelines.length - 1) / 2) * 2.5;
    const line = (key: 'open' | 'closed') =>
      t.points
        .flatMap((p, i) => {
          const x = n(axis.x(p.date));
          const prev = t.points[i - 1];
          return prev === undefined ? [`${x},${n(y(p[key]) + offset)}`] : [`${x},${n(y(prev[key]) + offset)}`, `${x},${n(y(p[key]) + offset)}`];
        })
        .join(' ');
    parts.push(`<polyline points="${line('open')}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    parts.push(`<polyline points="${line('closed')}" fill="none" stroke="${colour}" stroke-width="1.5" stroke-dasharray="5 3"/>`);
    const last = t.points.at(-1);
    parts.push(
      `<rect x="${legendX}" y="${top + 4 + k * 20}" width="14" height="4" fill="${colour}"/>`,
      text(legendX + 20, top + 10 + k * 20, `${t.release}: ${last?.open ?? 0} open, ${last?.closed ?? 0} closed`, `fill="${PALETTE.ink}"`),
    );
  });
  parts.push(
    legendRow(left, top + height + 42, [
      { label: 'open (found, not verified fixed)', mark: (x, yy) => `<line x1="${x}" y1="${yy}" x2="${x + 14}" y2="${yy}" stroke="${PALETTE.ink}" stroke-width="2.5"/>` },
      { label: 'closed (fix verified)', mark: (x, yy) => `<line x1="${x}" y1="${yy}" x2="${x + 14}" y2="${yy}" stroke="${PALETTE.ink}" stroke-width="1.5" stroke-dasharray="5 3"/>` },
    ]),
  );
  const legendWidth = Math.max(...timelines.map((t) => textWidth(`${t.release}: 00 open, 00 closed`, 11))) + 30;
  return chartFrame('defects', title, legendX + legendWidth, Math.max(top + height + 56, top + 20 * timelines.length + 10), parts.join(''));
}
