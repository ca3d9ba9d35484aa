// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { attributeName, clusterName } from './zcl-clusters.ts';

describe('ZCL cluster names', () => {
  it('names GBCS clusters and metering attributes', () => {
    expect(clusterName(0x070b)).toBe('Sub-GHz');
    expect(clusterName(0x1234)).toBeUndefined();
    expect(attributeName(0x0702, 0x0000)).toBe('Current Summation Delivered');
    expect(attributeName(0x0700, 0x0000)).toBeUndefined();
  });
});
