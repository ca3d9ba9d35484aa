// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { acbKeys, ccs01Header, chfKeys, patternPayload } from '../gbcs-test-fixtures.ts';
import { bytesToHex } from '../hex.ts';
import { computeMac, gbcsIv, MAC_AAD_PREFIX, macKey, verifyMac } from './mac.ts';

describe('GBCS MAC', () => {
  const commandKeys = { localKaPrivate: acbKeys.ka.privateKey as Uint8Array, peerKaPublic: chfKeys.ka.publicKey };
  const deviceKeys = { localKaPrivate: chfKeys.ka.privateKey as Uint8Array, peerKaPublic: acbKeys.ka.publicKey };
  const content = patternPayload(90);

  it('uses IV = originator ‖ 00000000 and AAD prefix 11 00 00 00 00 00', () => {
    expect(bytesToHex(gbcsIv('90B3D51F30000002'))).toBe('90B3D51F3000000200000000');
    expect(bytesToHex(MAC_AAD_PREFIX)).toBe('110000000000');
  });

  it('is the same 12 bytes for sender and receiver, and fails on any change', () => {
    const sent = computeMac(macKey(ccs01Header, commandKeys), ccs01Header.originator, content);
    expect(sent.length).toBe(12);
    expect(verifyMac(macKey(ccs01Header, deviceKeys), ccs01Header.originator, content, sent)).toBe(true);
    const altered = content.slice();
    altered[40] = (altered[40] as number) ^ 0x80;
    expect(verifyMac(macKey(ccs01Header, deviceKeys), ccs01Header.originator, altered, sent)).toBe(false);
    expect(verifyMac(macKey({ ...ccs01Header, counter: ccs01Header.counter + 1n }, deviceKeys), ccs01Header.originator, content, sent)).toBe(false);
    expect(verifyMac(macKey({ ...ccs01Header, cra: 2 }, deviceKeys), ccs01Header.originator, content, sent)).toBe(false);
    expect(verifyMac(macKey(ccs01Header, deviceKeys), ccs01Header.originator, content, sent.subarray(0, 11))).toBe(false);
  });
});
