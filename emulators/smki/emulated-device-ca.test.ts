// SPDX-License-Identifier: GPL-3.0-or-later
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../harness/protocol/gbcs/hex.ts';
import { deriveParty, publicKeyObject } from '../../harness/protocol/gbcs/keys.ts';
import { smkiKeyIdentifier } from './device-certificate.ts';
import { EMULATED_DEVICE_CA_NAME, emulatedDeviceCa } from './emulated-device-ca.ts';

const PPMID = '00DB123456789098';
const HCALCS = '00DB12345678909A';
const AT = Date.UTC(2019, 3, 12, 9);
const kaOf = (seed: string, eui: string) => ({ eui, publicKey: deriveParty(seed, eui).ka.publicKey, keyUsage: 'keyAgreement' as const });

describe('emulated SMKI Device CA', () => {
  it('is the same CA for the same seed, another for another seed', () => {
    const ca = emulatedDeviceCa('seed-a');
    expect(ca.name).toBe(EMULATED_DEVICE_CA_NAME);
    expect(emulatedDeviceCa('seed-a').publicKey).toEqual(ca.publicKey);
    expect(emulatedDeviceCa('seed-b').publicKey).not.toEqual(ca.publicKey);
    expect(ca.keyIdentifier).toEqual(smkiKeyIdentifier(ca.publicKey));
  });

  it('issues certificates that verify with its public key, byte for byte the same for the same seed, device and time', () => {
    const ca = emulatedDeviceCa('seed-a');
    const certificate = ca.issue(kaOf('seed-a', PPMID), AT);
    expect(new X509Certificate(Buffer.from(certificate)).verify(publicKeyObject(ca.publicKey))).toBe(true);
    expect(bytesToHex(emulatedDeviceCa('seed-a').issue(kaOf('seed-a', PPMID), AT))).toBe(bytesToHex(certificate));
  });

  it('gives each device and key usage its own 16-byte positive serial number', () => {
    const ca = emulatedDeviceCa('seed-a');
    const serial = (subject: Parameters<typeof ca.issue>[0]) => new X509Certificate(Buffer.from(ca.issue(subject, AT))).serialNumber;
    const serials = [serial(kaOf('seed-a', PPMID)), serial(kaOf('seed-a', HCALCS)), serial({ eui: PPMID, publicKey: deriveParty('seed-a', PPMID).ds.publicKey, keyUsage: 'digitalSignature' })];
    expect(new Set(serials).size).toBe(3);
    for (const s of serials) expect(s).toMatch(/^[4-7][0-9A-F]{31}$/);
  });
});
