// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ActionResults, DataAccessResults } from './dlms-results.ts';
import { DlmsUnits } from './dlms-units.ts';

describe('DLMS enumerations', () => {
  it('names results and units', () => {
    expect(DataAccessResults.nameOf(250)).toBe('other-reason');
    expect(ActionResults.nameOf(1)).toBe('hardware-fault');
    expect(ActionResults.codeOf('action-result-77', 'r')).toBe(77);
    expect(DlmsUnits.nameOf(30)).toBe('Wh');
    expect(DlmsUnits.nameOf(32)).toBe('varh');
    expect(DlmsUnits.codeOf('m3', 'u')).toBe(13);
  });
});
