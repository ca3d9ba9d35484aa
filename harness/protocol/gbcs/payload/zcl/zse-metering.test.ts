// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { attributeName, clusterName } from './zcl-clusters.ts';
import { MeteringAttribute, ZseUnitsOfMeasure } from './zse-metering.ts';
import { ZclStatuses } from './zcl-status.ts';

describe('ZSE metering tables', () => {
  it('names the RTDS attributes, units, clusters and statuses', () => {
    expect(attributeName(0x0702, MeteringAttribute.divisor)).toBe('Divisor');
    expect(attributeName(0x0702, MeteringAttribute.currentMeterId)).toBe('Current Meter Id');
    expect(clusterName(0x0702)).toBe('Metering');
    expect(ZseUnitsOfMeasure.nameOf(1)).toBe('m3');
    expect(ZseUnitsOfMeasure.codeOf('kWh', 'u')).toBe(0);
    expect(ZclStatuses.nameOf(0xc0)).toBe('hardware-failure');
  });
});
