// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Deliveries against what formal DIT needs: per need, a step line of the devices delivered so far
 * (green once the need is met, red while it is not), the need as a labelled diamond at its date
 * and count, later (expected) deliveries as dotted circles, and the assessment date as a line.
 */
import type { NeedStatus } from '../../harness/control-point/criteria/availability.ts';
import { addDays } from '../../harness/control-point/programme-weeks.ts';
import { chartFrame, emptyChart, escapeXml, legendRow, n, PALETTE, text, textWidth } from './svg.ts';
import { timeAxis } from './time-axis.ts';

const diamond = (x: number, y: number, colour: string): string =>
  `<path d="M${n(x)},${n(y - 6)} L${n(x + 6)},${n(y)} L${n(x)},${n(y + 6)} L${n(x - 6)},${n(y)} Z" fill="#fff" stroke="${colour}" stroke-width="2"/>`;

export function deliveriesTimelineChart(needs: readonly NeedStatus[], at: string): string {
  const title = 'Deliveries against what formal DIT needs';
  if (needs.length === 0) return emptyChart('deliveries', title, 'no availability criterion');
  const all = needs.flatMap((s) => [...s.deliveries, ...s.later]);
  const dates = [...all.map((d) => d.date), ...needs.map((s) => s.by), at].sort();
  const from = addDays(dates[0] as string, -7);
  const to = addDays(dates.at(-1) as string, 10);
  const left = Math.max(200, ...needs.map((s) => textWidth(s.label, 11, true) + 24));
  const width = 640;
  const row = 64;
  const top = 22;
  const axis = timeAxis(from, to, left, width);
  const plotBottom = top + needs.length * row;
  const parts: string[] = [axis.draw(plotBottom, plotBottom - top)];
  const ax = axis.x(at);
  parts.push(`<line x1="${n(ax)}" y1="${top - 8}" x2="${n(ax)}" y2="${plotBottom}" stroke="${PALETTE.accent}" stroke-dasharray="3 3"/>`, text(ax - 4, top - 10, `assessed ${at}`, `text-anchor="end" fill="${PALETTE.accent}" font-size="10"`));
  needs.forEach((s, i) => {
    const base = top + i * row;
    const full = Math.max(s.count, 1) * 1.25;
    const scale = (v: number) => base + row - 10 - (Math.min(v, full) / full) * (row - 24);
    const colour = s.met ? PALETTE.pass : PALETTE.fail;
    if (i > 0) parts.push(`<line x1="${left}" y1="${base}" x2="${left + width}" y2="${base}" stroke="${PALETTE.grid}"/>`);
    parts.push(text(left - 12, base + row / 2 - 2, s.label, `text-anchor="end" fill="${PALETTE.ink}" font-weight="600"`));
    parts.push(text(left - 12, base + row / 2 + 13, `${s.delivered} of ${s.count} delivered by ${s.by}`, `text-anchor="end" fill="${colour}"`));
    let total = 0;
    const pts = [`${n(axis.x(from))},${n(scale(0))}`];
    for (const d of s.deliveries) {
      const px = axis.x(d.date);
      pts.push(`${n(px)},${n(scale(total))}`);
      total += d.count;
      pts.push(`${n(px)},${n(scale(total))}`);
    }
    pts.push(`${n(ax)},${n(scale(total))}`);
    parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    for (const d of s.later) parts.push(`<circle cx="${n(axis.x(d.date))}" cy="${n(scale(total + d.count))}" r="4" fill="none" stroke="${PALETTE.muted}" stroke-dasharray="2 2"><title>${escapeXml(`${d.count} × ${d.model} expected on ${d.date}`)}</title></circle>`);
    const tx = axis.x(s.by);
    const ty = scale(s.count);
    parts.push(`<g>${diamond(tx, ty, PALETTE.ink)}<title>${escapeXml(`needed: ${s.count} by ${s.by}`)}</title></g>`, text(tx + 9, ty - 6, `need ${s.count}`, `fill="${PALETTE.ink}" font-size="10"`));
  });
  const legendY = plotBottom + 40;
  parts.push(
    legendRow(left, legendY, [
      { label: 'delivered, need met', mark: (x, y) => `<line x1="${x}" y1="${y}" x2="${x + 14}" y2="${y}" stroke="${PALETTE.pass}" stroke-width="2.5"/>` },
      { label: 'delivered, need not met', mark: (x, y) => `<line x1="${x}" y1="${y}" x2="${x + 14}" y2="${y}" stroke="${PALETTE.fail}" stroke-width="2.5"/>` },
      { label: 'needed (count by date)', mark: (x, y) => diamond(x + 7, y, PALETTE.ink) },
      { label: 'expected later', mark: (x, y) => `<circle cx="${x + 7}" cy="${y}" r="4" fill="none" stroke="${PALETTE.muted}" stroke-dasharray="2 2"/>` },
    ]),
  );
  return chartFrame('deliveries', title, left + width + 30, legendY + 14, parts.join(''));
}
