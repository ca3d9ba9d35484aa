// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { namedEnum } from './named-enum.ts';
import { PayloadEncodeError } from './payload-errors.ts';

describe('namedEnum', () => {
  const E = namedEnum('thing', { zero: 0, 'one-thing': 1 });

  it('maps codes to names and back', () => {
    expect(E.nameOf(1)).toBe('one-thing');
    expect(E.codeOf('zero', 'f')).toBe(0);
  });

  it('keeps unknown codes losslessly', () => {
    expect(E.nameOf(42)).toBe('thing-42');
    expect(E.codeOf('thing-42', 'f')).toBe(42);
  });

  it('rejects unknown names, listing the known ones', () => {
    expect(() => E.codeOf('two', 'field.x')).toThrow(PayloadEncodeError);
    expect(() => E.codeOf('toString', 'field.x')).toThrow(/zero, one-thing/);
  });
});
