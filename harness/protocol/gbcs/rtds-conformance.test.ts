// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { loadKnownExceptions, verifyRtds } from './rtds-conformance.ts';
import { rtdsAvailable } from './rtds.ts';

const available = rtdsAvailable();

describe('RTDS 4.5.0 conformance', () => {
  it('has a documented reason for every known message-code exception', () => {
    for (const exception of loadKnownExceptions()) expect(exception.reason.length).toBeGreaterThan(20);
  });

  it.skipIf(!available)('decodes, round-trips and verifies all 1,275 messages (skipped: RTDS folder not found, set DIT_RTDS_DIR)', () => {
    const report = verifyRtds();
    expect(report.failures).toEqual([]);
    expect(report.total).toBe(1275);
    expect(report.decoded).toBe(1275);
    expect(report.errors).toBe(0);
    expect(report.roundTrip).toEqual({ equal: 1275, different: 0 });
    expect(report.mac.valid).toBeGreaterThanOrEqual(811);
    expect(report.mac.invalid).toBe(0);
    expect(report.mac.absent).toBe(460);
    expect(report.signature).toEqual({ valid: 472, invalid: 0, absent: 803, uncheckable: 0 });
    // Only the HAN-only PPMID ↔ GSME messages (PCS01, PCS02) have no MAC key.
    expect(report.uncheckable.map((u) => `${u.check} ${u.file.split('/')[1]}`).sort()).toEqual(['mac NA_PCS01', 'mac NA_PCS01', 'mac NA_PCS02', 'mac NA_PCS02']);
    expect(report.uncheckable.every((u) => u.reason.includes('HAN-only'))).toBe(true);
    expect(report.exceptions.length).toBe(67);
    expect(report.exceptions.some((e) => e.messageCode === '0x0113' && e.useCase === 'DBCH04')).toBe(true);
  });
});
