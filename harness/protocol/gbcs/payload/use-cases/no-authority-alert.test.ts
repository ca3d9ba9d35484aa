// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import { alertCodecFor, alertPayloadKind, decodeTypedMessage } from '../registry.ts';
import { RTDS_SKIP_REASON, rtdsAbsent, rtdsPayload } from '../testing/rtds-payloads.ts';
import { ALERT_SOURCE_NO_AUTHORITY, gcaNoAuthorityDlms, gcaNoAuthorityGbz } from './no-authority-alert.ts';

describe('0x8F30 codecs (GCA)', () => {
  it('are registered under 0x1000; the payload form picks DLMS or GBZ', () => {
    expect(alertCodecFor(0x1000, ALERT_SOURCE_NO_AUTHORITY, 'dlms')).toBe(gcaNoAuthorityDlms);
    expect(alertCodecFor(0x1000, ALERT_SOURCE_NO_AUTHORITY, 'gbz')).toBe(gcaNoAuthorityGbz);
    expect(alertPayloadKind(Uint8Array.of(0x0f, 0x20))).toBe('dlms');
    expect(alertPayloadKind(Uint8Array.of(0x01, 0x09))).toBe('gbz');
  });

  it.skipIf(rtdsAbsent)(`decode and re-encode the RTDS 0x8F30 alerts byte for byte${rtdsAbsent ? ` (skipped: ${RTDS_SKIP_REASON})` : ''}`, () => {
    for (const [folder, codec] of [['NA_GCA-DLMS', gcaNoAuthorityDlms], ['NA_GCA-ZigBee', gcaNoAuthorityGbz]] as const) {
      const m = rtdsPayload(folder, `${folder.slice(3)}_NA_8F30_ALERT`);
      const typed = decodeTypedMessage({ ...m.header, payload: m.payload });
      expect(typed?.useCase).toBe('GCA');
      const again = (codec.encodeAlert as (f: unknown, c: unknown) => Uint8Array)(typed?.fields, { header: m.header });
      expect(bytesToHex(again)).toBe(bytesToHex(m.payload));
    }
  });
});
