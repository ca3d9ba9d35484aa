// SPDX-License-Identifier: GPL-3.0-or-later
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { buildServiceRequest } from './build-request.ts';
import { parseDuisRequest } from './parse.ts';
import { findTemplate } from './templates.ts';
import { DSIG_NS, ECDSA_SHA256, EXC_C14N, hasDuisSignature, keyReferenceOf, signDuisRequest, verifyDuisSignature } from './xml-signature.ts';

const SUPPLIER = '90-B3-D5-1F-30-01-00-00';
const ESME = '00-DB-12-34-56-78-90-A0';

function keyFrom(seedByte: number) {
  const privateKey = new Uint8Array(32).fill(seedByte);
  return { privateKey, publicKey: p256.getPublicKey(privateKey, false) };
}

const key = keyFrom(7);
const other = keyFrom(9);

async function request(counter = 42) {
  return buildServiceRequest({ template: await findTemplate('ECS17b_4.1.1_SINGLE'), originator: SUPPLIER, target: ESME, counter });
}

describe('DUIS XML signature', () => {
  it('signs in the DCC Boxed shape and verifies with the signer key', async () => {
    const { xml } = await request();
    expect(hasDuisSignature(xml)).toBe(false);
    const signed = signDuisRequest(xml, key);
    expect(hasDuisSignature(signed)).toBe(true);
    expect(signed).toMatch(/<\/sr:Body><ds:Signature xmlns:ds="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">/);
    expect(signed).toMatch(/<\/ds:Signature><\/sr:Request>$/);
    expect(signed).toContain(`<ds:CanonicalizationMethod Algorithm="${EXC_C14N}"/>`);
    expect(signed).toContain(`<ds:SignatureMethod Algorithm="${ECDSA_SHA256}"/>`);
    expect(signed).toContain('<ds:Reference URI="">');
    expect(signed).toContain(`<ds:X509SerialNumber>${keyReferenceOf(key.publicKey).serialNumber}</ds:X509SerialNumber>`);
    expect(signed).toContain(DSIG_NS);
    const value = /<ds:SignatureValue>([^<]+)</.exec(signed)?.[1] ?? '';
    expect(Buffer.from(value, 'base64')).toHaveLength(64); // r ‖ s
    expect(verifyDuisSignature(signed, key.publicKey)).toEqual({ valid: true });
    expect(parseDuisRequest(signed).srv).toBe('4.1.1'); // the DUIS parser reads a signed request
  });

  it('is deterministic (RFC 6979): same request and key → same bytes', async () => {
    const { xml } = await request();
    expect(signDuisRequest(xml, key)).toBe(signDuisRequest(xml, key));
  });

  it('rejects a tampered body value, header value, a wrong key and a broken SignatureValue', async () => {
    const signed = signDuisRequest((await request()).xml, key);
    const tamperedBody = signed.replace('<sr:ReadInstantaneousImportRegisters/>', '<sr:ReadInstantaneousPrepayValues/>');
    expect(tamperedBody).not.toBe(signed);
    expect(verifyDuisSignature(tamperedBody, key.publicKey)).toMatchObject({ valid: false, reason: expect.stringMatching(/digest/) });
    const tamperedCounter = signed.replace(`${ESME}:42<`, `${ESME}:43<`);
    expect(tamperedCounter).not.toBe(signed);
    expect(verifyDuisSignature(tamperedCounter, key.publicKey).valid).toBe(false);
    expect(verifyDuisSignature(signed, other.publicKey)).toMatchObject({ valid: false, reason: expect.stringMatching(/SignatureValue/) });
    const broken = signed.replace(/<ds:SignatureValue>(.)/, (_m, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`);
    expect(verifyDuisSignature(broken, key.publicKey).valid).toBe(false);
  });

  it('reports a missing signature, a misplaced one and the wrong algorithm', async () => {
    const { xml } = await request();
    expect(verifyDuisSignature(xml, key.publicKey)).toMatchObject({ valid: false, reason: expect.stringMatching(/no XML signature/) });
    const signed = signDuisRequest(xml, key);
    const sig = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)![0];
    const misplaced = signed.replace(sig, '').replace('<sr:Header>', `${sig}<sr:Header>`);
    expect(verifyDuisSignature(misplaced, key.publicKey)).toMatchObject({ valid: false, reason: expect.stringMatching(/last child/) });
    const rsa = signed.replace(ECDSA_SHA256, 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(verifyDuisSignature(rsa, key.publicKey)).toMatchObject({ valid: false, reason: expect.stringMatching(/not ECDSA-SHA256/) });
    expect(verifyDuisSignature('not xml', key.publicKey).valid).toBe(false);
    expect(hasDuisSignature('not xml')).toBe(false);
    expect(() => signDuisRequest(signed, key)).toThrow(/already signed/);
  });
});
