// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The XML signature (XML-DSig) of a DUIS request, in the shape DCC Boxed uses [V: the public
 * DCC Boxed signing tool, SmartDCCInnovation/dccboxed-signing-tool, its Sign.java and its signed
 * ECS17b sample; read, not copied]:
 *
 * - an enveloped `ds:Signature`, appended as the LAST child of the `sr:Request` root;
 * - SignedInfo: CanonicalizationMethod exclusive C14N (`http://www.w3.org/2001/10/xml-exc-c14n#`),
 *   SignatureMethod `http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256`;
 * - one Reference `URI=""` (the whole document) with the single transform
 *   `http://www.w3.org/2000/09/xmldsig#enveloped-signature` and a SHA-256 digest. As in DCC
 *   Boxed, the reference declares no canonicalisation transform of its own, so XML-DSig's
 *   implicit one applies to the digest (Canonical XML 1.0): that is what a DCC Boxed / Java
 *   validator computes, so it is what we compute;
 * - SignatureValue: ECDSA P-256 over the canonical SignedInfo, r ‖ s (64 bytes, XML-DSig's
 *   form, not DER), base64;
 * - KeyInfo: `X509Data/X509IssuerSerial` as DCC Boxed writes it. The emulated world has no SMKI
 *   certificates, so the issuer and serial are a key reference (default: issuer
 *   `CN=dit emulated SMKI`, serial = the first 16 bytes of SHA-256(public key) as a decimal
 *   integer); a lab user passes its certificate's own issuer and serial. The verifier here
 *   takes the public key from its caller (the DCC resolves it from the RequestID's originator)
 *   and does not trust KeyInfo.
 *
 * Canonicalisation, the enveloped transform and digesting are xml-crypto's (6.x). The
 * ecdsa-sha256 algorithm plugged into xml-crypto signs with @noble/curves' P-256 — RFC 6979
 * deterministic, so the same request and key give the same bytes (the DUIS trace hash of a
 * seeded run stays stable) — and verifies with node:crypto (native, as GBCS signatures are
 * verified: crypto/signature.ts). Verification accepts high-S signatures (other signers, e.g.
 * Java, do not normalise S; OpenSSL does not require low S).
 *
 * Strict verification: exactly one ds:Signature, the last child element of the root, SignedInfo
 * with exactly these algorithms and one whole-document reference, the digest matching and the
 * signature verifying with the given key. Keys are never logged or put into reasons.
 */
import { createHash, verify } from 'node:crypto';
import { createRequire } from 'node:module';
import { p256 } from '@noble/curves/nist.js';
import { publicKeyObject } from '../gbcs/keys.ts';

/*
 * xml-crypto and @xmldom/xmldom are loaded through `require` with the narrow types below: their
 * own declaration files pull TypeScript's DOM library into the whole project (`reference lib`),
 * which changes fetch's types everywhere. These are the members this file uses.
 */
interface XmlNode {
  readonly nodeType: number;
  readonly parentNode: XmlNode | null;
  readonly firstChild: XmlNode | null;
  readonly nextSibling: XmlNode | null;
}
interface XmlElement extends XmlNode {
  readonly namespaceURI: string | null;
  readonly localName: string | null;
  getAttribute(name: string): string | null;
}
interface XmlDocument extends XmlNode {
  readonly documentElement: XmlElement | null;
  getElementsByTagNameNS(ns: string, localName: string): ArrayLike<XmlElement>;
}
interface XmlDomModule {
  DOMParser: new (options: {
    locator?: object;
    errorHandler?: { warning?: (m: string) => void; error?: (m: string) => void; fatalError?: (m: string) => void };
  }) => { parseFromString(xml: string, mimeType: string): XmlDocument };
}
interface XmlCryptoSignedXml {
  SignatureAlgorithms: Record<string, new () => unknown>;
  addReference(reference: { xpath: string; uri?: string; isEmptyUri?: boolean; transforms?: string[]; digestAlgorithm?: string }): void;
  computeSignature(xml: string, options: { prefix?: string; location?: { reference?: string; action?: 'append' | 'prepend' | 'before' | 'after' } }): void;
  getSignedXml(): string;
  loadSignature(signature: XmlNode): void;
  checkSignature(xml: string): boolean;
}
interface XmlCryptoModule {
  SignedXml: new (options: {
    privateKey?: Buffer;
    publicCert?: Buffer;
    signatureAlgorithm?: string;
    canonicalizationAlgorithm?: string;
    getKeyInfoContent?: () => string | null;
    getCertFromKeyInfo?: () => string | null;
  }) => XmlCryptoSignedXml;
}

const require = createRequire(import.meta.url);
const { DOMParser } = require('@xmldom/xmldom') as XmlDomModule;
const { SignedXml } = require('xml-crypto') as XmlCryptoModule;

export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const ECDSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';
export const SHA256_DIGEST = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface DuisSigningKey {
  /** 32-byte P-256 private scalar. */
  readonly privateKey: Uint8Array;
  /** 65-byte uncompressed P-256 public key (04 ‖ x ‖ y). */
  readonly publicKey: Uint8Array;
}

/** What KeyInfo names (X509IssuerSerial); default: a reference derived from the public key. */
export interface DuisKeyReference {
  readonly issuerName: string;
  /** Decimal serial number. */
  readonly serialNumber: string;
}

export interface DuisSignatureCheck {
  readonly valid: boolean;
  /** Why it is not valid (never carries key material). */
  readonly reason?: string;
}

const DEFAULT_ISSUER = 'CN=dit emulated SMKI';

/** The default KeyInfo reference of a public key (see the header). */
export function keyReferenceOf(publicKey: Uint8Array): DuisKeyReference {
  const digest = createHash('sha256').update(publicKey).digest().subarray(0, 16);
  return { issuerName: DEFAULT_ISSUER, serialNumber: BigInt(`0x${digest.toString('hex')}`).toString(10) };
}

function toBytes(data: unknown): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  throw new TypeError('unsupported input for the ecdsa-sha256 algorithm');
}

