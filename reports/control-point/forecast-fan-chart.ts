// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The forecast fan: work left (required executions + open defects) over programme weeks, the
 * P10–P90 band shaded around the P50 line, with the P50 and P90 completion dates marked and
 * labelled, and a legend.
 */
import type { Forecast } from '../../harness/control-point/forecast.ts';
import { chartFrame, emptyChart, legendRow, n, PALETTE, text } from './svg.ts';
import { timeAxis } from './time-axis.ts';

export function forecastFanChart(forecast: Forecast): string {
  const title = 'Forecast: work left until DIT completes';
  if (forecast.fan.length < 2) return emptyChart('forecast', title, forecast.unavailable ?? 'nothing left to forecast');
  const left = 56;
  const top = 30;
  const width = 620;
  const height = 170;
  const from = forecast.fan[0]?.date as string;
  const to = forecast.fan.at(-1)?.date as string;
  const axis = timeAxis(from, to, left, width);
  const max = Math.max(1, ...forecast.fan.map((p) => p.p90));
  const y = (v: number) => top + height - (v / max) * height;
  const upper = forecast.fan.map((p) => `${n(axis.x(p.date))},${n(y(p.p90))}`);
  const lower = [...forecast.fan].reverse().map((p) => `${n(axis.x(p.date))},${n(y(p.p10))}`);
  const parts = [axis.draw(top + height, height)];
  const step = Math.max(1, Math.ceil(max / 4));
  for (let v = 0; v <= max; v += step) {
    parts.push(`<line x1="${left}" y1="${n(y(v))}" x2="${left + width}" y2="${n(y(v))}" stroke="${PALETTE.grid}"/>`, text(left - 8, y(v) + 4, String(v), `text-anchor="end" fill="${PALETTE.muted}"`));
  }
  parts.push(
    `<text transform="translate(14,${top + height / 2}) rotate(-90)" text-anchor="middle" fill="${PALETTE.muted}" font-size="10">work left</text>`,
    `<polygon points="${[...upper, ...lower].join(' ')}" fill="${PALETTE.accent}" fill-opacity="0.18"/>`,
    `<polyline points="${forecast.fan.map((p) => `${n(axis.x(p.date))},${n(y(p.p50))}`).join(' ')}" fill="none" stroke="${PALETTE.accent}" stroke-width="2.5"/>`,
  );
  const marks = ([['P50', forecast.p50], ['P90', forecast.p90]] as const).filter((m): m is readonly ['P50' | 'P90', string] => m[1] !== null);
  marks.forEach(([label, date], k) => {
    const x = axis.x(date);
    // the later mark's label goes right of its line, the earlier one's left of its own, so they never overlap
    const right = k === marks.length - 1;
    parts.push(
      `<line x1="${n(x)}" y1="${top - 12}" x2="${n(x)}" y2="${top + height}" stroke="${PALETTE.ink}" stroke-dasharray="4 3"/>`,
      text(right ? x + 5 : x - 5, top - 4, `${label} ${date}`, `fill="${PALETTE.ink}" font-weight="600" text-anchor="${right ? 'start' : 'end'}"`),
    );
  });
  parts.push(
    legendRow(left, top + height + 42, [
      { label: 'P50 work left', mark: (x, yy) => `<line x1="${x}" y1="${yy}" x2="${x + 14}" y2="${yy}" stroke="${PALETTE.accent}" stroke-width="2.5"/>` },
      { label: 'P10–P90 band', mark: (x, yy) => `<rect x="${x}" y="${yy - 6}" width="14" height="12" fill="${PALETTE.accent}" fill-opacity="0.18"/>` },
      { label: 'completion date (P50, P90)', mark: (x, yy) => `<line x1="${x + 7}" y1="${yy - 7}" x2="${x + 7}" y2="${yy + 7}" stroke="${PALETTE.ink}" stroke-dasharray="4 3"/>` },
    ]),
  );
  return chartFrame('forecast', title, left + width + 150, top + height + 56, parts.join(''));
}
