// SPDX-License-Identifier: GPL-3.0-or-later
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKeyPair, deriveParty, publicKeyFromCertificate, publicKeyObject } from '../../harness/protocol/gbcs/keys.ts';
import { bytesToHex, hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { decodeDer, type DerNode } from '../../harness/protocol/gbcs/payload/asn1-der.ts';
import { derObjectIdentifier } from '../../harness/protocol/gbcs/payload/der-fields.ts';
import { cs03c } from '../../harness/protocol/gbcs/payload/use-cases/join-service.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../../harness/protocol/gbcs/payload/testing/rtds-payloads.ts';
import { derShape } from '../testing/payload-shape.ts';
import { buildDeviceCertificate, smkiKeyIdentifier, SMKI_OID, type CertificateIssuer, type DeviceCertificateSubject } from './device-certificate.ts';

const PPMID = '00DB123456789098';
const ISSUED = Date.UTC(2019, 3, 12, 9, 0, 0, 250);
const caKeys = deriveKeyPair('device-certificate', 'FFFFFFFFFFFF0DCA', 'ds');
const CA: CertificateIssuer = { name: 'DIT1', privateKey: caKeys.privateKey, keyIdentifier: smkiKeyIdentifier(caKeys.publicKey) };
const SERIAL = hexToBytes('4D3E7B682548C599339AF6C094C07A9C');
const ka = deriveParty('device-certificate', PPMID).ka.publicKey;
const subject: DeviceCertificateSubject = { eui: PPMID, publicKey: ka, keyUsage: 'keyAgreement' };
const build = (s: DeviceCertificateSubject = subject) => buildDeviceCertificate(s, CA, { serialNumber: SERIAL, notBefore: ISSUED });

/** tbsCertificate's elements and its extensions (extnID as DER content hex, critical, extnValue). */
function outline(certificate: Uint8Array) {
  const [cert] = decodeDer(certificate) as [DerNode];
  const tbs = cert.children![0]!;
  const extensions = tbs.children!.at(-1)!.children![0]!.children!.map((e) => ({
    id: bytesToHex(e.children![0]!.content),
    critical: e.children!.length === 3,
    value: e.children!.at(-1)!.content,
  }));
  return { cert, tbs, names: tbs.children!.map((n) => n.name), extensions };
}

const nodeShape = (n: DerNode): unknown => ({ name: n.name, length: n.length, ...(n.children ? { children: n.children.map(nodeShape) } : {}) });
const oid = (dotted: string) => bytesToHex(derObjectIdentifier(dotted, 'oid').subarray(2));

describe('SMKI Device Certificate (emulated)', () => {
  it('node:crypto parses it and verifies its signature with the CA public key, not with another key', () => {
    const x509 = new X509Certificate(Buffer.from(build()));
    expect(x509.verify(publicKeyObject(caKeys.publicKey))).toBe(true);
    expect(x509.verify(publicKeyObject(deriveKeyPair('another CA', 'FFFFFFFFFFFF0DCA', 'ds').publicKey))).toBe(false);
    expect(x509.issuer).toBe('CN=DIT1');
    expect(x509.subject ?? '', 'an empty subject: the device is named in SubjectAltName').toBe('');
    expect(x509.serialNumber).toBe('4D3E7B682548C599339AF6C094C07A9C');
    expect(new Date(x509.validFrom).getTime(), 'notBefore: whole seconds').toBe(Date.UTC(2019, 3, 12, 9));
    expect(x509.validTo).toBe('Dec 31 23:59:59 9999 GMT');
    expect(x509.ca).toBe(false);
  });

  it('certifies the given key (what a meter takes from a Method C join), and is the same bytes for the same inputs', () => {
    expect(publicKeyFromCertificate(build())).toEqual(ka);
    expect(bytesToHex(build())).toBe(bytesToHex(build()));
  });

  it('carries the device EUI as hwSerialNum of a HardwareModuleName, key usage, key identifiers and the device policy', () => {
    const { names, extensions } = outline(build());
    expect(names).toEqual(['[0]', 'INTEGER', 'SEQUENCE', 'SEQUENCE', 'SEQUENCE', 'SEQUENCE', 'SEQUENCE', '[3]']);
    const ext = (dotted: string) => extensions.find((e) => e.id === oid(dotted))!;
    expect(extensions.map((e) => [e.id, e.critical])).toEqual([
      [oid(SMKI_OID.keyUsage), true],
      [oid(SMKI_OID.subjectKeyIdentifier), false],
      [oid(SMKI_OID.subjectAltName), true],
      [oid(SMKI_OID.certificatePolicies), true],
      [oid(SMKI_OID.authorityKeyIdentifier), false],
    ]);
    expect(bytesToHex(ext(SMKI_OID.keyUsage).value), 'BIT STRING keyAgreement (bit 4)').toBe('03020308');
    const [san] = decodeDer(ext(SMKI_OID.subjectAltName).value) as [DerNode];
    const otherName = san.children![0]!;
    expect(bytesToHex(otherName.children![0]!.content)).toBe(oid(SMKI_OID.hardwareModuleName));
    const hardwareModuleName = otherName.children![1]!.children![0]!;
    expect(bytesToHex(hardwareModuleName.children![0]!.content)).toBe(oid(SMKI_OID.deviceHardwareType));
    expect(bytesToHex(hardwareModuleName.children![1]!.content)).toBe(PPMID);
    expect(bytesToHex(ext(SMKI_OID.subjectKeyIdentifier).value)).toBe(`0408${bytesToHex(smkiKeyIdentifier(ka))}`);
    expect(bytesToHex(ext(SMKI_OID.authorityKeyIdentifier).value)).toBe(`300A8008${bytesToHex(CA.keyIdentifier)}`);
    expect(bytesToHex(ext(SMKI_OID.certificatePolicies).value)).toBe(`3011300F060D${oid(SMKI_OID.deviceCertificatePolicy)}`);
  });

  it('a digital-signature certificate has keyUsage digitalSignature (bit 0)', () => {
    const ds = build({ eui: PPMID, publicKey: deriveParty('device-certificate', PPMID).ds.publicKey, keyUsage: 'digitalSignature' });
    expect(bytesToHex(outline(ds).extensions[0]!.value)).toBe('03020780');
    expect(new X509Certificate(Buffer.from(ds)).verify(publicKeyObject(caKeys.publicKey))).toBe(true);
  });

  it('key identifiers are RFC 5280 method 2: 0100 and the low 60 bits of SHA-1 of the key (RTDS PPMID KA key → 4BA1D2CC06A5A739)', () => {
    const rtdsKey = hexToBytes('042EBB4902359AE7BFE73940953C256A7EA88683C4088E9DEADD99017DCA139CFF88F1A1405B16BDE5E4EE6FFEDE97EE02A5BE142B32CC7FB5D38BADADE309212F');
    expect(bytesToHex(smkiKeyIdentifier(rtdsKey))).toBe('4BA1D2CC06A5A739');
  });

  it('notBefore is UTCTime through 2049 and GeneralizedTime after, notAfter always 99991231235959Z', () => {
    const validity = (at: number) => outline(buildDeviceCertificate(subject, CA, { serialNumber: SERIAL, notBefore: at })).tbs.children![4]!.children!.map((n) => [n.name, new TextDecoder().decode(n.content)]);
    expect(validity(ISSUED)).toEqual([['UTCTime', '190412090000Z'], ['GeneralizedTime', '99991231235959Z']]);
    expect(validity(Date.UTC(2050, 0, 1))[0]).toEqual(['GeneralizedTime', '20500101000000Z']);
  });

  it('refuses a key that is not a P-256 point, an empty or zero serial, a key identifier that is not 8 bytes', () => {
    expect(() => build({ ...subject, publicKey: ka.subarray(1) })).toThrow(/65 bytes/);
    expect(() => buildDeviceCertificate(subject, CA, { serialNumber: new Uint8Array(2), notBefore: ISSUED })).toThrow(/serial number/);
    expect(() => buildDeviceCertificate(subject, { ...CA, keyIdentifier: new Uint8Array(20) }, { serialNumber: SERIAL, notBefore: ISSUED })).toThrow(/8 bytes/);
  });

  it.skipIf(rtdsAbsent)(`has the structure of the certificate in RTDS CS03CCritical_8.7.1 (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'}), policies critical as GBCS and the RTDS keystore have them`, () => {
    const command = rtdsPayload('8.7.1_CS03CCritical', 'CS03CCritical_8.7.1_SUCCESS_COMMAND');
    const rtds = outline(cs03c.decodeCommand(command.payload, command).otherDeviceCertificate!);
    const ours = outline(build());
    expect(ours.names).toEqual(rtds.names);
    // version, 16-byte serial, algorithm, a four-character issuer, validity, empty subject, P-256 key: the same tags and lengths
    expect(ours.tbs.children!.slice(0, 7).map(nodeShape)).toEqual(rtds.tbs.children!.slice(0, 7).map(nodeShape));
    expect(ours.extensions.map((e) => e.id)).toEqual(rtds.extensions.map((e) => e.id));
    expect(ours.extensions.map((e) => e.critical)).toEqual(rtds.extensions.map((e, i) => (i === 3 ? true : e.critical)));
    // the same device: the SubjectAltName is the RTDS one byte for byte; the others have the RTDS shapes
    for (const i of [0, 1, 2, 4]) expect(derShape(ours.extensions[i]!.value), ours.extensions[i]!.id).toEqual(derShape(rtds.extensions[i]!.value));
    expect(bytesToHex(ours.extensions[2]!.value)).toBe(bytesToHex(rtds.extensions[2]!.value));
    expect(bytesToHex(ours.extensions[3]!.value), 'the device policy').toBe(bytesToHex(rtds.extensions[3]!.value));
  });
});
