// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import { ALL_FIXTURES } from './payloads-md-fixtures.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from './rtds-payloads.ts';

describe('PAYLOADS.md fixtures', () => {
  it.skipIf(rtdsAbsent)(`match the RTDS files byte for byte (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    for (const f of ALL_FIXTURES) {
      const rtds = rtdsPayload(f.folder, f.name);
      expect(bytesToHex(f.payload), f.name).toBe(bytesToHex(rtds.payload));
      expect({ ...rtds.header, dateTime: null }, f.name).toEqual(f.header);
    }
  });
});
