// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { returnsLocalCommand, sendsOverWan, webServiceFor, type CommandVariantNumber } from './command-variant.ts';

const ALL: CommandVariantNumber[] = [1, 2, 3, 4, 5, 6, 7, 8];

describe('command variants', () => {
  it('say where the command goes: over the WAN (1, 3, 5, 7), back to the user for local delivery (2, 3, 6, 7)', () => {
    expect(ALL.filter(sendsOverWan)).toEqual([1, 3, 5, 7]);
    expect(ALL.filter(returnsLocalCommand)).toEqual([2, 3, 6, 7]);
  });

  it('local delivery only goes to the Non-Device Service; WAN and both to Send Command', () => {
    expect([2, 6].map((cv) => webServiceFor(cv as CommandVariantNumber))).toEqual(['Non-Device Service', 'Non-Device Service']);
    expect([3, 7].map((cv) => webServiceFor(cv as CommandVariantNumber))).toEqual(['Send Command Service', 'Send Command Service']);
  });
});
