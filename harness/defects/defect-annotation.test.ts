// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { LedgerDefectAnnotation } from '../ledger/ledger.ts';
import { annotationsByDefect, applyAnnotations, defectAnnotation } from './defect-annotation.ts';

const a = (id: string, atWall: string, data: LedgerDefectAnnotation['data'], defectId = 'DEF-1'): LedgerDefectAnnotation => ({ id, defectId, atWall, author: 'ana', data });

describe('defect annotations', () => {
  it('apply in wall-time order, then id: a later ticket or severity wins, notes accumulate', () => {
    const applied = applyAnnotations([
      a('B', '2025-01-02T00:00:00.000Z', { severity: 1, notes: 'two' }),
      a('A', '2025-01-02T00:00:00.000Z', { ticket: 'DIT-1', severity: 3, notes: 'one' }),
      a('C', '2025-01-03T00:00:00.000Z', { ticket: 'DIT-2', future: 'ignored' }),
    ]);
    expect(applied).toEqual({
      ticket: 'DIT-2',
      severityOverride: 1,
      notes: [
        { atWall: '2025-01-02T00:00:00.000Z', author: 'ana', text: 'one' },
        { atWall: '2025-01-02T00:00:00.000Z', author: 'ana', text: 'two' },
      ],
      applied: ['A', 'B', 'C'],
      warnings: [],
    });
  });

  it('clear the ticket and the override with null, and skip a malformed annotation whole', () => {
    const applied = applyAnnotations([
      a('A', '2025-01-01T00:00:00.000Z', { ticket: 'DIT-1', severity: 1 }),
      a('B', '2025-01-02T00:00:00.000Z', { ticket: null, severity: null }),
      a('C', '2025-01-03T00:00:00.000Z', { ticket: 'DIT-9', severity: 5 }),
    ]);
    expect(applied.ticket).toBeNull();
    expect(applied.severityOverride).toBeNull();
    expect(applied.applied).toEqual(['A', 'B']);
    expect(applied.warnings).toEqual(['annotation C by ana at 2025-01-03T00:00:00.000Z was skipped: severity: expected a severity 1, 2, 3 or 4']);
  });

  it('group by defect', () => {
    const grouped = annotationsByDefect([a('A', 't', {}, 'DEF-1'), a('B', 't', {}, 'DEF-2'), a('C', 't', {}, 'DEF-1')]);
    expect([...grouped.entries()].map(([k, v]) => [k, v.map((x) => x.id)])).toEqual([
      ['DEF-1', ['A', 'C']],
      ['DEF-2', ['B']],
    ]);
  });

  it('checks a new annotation before it is recorded', () => {
    expect(defectAnnotation('DEF-1', 'ana', '2025-01-01T00:00:00Z', { ticket: 'DIT-1' })).toEqual({
      defectId: 'DEF-1',
      author: 'ana',
      atWall: '2025-01-01T00:00:00Z',
      data: { ticket: 'DIT-1' },
    });
    expect(() => defectAnnotation('DEF-1', 'ana', '2025-01-01T00:00:00Z', {})).toThrow('annotation of defect DEF-1 is not valid: (data): expected at least one of ticket, notes, severity');
    expect(() => defectAnnotation('DEF-1', 'ana', '2025-01-01T00:00:00Z', { severity: 0, colour: 'red' })).toThrow(/severity: expected a severity 1, 2, 3 or 4.*Unrecognized key: "colour"/);
  });
});
