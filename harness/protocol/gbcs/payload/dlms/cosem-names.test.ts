// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { cosemAttributeName, cosemClassName, cosemMethodName, gbcsObjectName } from './cosem-names.ts';

describe('COSEM names', () => {
  it('names what PAYLOADS.md names', () => {
    expect(cosemClassName(30)).toBe('Data Protection');
    expect(gbcsObjectName('0-0:43.2.8.255')).toBe('Import Register Collection');
    expect(cosemMethodName(30, 1)).toBe('Get Protected Attributes');
    expect(cosemAttributeName(1, 2)).toBe('Value');
    expect(cosemAttributeName(104, 2)).toBe('Enable Disable Joining');
    expect(cosemAttributeName(8, 2)).toBeUndefined();
  });
});
