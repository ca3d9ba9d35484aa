// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The whole RTDS 4.5.0 set through the payload codecs: every DLMS payload decodes and re-encodes
 * byte-exact with the generic codecs, every GBZ payload likewise, and every message of a use case
 * with a typed codec decodes to typed fields and re-encodes byte-exact.
 */
import { describe, expect, it } from 'vitest';
import { decodeAccessRequest, encodeAccessRequest } from '../dlms/access-request.ts';
import { decodeAccessResponse, encodeAccessResponse } from '../dlms/access-response.ts';
import { decodeDataNotification, encodeDataNotification } from '../dlms/data-notification.ts';
import { bytesToHex } from '../../hex.ts';
import { decodeTypedMessage, useCaseCodecFor, alertCodecFor, alertCodeOf, alertPayloadKind } from '../registry.ts';
import { decodeGbz, encodeGbz } from '../zcl/gbz.ts';
import { decodeGbzAlert, encodeGbzAlert } from '../zcl/gbz-alert.ts';
import { allRtdsPayloads, rtdsAbsent, RTDS_SKIP_REASON, type RtdsPayload } from './rtds-payloads.ts';
import { rtdsCipherFor } from './rtds-plaintexts.ts';

const roundTrips: ReadonlyArray<[string, (p: Uint8Array) => boolean, (p: Uint8Array) => Uint8Array]> = [
  ['D9', (p) => p[0] === 0xd9, (p) => encodeAccessRequest(decodeAccessRequest(p))],
  ['DA', (p) => p[0] === 0xda, (p) => encodeAccessResponse(decodeAccessResponse(p))],
  ['0F', (p) => p[0] === 0x0f, (p) => encodeDataNotification(decodeDataNotification(p))],
];

describe.skipIf(rtdsAbsent)(`RTDS 4.5.0 through the payload codecs (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
  const all: RtdsPayload[] = rtdsAbsent ? [] : allRtdsPayloads();

  it('round-trips every DLMS payload byte-exact with the generic codecs', () => {
    const failures: string[] = [];
    let n = 0;
    for (const m of all) {
      for (const [, applies, rt] of roundTrips) {
        if (!applies(m.payload)) continue;
        n++;
        try {
          if (bytesToHex(rt(m.payload)) !== bytesToHex(m.payload)) failures.push(`${m.file}: different bytes`);
        } catch (e) {
          failures.push(`${m.file}: ${(e as Error).message}`);
        }
      }
    }
    expect(n).toBe(743);
    expect(failures).toEqual([]);
  });

  it('round-trips every GBZ payload byte-exact', () => {
    const failures: string[] = [];
    let n = 0;
    for (const m of all) {
      if (m.payload[0] !== 0x01 || m.payload[1] !== 0x09) continue;
      n++;
      try {
        const again = m.header.cra === 3 ? encodeGbzAlert(decodeGbzAlert(m.payload)) : encodeGbz(decodeGbz(m.payload));
        if (bytesToHex(again) !== bytesToHex(m.payload)) failures.push(`${m.file}: different bytes`);
      } catch (e) {
        failures.push(`${m.file}: ${(e as Error).message}`);
      }
    }
    expect(n).toBe(354);
    expect(failures).toEqual([]);
  });

  it('decodes every message of the typed use cases and re-encodes it byte-exact', () => {
    const failures: string[] = [];
    const seen = new Map<string, number>();
    for (const m of all) {
      const ctx = { header: m.header, cipher: rtdsCipherFor(m.payload) };
      let typed;
      try {
        typed = decodeTypedMessage({ ...m.header, payload: m.payload }, ctx.cipher);
      } catch (e) {
        failures.push(`${m.file}: ${(e as Error).message}`);
        continue;
      }
      if (!typed) continue;
      seen.set(typed.useCase, (seen.get(typed.useCase) ?? 0) + 1);
      let again: Uint8Array;
      if (typed.direction === 'alert') {
        const codec = alertCodecFor(m.header.messageCode, alertCodeOf(m.payload) as number, alertPayloadKind(m.payload));
        again = codec?.encodeAlert(typed.fields, ctx) as Uint8Array;
      } else {
        const codec = useCaseCodecFor(m.header.messageCode);
        again = (typed.direction === 'command' ? codec?.encodeCommand(typed.fields, ctx) : codec?.encodeResponse(typed.fields, ctx)) as Uint8Array;
      }
      if (bytesToHex(again) !== bytesToHex(m.payload)) failures.push(`${m.file}: different bytes`);
    }
    expect(failures).toEqual([]);
    expect(Object.fromEntries(seen)).toEqual({ ECS17b: 6, GCS13a: 8, ECS52: 4, GCS38: 4, CCS01: 4, CS14: 1, DBCH01: 4, DBCH02: 4, DBCH03: 4, DBCH04: 4, DBCH05: 4, DBCH06: 1, DBCH07: 1, DBCH08: 1, DBCH09: 1, DBCH10: 1, DBCH11: 1, ECS80: 1, CCS02: 4, CS03B: 4, CS04B: 2, CS03A1: 6, CS03C: 7, CS04AC: 10, ECS70: 12, GCS28: 12, GCA: 2, CCS06: 4, CCS04: 4, CCS07: 4, CS07: 4, CCS03: 4, GCS59: 2, ECS01a: 15, GCS01a: 12, FDEIA: 56, CS06: 17, CCS08: 1, FDRA: 2 });
  });
});
