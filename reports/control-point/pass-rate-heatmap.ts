// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Pass rate per device combination as a heatmap: comms hub releases down, meter releases and
 * bands across (labels slanted, in full); the hue runs from red (0 %) through amber to green
 * (100 %), grey where nothing ran; each cell reads "rate · passed/executed".
 */
import type { PassRateGrid } from '../../harness/control-point/chart-data.ts';
import { chartFrame, emptyChart, escapeXml, PALETTE, text, textWidth } from './svg.ts';

function colourFor(rate: number): string {
  // hue 0 (red) to 120 (green); dark enough for white text at every step
  return `hsl(${Math.round(rate * rate * 120)}, 62%, ${Math.round(34 + 4 * rate)}%)`;
}

const SLANT = Math.SQRT1_2;

export function passRateHeatmap(grid: PassRateGrid): string {
  const title = 'Pass rate per device combination';
  if (grid.rows.length === 0) return emptyChart('pass-rate', title, 'no executions in the ledger as of the assessment date');
  const w = 104;
  const h = 30;
  const left = Math.max(...grid.rows.map((r) => textWidth(r, 11))) + 20;
  const longest = Math.max(...grid.columns.map((c) => textWidth(c, 10)));
  const top = 14 + Math.ceil(longest * SLANT);
  const parts: string[] = [];
  grid.columns.forEach((c, j) => {
    parts.push(`<text transform="translate(${left + j * w + w / 2 - 4},${top - 8}) rotate(-45)" fill="${PALETTE.ink}" font-size="10">${escapeXml(c)}</text>`);
  });
  grid.rows.forEach((r, i) => {
    const y = top + i * h;
    parts.push(text(left - 8, y + h / 2 + 4, r, `text-anchor="end" fill="${PALETTE.ink}"`));
    grid.values[i]?.forEach((v, j) => {
      const x = left + j * w;
      if (v === null) {
        parts.push(`<rect x="${x + 2}" y="${y + 2}" width="${w - 4}" height="${h - 4}" rx="3" fill="${PALETTE.grid}"><title>${escapeXml(`${r} × ${grid.columns[j]}: not run`)}</title></rect>`);
        return;
      }
      const rate = v.executed === 0 ? 0 : v.passed / v.executed;
      parts.push(
        `<rect x="${x + 2}" y="${y + 2}" width="${w - 4}" height="${h - 4}" rx="3" fill="${colourFor(rate)}"><title>${escapeXml(`${r} × ${grid.columns[j]}: ${v.passed}/${v.executed} passed`)}</title></rect>`,
        text(x + w / 2, y + h / 2 + 4, `${Math.round(rate * 100)}% · ${v.passed}/${v.executed}`, 'text-anchor="middle" fill="#fff" font-size="11" font-weight="600"'),
      );
    });
  });
  const width = left + grid.columns.length * w + Math.ceil(longest * SLANT) - w / 2 + 10;
  return chartFrame('pass-rate', title, Math.max(width, left + grid.columns.length * w + 10), top + grid.rows.length * h + 10, parts.join(''));
}
