// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadEncodeError } from '../payload-errors.ts';
import { DlmsUnits } from './dlms-units.ts';

describe('DLMS units', () => {
  it('names the RTDS ECS17b units and keeps unknown codes', () => {
    expect(DlmsUnits.nameOf(30)).toBe('Wh');
    expect(DlmsUnits.nameOf(32)).toBe('varh');
    expect(DlmsUnits.nameOf(200)).toBe('unit-200');
    expect(DlmsUnits.codeOf('unit-200', 'u')).toBe(200);
    expect(() => DlmsUnits.codeOf('kWh', 'u')).toThrow(PayloadEncodeError);
  });
});
