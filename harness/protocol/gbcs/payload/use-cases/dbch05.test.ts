// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { chfCommand, chfResponse } from '../testing/chf-exchange-headers.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsRoundTrip } from '../testing/rtds-round-trip.ts';
import { dbch05 } from './dbch05.ts';
import { NO_FIELDS } from './use-case-codec.ts';

const COMMAND = chfCommand(0x010e, 1500n);
const RESPONSE = chfResponse(0x010e, 1500n);
/** Access request, invoke id 0x0005DC (1500), set class 1 0-0:94.44.10.1 attribute 2, unsigned 0. */
const COMMAND_HEX = 'D9200005DC000102000100005E2C0A0102011100';

describe('DBCH05 Request CHF Sub GHz Channel Scan', () => {
  it('writes unsigned 0 to 0-0:94.44.10.1 and nothing else', () => {
    expect(bytesToHex(dbch05.encodeCommand(NO_FIELDS, COMMAND))).toBe(COMMAND_HEX);
    expect(dbch05.decodeCommand(spacedHexToBytes(COMMAND_HEX), COMMAND)).toEqual({});
    expect(() => dbch05.decodeCommand(spacedHexToBytes(COMMAND_HEX.replace(/1100$/, '1101')), COMMAND)).toThrow(/scan-request/);
    expect(() => dbch05.decodeCommand(spacedHexToBytes(COMMAND_HEX.replace('0A0102', '0A0002')), COMMAND)).toThrow(/0-0:94\.44\.10\.1/);
  });

  it('encodes and decodes the set result, and rejects truncations', () => {
    expect(bytesToHex(dbch05.encodeResponse({ ok: true }, RESPONSE))).toBe('DA200005DC00000100010200');
    expect(dbch05.decodeResponse(spacedHexToBytes('DA200005DC00000100010201'), RESPONSE)).toEqual({ ok: false, result: 'hardware-fault' });
    expectEveryPrefixRejected(spacedHexToBytes(COMMAND_HEX), (b) => dbch05.decodeCommand(b, COMMAND));
    expectTrailingRejected(spacedHexToBytes(COMMAND_HEX), (b) => dbch05.decodeCommand(b, COMMAND));
    expectEveryPrefixRejected(spacedHexToBytes('DA200005DC00000100010200'), (b) => dbch05.decodeResponse(b, RESPONSE));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    for (const outcome of ['SUCCESS', 'ERROR']) {
      const { command, response } = expectRtdsRoundTrip(dbch05, '6.29_DBCH05', `DBCH05_6.29_${outcome}`);
      expect(command).toEqual({});
      expect(response).toEqual(outcome === 'SUCCESS' ? { ok: true } : { ok: false, result: 'hardware-fault' });
    }
  });
});