/** xml-crypto's SignatureAlgorithm for ECDSA P-256 / SHA-256 with raw keys (noble, RFC 6979). */
class EcdsaP256Sha256 {
  getAlgorithmName(): string {
    return ECDSA_SHA256;
  }

  getSignature(signedInfo: unknown, privateKey: unknown): string {
    const signature = p256.sign(toBytes(signedInfo), toBytes(privateKey), { prehash: true, lowS: false, format: 'compact' });
    return Buffer.from(signature).toString('base64');
  }

  verifySignature(material: string, key: unknown, signatureValue: string): boolean {
    const signature = Buffer.from(signatureValue.replace(/\s+/g, ''), 'base64');
    if (signature.length !== 64) return false;
    try {
      return verify('sha256', toBytes(material), { key: publicKeyObject(toBytes(key)), dsaEncoding: 'ieee-p1363' }, signature);
    } catch {
      return false;
    }
  }
}

function withEcdsa(signedXml: XmlCryptoSignedXml): XmlCryptoSignedXml {
  signedXml.SignatureAlgorithms[ECDSA_SHA256] = EcdsaP256Sha256;
  return signedXml;
}

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function parseXml(xml: string): XmlDocument {
  const errors: string[] = [];
  const doc = new DOMParser({
    locator: {},
    errorHandler: { warning: () => undefined, error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) },
  }).parseFromString(xml, 'text/xml');
  if (errors.length > 0 || !doc.documentElement) throw new Error(`not well-formed XML: ${errors[0] ?? 'no root element'}`);
  return doc;
}

function elementChildren(node: XmlNode): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as XmlElement);
  return out;
}

function signatureElements(doc: XmlDocument): XmlElement[] {
  return Array.from(doc.getElementsByTagNameNS(DSIG_NS, 'Signature'));
}

/** Signs a DUIS request: the enveloped ds:Signature is appended to the root (see the header). */
export function signDuisRequest(xml: string, key: DuisSigningKey, keyReference: DuisKeyReference = keyReferenceOf(key.publicKey)): string {
  if (key.privateKey.length !== 32) throw new RangeError('the DUIS signing key must be a 32-byte P-256 private key');
  const doc = parseXml(xml);
  if (signatureElements(doc).length > 0) throw new Error('the DUIS request is already signed');
  const keyInfo =
    '<ds:X509Data><ds:X509IssuerSerial>' +
    `<ds:X509IssuerName>${escapeXmlText(keyReference.issuerName)}</ds:X509IssuerName>` +
    `<ds:X509SerialNumber>${escapeXmlText(keyReference.serialNumber)}</ds:X509SerialNumber>` +
    '</ds:X509IssuerSerial></ds:X509Data>';
  const signer = withEcdsa(
    new SignedXml({
      privateKey: Buffer.from(key.privateKey),
      signatureAlgorithm: ECDSA_SHA256,
      canonicalizationAlgorithm: EXC_C14N,
      getKeyInfoContent: () => keyInfo,
    }),
  );
  signer.addReference({ xpath: '/*', uri: '', isEmptyUri: true, transforms: [ENVELOPED_SIGNATURE], digestAlgorithm: SHA256_DIGEST });
  signer.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'append' } });
  return signer.getSignedXml();
}

