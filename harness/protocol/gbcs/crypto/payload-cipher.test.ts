// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { GbcsCryptoError } from '../errors.ts';
import { decodeFrame } from '../frame.ts';
import type { GbcsFrame } from '../frame-types.ts';
import { ccs01Header, ecs17bResponseHeader, esmeKeys, SUPPLIER, supplierKeys } from '../gbcs-test-fixtures.ts';
import { bytesToHex, hexToBytes } from '../hex.ts';
import { KeyStore } from '../keystore.ts';
import { listRtdsMessages, rtdsAvailable, rtdsKeystoreDir } from '../rtds.ts';
import { GbcsPayloadCipher, INNER_SECURITY_HEADER, payloadKeyParameters } from './payload-cipher.ts';

describe('GbcsPayloadCipher', () => {
  const deviceSide = { localKaPrivate: esmeKeys.ka.privateKey as Uint8Array, peerKaPublic: supplierKeys.ka.publicKey };
  const supplierSide = { localKaPrivate: supplierKeys.ka.privateKey as Uint8Array, peerKaPublic: esmeKeys.ka.publicKey };
  const plaintext = hexToBytes('02010204060000000A02020F00161E060000000A02020F001620');

  it('seals as 31 00 00 00 00 ‖ ciphertext ‖ 12-byte tag and opens on the other side', () => {
    const sealed = GbcsPayloadCipher.forHeader(ecs17bResponseHeader, deviceSide).seal(plaintext);
    expect(bytesToHex(sealed.subarray(0, 5))).toBe(bytesToHex(INNER_SECURITY_HEADER));
    expect(sealed.length).toBe(5 + plaintext.length + 12);
    expect(bytesToHex(GbcsPayloadCipher.forHeader(ecs17bResponseHeader, supplierSide).open(sealed))).toBe(bytesToHex(plaintext));
  });

  it('throws GbcsCryptoError when the key, counter or data differ', () => {
    const sealed = GbcsPayloadCipher.forHeader(ecs17bResponseHeader, deviceSide).seal(plaintext);
    expect(() => GbcsPayloadCipher.forHeader({ ...ecs17bResponseHeader, counter: 1001n }, supplierSide).open(sealed)).toThrow(GbcsCryptoError);
    const altered = sealed.slice();
    altered[10] = (altered[10] as number) ^ 1;
    expect(() => GbcsPayloadCipher.forHeader(ecs17bResponseHeader, supplierSide).open(altered)).toThrow(/tag does not verify/);
    expect(() => GbcsPayloadCipher.forHeader(ecs17bResponseHeader, supplierSide).open(sealed.subarray(0, 16))).toThrow(/at least 17 bytes/);
    const badHeader = sealed.slice();
    badHeader[0] = 0x30;
    expect(() => GbcsPayloadCipher.forHeader(ecs17bResponseHeader, supplierSide).open(badHeader)).toThrow(/31 00 00 00 00/);
  });

  it('keys to the supplementary remote party and the supplementary originator counter when present', () => {
    expect(payloadKeyParameters(ccs01Header)).toEqual({ originator: ccs01Header.originator, recipient: SUPPLIER, counter: 1302n });
    const urp = { ...ecs17bResponseHeader, recipient: '90B3D51F30000002', supplementary: { remotePartyId: SUPPLIER, remotePartyCounter: 1004n, originatorCounter: 2002n } };
    expect(payloadKeyParameters(urp)).toEqual({ originator: urp.originator, recipient: SUPPLIER, counter: 2002n });
    expect(payloadKeyParameters({ ...ecs17bResponseHeader, supplementaryRemotePartyIdOnly: '90B3D51F30010008' }).recipient).toBe('90B3D51F30010008');
  });
});

/** Every `31 00 00 00 00` block in a payload whose length is given by the byte(s) before it. */
function sealedBlocks(payload: Uint8Array): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  for (let i = 2; i + 17 <= payload.length; i++) {
    if (payload[i] !== 0x31 || payload[i + 1] !== 0 || payload[i + 2] !== 0 || payload[i + 3] !== 0 || payload[i + 4] !== 0) continue;
    const oneByte = payload[i - 1] as number;
    const twoBytes = ((payload[i - 2] as number) << 8) | oneByte;
    for (const length of [oneByte, twoBytes]) if (length >= 17 && i + length <= payload.length) blocks.push(payload.subarray(i, i + length));
  }
  return blocks;
}

describe.skipIf(!rtdsAvailable())('inner decryption of RTDS messages (skipped: RTDS folder not found, set DIT_RTDS_DIR)', () => {
  const keys = rtdsAvailable() ? KeyStore.fromDirectory(rtdsKeystoreDir()) : new KeyStore();
  const messages = rtdsAvailable() ? listRtdsMessages() : [];
  const cipherFor = (frame: GbcsFrame): GbcsPayloadCipher => {
    const parties = payloadKeyParameters(frame);
    return GbcsPayloadCipher.forHeader(frame, {
      localKaPrivate: keys.key(parties.recipient, 'ka')?.privateKey as Uint8Array,
      peerKaPublic: keys.key(parties.originator, 'ka')?.publicKey as Uint8Array,
    });
  };
  const frameOf = (file: string): GbcsFrame => decodeFrame(hexToBytes(messages.find((m) => m.file === file)?.hex ?? ''));

  it('opens ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE with the supplier KA key (PAYLOADS.md)', () => {
    const frame = frameOf('ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE_GBCS.HEX');
    const [block] = sealedBlocks(frame.payload);
    expect(bytesToHex(cipherFor(frame).open(block as Uint8Array))).toBe('02010204060000000A02020F00161E060000000A02020F001620');
  });

  it('opens GCS13a_4.1.1_SUCCESS_RELIABLE_GPF_RESPONSE (ciphered ZCL read attributes response)', () => {
    const frame = frameOf('GCS13a_4.1.1_SUCCESS_RELIABLE_GPF_RESPONSE_GBCS.HEX');
    const [block] = sealedBlocks(frame.payload);
    // Divisor 1000 (UINT24), multiplier 1, unit 1 (ENUM8), current summation delivered 12345 (UINT48).
    expect(bytesToHex(cipherFor(frame).open(block as Uint8Array))).toBe('02030022E8030001030022010000000300300100000025393000000000');
  });

  it('opens every protected block RTDS carries (48 messages, incl. supplementary remote party forms)', () => {
    let opened = 0;
    const withSupplementary: string[] = [];
    for (const message of messages) {
      if (message.kind === 'COMMAND' || message.kind === 'PRECOMMAND') continue;
      const frame = decodeFrame(hexToBytes(message.hex));
      const blocks = sealedBlocks(frame.payload);
      if (blocks.length === 0) continue;
      const cipher = cipherFor(frame);
      const ok = blocks.some((block) => {
        try {
          cipher.open(block);
          return true;
        } catch {
          return false;
        }
      });
      expect(ok, message.relPath).toBe(true);
      opened++;
      if (frame.supplementary) withSupplementary.push(message.file);
    }
    expect(opened).toBe(48);
    expect(withSupplementary.length).toBe(4);
  });
});
