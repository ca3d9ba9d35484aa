// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { headerDateTimeMs } from './header-date-time.ts';
import { cosemDateTimeFromDate, encodeCosemDateTime } from './payload/dlms/cosem-date-time.ts';

describe('headerDateTimeMs', () => {
  it('reads the instant of a present header date-time, to the hundredth', () => {
    const at = Date.UTC(2019, 3, 12, 9, 30, 15, 250);
    expect(headerDateTimeMs({ dateTime: encodeCosemDateTime(cosemDateTimeFromDate(new Date(at), { clockStatus: 0 })) })).toBe(at);
  });

  it('is null when absent, of the wrong length or not an instant', () => {
    expect(headerDateTimeMs({ dateTime: null })).toBeNull();
    expect(headerDateTimeMs({ dateTime: new Uint8Array(11) })).toBeNull();
    expect(headerDateTimeMs({ dateTime: new Uint8Array(12).fill(0xff) })).toBeNull();
  });
});
