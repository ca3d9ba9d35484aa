// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { LedgerExecution } from '../ledger/ledger.ts';
import { isSeverity, mostSevere, severityOf } from './severity.ts';

describe('severity', () => {
  it('reads a valid 1..4 from the execution record and keeps the most severe', () => {
    expect(severityOf({ severity: 3 } as unknown as LedgerExecution)).toBe(3);
    expect(severityOf({ severity: '3' } as unknown as LedgerExecution)).toBeUndefined();
    expect(severityOf({} as unknown as LedgerExecution)).toBeUndefined();
    expect([0, 1, 4, 5, 2.5].map(isSeverity)).toEqual([false, true, true, false, false]);
    expect(mostSevere([3, 1, 2], 4)).toBe(1);
    expect(mostSevere([], 2)).toBe(2);
  });
});
