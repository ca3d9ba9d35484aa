// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The coverage matrix as a grid: test cases down, combinations across (labels slanted, in
 * full), each cell coloured by status (passed, failed, skipped, not run; blank where not
 * required), with a legend and the totals.
 */
import type { CoverageMatrix, CoverageStatus } from '../../harness/control-point/coverage-matrix.ts';
import { chartFrame, emptyChart, escapeXml, legendRow, PALETTE, text, textWidth } from './svg.ts';

const COLOUR: Record<CoverageStatus, string> = { passed: PALETTE.pass, failed: PALETTE.fail, skipped: PALETTE.skipped, 'not-run': PALETTE.notRun, 'not-required': '#ffffff' };

/** Slanted at 45°, a label of width w reaches w·0.71 up and right of its foot. */
const SLANT = Math.SQRT1_2;

export function coverageMatrixChart(matrix: CoverageMatrix): string {
  const title = 'Coverage matrix: required vs executed vs passed';
  if (matrix.totals.required === 0) return emptyChart('coverage', title, 'nothing required: the cycles plan no combination × test case');
  const cell = 24;
  const left = Math.max(...matrix.testCases.map((tc) => textWidth(tc, 11))) + 20;
  const longest = Math.max(...matrix.combinations.map((c) => textWidth(c, 10)));
  const top = 34 + Math.ceil(longest * SLANT);
  const gridRight = left + matrix.combinations.length * cell;
  const parts: string[] = [];
  matrix.combinations.forEach((c, j) => {
    const x = left + j * cell + cell / 2;
    parts.push(`<text transform="translate(${x - 2},${top - 6}) rotate(-45)" fill="${PALETTE.ink}" font-size="10">${escapeXml(c)}</text>`);
  });
  matrix.testCases.forEach((tc, i) => {
    const y = top + i * cell;
    parts.push(text(left - 8, y + cell / 2 + 4, tc, `text-anchor="end" fill="${PALETTE.ink}"`));
    matrix.cells[i]?.forEach((c, j) => {
      parts.push(`<rect x="${left + j * cell + 2}" y="${y + 2}" width="${cell - 4}" height="${cell - 4}" rx="3" fill="${COLOUR[c.status]}" stroke="${c.status === 'not-required' ? '#dfe5e8' : 'none'}"><title>${escapeXml(`${c.testCase} on ${c.combination}: ${c.status}`)}</title></rect>`);
    });
  });
  const legendY = top + matrix.testCases.length * cell + 26;
  const swatch = (colour: string, stroke = 'none') => (x: number, y: number) => `<rect x="${x}" y="${y - 7}" width="14" height="14" rx="3" fill="${colour}" stroke="${stroke}"/>`;
  parts.push(
    legendRow(left, legendY, [
      { label: 'passed', mark: swatch(PALETTE.pass) },
      { label: 'failed', mark: swatch(PALETTE.fail) },
      { label: 'not run', mark: swatch(PALETTE.notRun) },
      { label: 'skipped', mark: swatch(PALETTE.skipped) },
      { label: 'not required', mark: swatch('#ffffff', '#cfd8dc') },
    ]),
  );
  const { required, executed, passed } = matrix.totals;
  parts.push(text(0, 16, `${required} required · ${executed} executed · ${passed} passed · ${required - passed} gap(s)`, `font-weight="600" fill="${PALETTE.ink}" font-size="12"`));
  const width = Math.max(gridRight + Math.ceil(longest * SLANT) + 10, left + 560);
  return chartFrame('coverage', title, width, legendY + 14, parts.join(''));
}
