// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { JoinedDevices } from './joined-devices.ts';

describe('JoinedDevices (the meter side of CS03B / CS04B)', () => {
  it('joins once per device, refuses past its capacity, and unjoins', () => {
    const list = new JoinedDevices(2);
    expect(list.join('00DB12345678909C', 3, 1)).toMatchObject({ ok: true, entry: { eui: '00DB12345678909C', joinedAt: 1 } });
    expect(list.join('00DB12345678909C', 3, 2)).toMatchObject({ ok: true, entry: { joinedAt: 1 } });
    expect(list.join('00DB12345678909D', 3, 3).ok).toBe(true);
    expect(list.join('00DB12345678909E', 3, 4)).toEqual({ ok: false, reason: 'full' });
    expect(list.unjoin('00DB12345678909C')?.eui).toBe('00DB12345678909C');
    expect(list.unjoin('00DB12345678909C')).toBeUndefined();
    expect(list.entries().map((e) => e.eui)).toEqual(['00DB12345678909D']);
    expect(() => new JoinedDevices(0)).toThrow(RangeError);
  });
});
