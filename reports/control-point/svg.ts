// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Small helpers the control-point charts share: escaping text for HTML and SVG, the chart frame
 * (an `<svg>` with a title and a `data-chart` name the report test looks for), and the palette.
 */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Fixed-precision numbers keep the SVG text stable across runs. */
export const n = (value: number): string => (Math.round(value * 10) / 10).toString();

export const PALETTE = {
  pass: '#2e7d32',
  fail: '#c62828',
  waived: '#ef6c00',
  notRun: '#cfd8dc',
  skipped: '#90a4ae',
  ink: '#263238',
  muted: '#78909c',
  grid: '#eceff1',
  accent: '#1565c0',
  series: ['#1565c0', '#6a1b9a', '#00838f', '#ef6c00', '#ad1457', '#558b2f', '#4e342e', '#283593'],
} as const;

/** An `<svg>` of the given size holding `body`, named for the report test and labelled for screen readers. */
export function chartFrame(name: string, title: string, width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="${escapeXml(name)}" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="11">${body}</svg>`;
}

/** A chart with nothing to show says so, so an empty chart is never a blank box. */
export function emptyChart(name: string, title: string, message: string): string {
  return chartFrame(name, title, 560, 60, `<rect x="0" y="0" width="560" height="60" fill="${PALETTE.grid}"/><text x="280" y="34" text-anchor="middle" fill="${PALETTE.muted}">${escapeXml(message)}</text>`);
}

export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

/** An estimate of a text's width in px (system sans-serif: ~0.62 em a character, ~0.68 em bold), to leave room for labels. */
export function textWidth(content: string, fontSize: number, bold = false): number {
  return Math.ceil(content.length * fontSize * (bold ? 0.68 : 0.62));
}

/** A legend row: a swatch (drawn by `mark` at its left edge, 14 px wide) and a label each, spaced by their own widths. */
export function legendRow(x: number, y: number, items: readonly { readonly label: string; readonly mark: (x: number, y: number) => string }[]): string {
  let at = x;
  return items
    .map((item) => {
      const part = `${item.mark(at, y)}${text(at + 20, y + 4, item.label, `fill="${PALETTE.ink}"`)}`;
      at += 20 + textWidth(item.label, 11) + 22;
      return part;
    })
    .join('');
}