/** Whether the XML carries a ds:Signature anywhere (false for text that is not XML). */
export function hasDuisSignature(xml: string): boolean {
  // no element named Signature without the word: most unsigned requests never need a parse
  if (!xml.includes('Signature')) return false;
  try {
    return signatureElements(parseXml(xml)).length > 0;
  } catch {
    return false;
  }
}

function childElement(parent: XmlElement, localName: string): XmlElement | undefined {
  return elementChildren(parent).find((e) => e.namespaceURI === DSIG_NS && e.localName === localName);
}

/** Checks the shape strict mode demands (see the header); undefined when it is right. */
function shapeProblem(doc: XmlDocument, signature: XmlElement): string | undefined {
  const root = doc.documentElement;
  if (!root) return 'the request has no root element';
  const rootChildren = elementChildren(root);
  if (signature.parentNode !== root || rootChildren[rootChildren.length - 1] !== signature) {
    return 'the ds:Signature is not the last child element of the request root';
  }
  const signedInfo = childElement(signature, 'SignedInfo');
  if (!signedInfo) return 'the ds:Signature has no SignedInfo';
  const c14n = childElement(signedInfo, 'CanonicalizationMethod')?.getAttribute('Algorithm');
  if (c14n !== EXC_C14N) return `SignedInfo canonicalisation is ${c14n ?? 'missing'}, not exclusive C14N (${EXC_C14N})`;
  const method = childElement(signedInfo, 'SignatureMethod')?.getAttribute('Algorithm');
  if (method !== ECDSA_SHA256) return `the signature method is ${method ?? 'missing'}, not ECDSA-SHA256 (${ECDSA_SHA256})`;
  const references = elementChildren(signedInfo).filter((e) => e.namespaceURI === DSIG_NS && e.localName === 'Reference');
  if (references.length !== 1) return `SignedInfo has ${references.length} references, not one`;
  const reference = references[0]!;
  if (reference.getAttribute('URI') !== '') return `the reference URI is "${reference.getAttribute('URI') ?? ''}", not "" (the whole request)`;
  const transforms = childElement(reference, 'Transforms');
  const algorithms = transforms ? elementChildren(transforms).map((t) => t.getAttribute('Algorithm') ?? '') : [];
  if (!algorithms.includes(ENVELOPED_SIGNATURE)) return 'the reference lacks the enveloped-signature transform';
  const allowed = new Set([ENVELOPED_SIGNATURE, EXC_C14N, 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315']);
  const other = algorithms.find((a) => !allowed.has(a));
  if (other !== undefined) return `the reference has an unexpected transform ${other}`;
  const digest = childElement(reference, 'DigestMethod')?.getAttribute('Algorithm');
  if (digest !== SHA256_DIGEST) return `the digest method is ${digest ?? 'missing'}, not SHA-256 (${SHA256_DIGEST})`;
  return undefined;
}

/** Verifies a signed DUIS request strictly with the signer's public key (65 bytes, uncompressed). */
export function verifyDuisSignature(xml: string, publicKey: Uint8Array): DuisSignatureCheck {
  let doc: XmlDocument;
  try {
    doc = parseXml(xml);
  } catch (e) {
    return { valid: false, reason: (e as Error).message };
  }
  const signatures = signatureElements(doc);
  if (signatures.length === 0) return { valid: false, reason: 'the request carries no XML signature (ds:Signature)' };
  if (signatures.length > 1) return { valid: false, reason: `the request carries ${signatures.length} XML signatures, not one` };
  const signature = signatures[0]!;
  const problem = shapeProblem(doc, signature);
  if (problem) return { valid: false, reason: problem };
  const verifier = withEcdsa(new SignedXml({ publicCert: Buffer.from(publicKey), getCertFromKeyInfo: () => null }));
  try {
    verifier.loadSignature(signature);
    if (verifier.checkSignature(xml)) return { valid: true };
    return { valid: false, reason: 'the digest of the signed request does not match: the request was altered after signing' };
  } catch (e) {
    const message = (e as Error).message;
    if (/invalid signature/i.test(message) && !/digest|reference/i.test(message)) {
      return { valid: false, reason: "the SignatureValue does not verify with the originator's public key" };
    }
    return { valid: false, reason: `the XML signature does not verify: ${message}` };
  }
}
