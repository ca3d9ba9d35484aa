// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ZclStatuses } from './zcl-status.ts';

describe('ZCL statuses', () => {
  it('names the statuses RTDS uses and keeps unknown ones', () => {
    expect(ZclStatuses.nameOf(0)).toBe('success');
    expect(ZclStatuses.nameOf(0x86)).toBe('unsupported-attribute');
    expect(ZclStatuses.nameOf(0xc0)).toBe('hardware-failure');
    expect(ZclStatuses.codeOf('zcl-status-200', 's')).toBe(200);
  });
});
