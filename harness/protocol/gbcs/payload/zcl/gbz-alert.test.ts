// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { expectEveryPrefixRejected } from '../testing/decode-assertions.ts';
import { decodeGbzAlert, encodeGbzAlert } from './gbz-alert.ts';
import { zclUtcToDate } from './zcl-utc-time.ts';

describe('GBZ alert head', () => {
  it('reads alert code and time stamp (RTDS GCA 0x8F30)', () => {
    const a = decodeGbzAlert(spacedHexToBytes('0109008F301C374A80'));
    expect(a).toEqual({ componentCount: 0, alertCode: 0x8f30, timeStamp: 0x1c374a80, body: new Uint8Array(0) });
    expect(zclUtcToDate(a.timeStamp).toISOString()).toBe('2015-01-01T00:00:00.000Z');
    expect(bytesToHex(encodeGbzAlert(a))).toBe('0109008F301C374A80');
  });

  it('keeps the alert-specific body', () => {
    const hex = '01090181A01C374A800005';
    expect(bytesToHex(decodeGbzAlert(spacedHexToBytes(hex)).body)).toBe('0005');
    expect(bytesToHex(encodeGbzAlert(decodeGbzAlert(spacedHexToBytes(hex))))).toBe(hex);
    expectEveryPrefixRejected(spacedHexToBytes('0109008F301C374A80'), decodeGbzAlert);
  });
});
