// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { GbcsDecodeError, GbcsEncodeError } from './errors.ts';
import { acbKeys, ccs01Header, chfKeys, ecs17bResponseHeader, esmeKeys, patternPayload, supplierKeys } from './gbcs-test-fixtures.ts';
import { bytesToHex } from './hex.ts';
import { openFrame, payloadCipherFor, sealFrame } from './secure-frame.ts';

const acbToChf = { localKaPrivate: acbKeys.ka.privateKey as Uint8Array, peerKaPublic: chfKeys.ka.publicKey };
const chfFromAcb = { localKaPrivate: chfKeys.ka.privateKey as Uint8Array, peerKaPublic: acbKeys.ka.publicKey };
const sign = { dsPrivateKey: supplierKeys.ds.privateKey as Uint8Array };
const payload = patternPayload(77);

describe('sealFrame → openFrame', () => {
  it('round-trips a signed, MACed command and reports both valid', () => {
    const bytes = sealFrame(ccs01Header, payload, { sign, mac: acbToChf });
    expect(bytes[0]).toBe(0xdd);
    const opened = openFrame(bytes, { mac: chfFromAcb, signerDsPublic: supplierKeys.ds.publicKey });
    expect(opened.mac).toBe('valid');
    expect(opened.signature).toBe('valid');
    expect(opened.frame.supplementary).toEqual(ccs01Header.supplementary);
    expect(bytesToHex(opened.frame.payload)).toBe(bytesToHex(payload));
    // the sender's own keys check it too
    expect(openFrame(bytes, { mac: acbToChf }).mac).toBe('valid');
  });

  it('builds MAC-only, signed-only, plain and pre-command frames', () => {
    const macOnly = openFrame(sealFrame(ccs01Header, payload, { mac: acbToChf }), { mac: chfFromAcb });
    expect([macOnly.mac, macOnly.signature, macOnly.frame.macProtected]).toEqual(['valid', 'absent', true]);
    const signedOnly = openFrame(sealFrame(ecs17bResponseHeader, payload, { sign: { dsPrivateKey: esmeKeys.ds.privateKey as Uint8Array } }), { signerDsPublic: esmeKeys.ds.publicKey });
    expect([signedOnly.mac, signedOnly.signature, signedOnly.frame.macProtected]).toEqual(['absent', 'valid', false]);
    const plain = sealFrame(ecs17bResponseHeader, payload);
    expect(bytesToHex(plain.subarray(plain.length - 1))).toBe('00');
    expect(openFrame(plain).signature).toBe('absent');
    const pre = openFrame(sealFrame(ccs01Header, payload, { preCommand: true }));
    expect(pre.frame.preCommand).toBe(true);
    expect(() => sealFrame(ccs01Header, payload, { preCommand: true, sign })).toThrow(GbcsEncodeError);
  });

  it('signs deterministically: the same inputs give identical bytes', () => {
    const first = sealFrame(ccs01Header, payload, { sign, mac: acbToChf });
    const second = sealFrame(ccs01Header, payload, { sign, mac: acbToChf });
    expect(bytesToHex(second)).toBe(bytesToHex(first));
    expect(bytesToHex(sealFrame({ ...ccs01Header, counter: 1303n }, payload, { sign, mac: acbToChf }))).not.toBe(bytesToHex(first));
  });

  it('reports wrong keys and altered bytes as invalid or uncheckable, never throws for them', () => {
    const bytes = sealFrame(ccs01Header, payload, { sign, mac: acbToChf });
    expect(openFrame(bytes)).toMatchObject({ mac: 'uncheckable', signature: 'uncheckable' });
    const wrongKeys = { localKaPrivate: esmeKeys.ka.privateKey as Uint8Array, peerKaPublic: acbKeys.ka.publicKey };
    expect(openFrame(bytes, { mac: wrongKeys, signerDsPublic: esmeKeys.ds.publicKey })).toMatchObject({ mac: 'invalid', signature: 'invalid' });
    for (const at of [20, 60, bytes.length - 70, bytes.length - 13, bytes.length - 1]) {
      const altered = bytes.slice();
      altered[at] = (altered[at] as number) ^ 0x01;
      const opened = openFrame(altered, { mac: chfFromAcb, signerDsPublic: supplierKeys.ds.publicKey });
      expect(opened.mac, `byte ${at}`).toBe('invalid');
    }
    expect(() => openFrame(bytes.subarray(0, 40), { mac: chfFromAcb })).toThrow(GbcsDecodeError);
  });
});

describe('payloadCipherFor', () => {
  it('lets the device seal and the supplier open protected content of a response', () => {
    const deviceSide = payloadCipherFor(ecs17bResponseHeader, { localKaPrivate: esmeKeys.ka.privateKey as Uint8Array, peerKaPublic: supplierKeys.ka.publicKey });
    const supplierSide = payloadCipherFor(ecs17bResponseHeader, { localKaPrivate: supplierKeys.ka.privateKey as Uint8Array, peerKaPublic: esmeKeys.ka.publicKey });
    const content = Uint8Array.of(0x02, 0x01, 0x06, 0x00, 0x00, 0x00, 0x0a);
    expect(bytesToHex(supplierSide.open(deviceSide.seal(content)))).toBe(bytesToHex(content));
  });
});
