// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * An SMKI Device Certificate: the DER X.509 v3 certificate that binds a device's P-256 public
 * key (its digital-signature or its key-agreement key) to its Entity Identifier (EUI-64), issued
 * and signed by a Device CA. The emulated DCC hands a Type 1 device's key-agreement certificate
 * to a GSME in a Method C join (CS03C), and the meter takes the device's key from it.
 *
 * Profile [V: GBCS §12 certificate requirements — keyUsage critical with exactly one of
 * digitalSignature or keyAgreement, an empty subject, notAfter 99991231235959Z as
 * GeneralizedTime, a critical SubjectAltName with one otherName HardwareModuleName (RFC 4108)
 * whose hwSerialNum is the device's Entity Identifier, 8-byte key identifiers by RFC 5280
 * §4.2.1.2 method 2, a non-critical authorityKeyIdentifier [0] keyIdentifier, a
 * certificatePolicies extension marked critical with one policy, P-256 keys uncompressed,
 * ECDSA with SHA-256], field by field in the order of the certificate in RTDS
 * CS03CCritical_8.7.1_SUCCESS_COMMAND and of the RTDS keystore's device certificates [I]:
 *
 *   Certificate SEQUENCE {
 *     tbsCertificate SEQUENCE {
 *       [0] { INTEGER 2 }                                     v3
 *       INTEGER serialNumber                                  RTDS: 16 bytes, positive
 *       SEQUENCE { OID ecdsa-with-SHA256 }
 *       issuer  SEQUENCE { SET { SEQUENCE { OID commonName, PrintableString the Device CA } } }
 *       validity SEQUENCE { UTCTime notBefore, GeneralizedTime 99991231235959Z }
 *       subject SEQUENCE {}                                   empty
 *       SEQUENCE { SEQUENCE { OID id-ecPublicKey, OID prime256v1 }, BIT STRING 04 ‖ X ‖ Y }
 *       [3] { SEQUENCE {
 *         keyUsage (critical)              BIT STRING keyAgreement | digitalSignature
 *         subjectKeyIdentifier             OCTET STRING (8)
 *         subjectAltName (critical)        [0] otherName { OID id-on-hardwareModuleName,
 *                                            [0] { SEQUENCE { OID hwType, OCTET STRING EUI } } }
 *         certificatePolicies (critical)   SEQUENCE { SEQUENCE { OID the device policy } }
 *         authorityKeyIdentifier           SEQUENCE { [0] the Device CA's key identifier }
 *       } }
 *     }
 *     SEQUENCE { OID ecdsa-with-SHA256 }
 *     BIT STRING ECDSA-Sig-Value SEQUENCE { INTEGER r, INTEGER s }
 *   }
 *
 * RTDS has the certificatePolicies extension critical in its keystore's device certificates and
 * non-critical in the certificate inside the CS03CCritical command [I]; this follows GBCS and
 * the keystore. The signature is deterministic (RFC 6979, signature.ts), so a seed reproduces
 * every certificate byte for byte.
 */
import { createHash } from 'node:crypto';
import { euiToBytes } from '../../harness/protocol/gbcs/eui.ts';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { signGbcs } from '../../harness/protocol/gbcs/crypto/signature.ts';
import { checkPublicKey } from '../../harness/protocol/gbcs/keys.ts';
import {
  derBitString,
  derBoolean,
  derContextConstructed,
  derContextPrimitive,
  derGeneralizedTime,
  derObjectIdentifier,
  derOctetString,
  derPrintableString,
  derSequence,
  derSet,
  derSmallInteger,
  derUnsignedInteger,
  derUtcTime,
} from '../../harness/protocol/gbcs/payload/der-fields.ts';

/** Object identifiers of the profile. */
export const SMKI_OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  commonName: '2.5.4.3',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  subjectAltName: '2.5.29.17',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  /** id-on-hardwareModuleName (RFC 4108). */
  hardwareModuleName: '1.3.6.1.5.5.7.8.4',
  /** [I: RTDS CS03CCritical_8.7.1 command and keystore device certificates] the HardwareModuleName hwType of GB smart metering devices. */
  deviceHardwareType: '1.2.826.0.1.8641679.1.2.2.1',
  /**
   * [I: RTDS CS03CCritical_8.7.1 command's certificate] the device certificate policy. GBCS names
   * "the OID applicable to the environment" the certificate is issued in; the RTDS keystore's
   * device certificates carry 1.2.826.0.1.1800000.1.2.1.4 [P: which environment is which].
   */
  deviceCertificatePolicy: '1.2.826.0.1.8641679.1.2.1.4',
} as const;

/** What the certified key may do: a device has one certificate for each [V: GBCS §12]. */
export type DeviceKeyUsage = 'digitalSignature' | 'keyAgreement';

/** keyUsage BIT STRING: digitalSignature is bit 0, keyAgreement bit 4 (RFC 5280 §4.2.1.3), trailing zero bits unused. */
const KEY_USAGE_BITS: Readonly<Record<DeviceKeyUsage, { readonly byte: number; readonly unusedBits: number }>> = {
  digitalSignature: { byte: 0x80, unusedBits: 7 },
  keyAgreement: { byte: 0x08, unusedBits: 3 },
};

/** GBCS §12: device certificates do not expire. */
const NOT_AFTER = '9999-12-31T23:59:59Z';
/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
const FIRST_GENERALIZED_YEAR = 2050;

/** The device whose key is certified. */
export interface DeviceCertificateSubject {
  readonly eui: Eui64;
  /** 65-byte uncompressed P-256 point. */
  readonly publicKey: Uint8Array;
  readonly keyUsage: DeviceKeyUsage;
}

/** The CA that issues and signs the certificate. */
export interface CertificateIssuer {
  /** Its CommonName, the certificate's issuer. */
  readonly name: string;
  /** Its 32-byte P-256 signing key. */
  readonly privateKey: Uint8Array;
  /** Its 8-byte key identifier, the certificate's authorityKeyIdentifier. */
  readonly keyIdentifier: Uint8Array;
}

export interface DeviceCertificateOptions {
  /** Positive, 1 to 20 bytes (RFC 5280 §4.1.2.2), unique per issuer. */
  readonly serialNumber: Uint8Array;
  /** Start of validity, epoch ms (whole seconds are kept). */
  readonly notBefore: number;
}

/** RFC 5280 §4.2.1.2 method 2: 0100 then the low 60 bits of SHA-1 of the public key's BIT STRING value (8 bytes). */
export function smkiKeyIdentifier(publicKey: Uint8Array): Uint8Array {
  checkPublicKey(publicKey, 'key identifier');
  const id = Uint8Array.from(createHash('sha1').update(publicKey).digest().subarray(12));
  id[0] = ((id[0] as number) & 0x0f) | 0x40;
  return id;
}

function extension(oid: string, critical: boolean, value: Uint8Array, field: string): Uint8Array {
  return derSequence([derObjectIdentifier(oid, `${field}.extnID`), ...(critical ? [derBoolean(true)] : []), derOctetString(value, `${field}.extnValue`)], field);
}

function isoSecond(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The ECDSA-Sig-Value of a 64-byte r ‖ s signature. */
function ecdsaSigValue(rs: Uint8Array): Uint8Array {
  return derSequence([derUnsignedInteger(rs.subarray(0, 32), 'signature.r'), derUnsignedInteger(rs.subarray(32), 'signature.s')], 'signature');
}

/** The DER certificate (see the file header). */
export function buildDeviceCertificate(subject: DeviceCertificateSubject, issuer: CertificateIssuer, options: DeviceCertificateOptions): Uint8Array {
  checkPublicKey(subject.publicKey, 'device certificate');
  const serial = options.serialNumber;
  if (serial.length === 0 || serial.length > 20 || serial.every((b) => b === 0)) {
    throw new RangeError(`a certificate serial number is 1 to 20 bytes and not zero, got ${serial.length} bytes`);
  }
  if (issuer.keyIdentifier.length !== 8) throw new RangeError(`an SMKI key identifier is 8 bytes, got ${issuer.keyIdentifier.length}`);
  if (!Number.isFinite(options.notBefore)) throw new RangeError(`notBefore must be epoch milliseconds, got ${options.notBefore}`);
  const algorithm = derSequence([derObjectIdentifier(SMKI_OID.ecdsaWithSha256, 'signature.algorithm')], 'signature');
  const notBefore = isoSecond(options.notBefore);
  const usage = KEY_USAGE_BITS[subject.keyUsage];
  const hardwareModuleName = derSequence([derObjectIdentifier(SMKI_OID.deviceHardwareType, 'hwType'), derOctetString(euiToBytes(subject.eui), 'hwSerialNum')], 'HardwareModuleName');
  const otherName = derContextConstructed(0, [derObjectIdentifier(SMKI_OID.hardwareModuleName, 'otherName.type-id'), derContextConstructed(0, [hardwareModuleName], 'otherName.value')], 'otherName');
  const extensions = [
    extension(SMKI_OID.keyUsage, true, derBitString(Uint8Array.of(usage.byte), 'keyUsage', usage.unusedBits), 'keyUsage'),
    extension(SMKI_OID.subjectKeyIdentifier, false, derOctetString(smkiKeyIdentifier(subject.publicKey), 'subjectKeyIdentifier'), 'subjectKeyIdentifier'),
    extension(SMKI_OID.subjectAltName, true, derSequence([otherName], 'GeneralNames'), 'subjectAltName'),
    extension(SMKI_OID.certificatePolicies, true, derSequence([derSequence([derObjectIdentifier(SMKI_OID.deviceCertificatePolicy, 'policyIdentifier')], 'PolicyInformation')], 'certificatePolicies'), 'certificatePolicies'),
    extension(SMKI_OID.authorityKeyIdentifier, false, derSequence([derContextPrimitive(0, issuer.keyIdentifier, 'keyIdentifier')], 'authorityKeyIdentifier'), 'authorityKeyIdentifier'),
  ];
  const tbs = derSequence(
    [
      derContextConstructed(0, [derSmallInteger(2, 'version')], 'version'),
      derUnsignedInteger(serial, 'serialNumber'),
      algorithm,
      derSequence([derSet([derSequence([derObjectIdentifier(SMKI_OID.commonName, 'issuer.type'), derPrintableString(issuer.name, 'issuer.commonName')], 'issuer.attribute')], 'issuer.rdn')], 'issuer'),
      derSequence(
        [
          Number(notBefore.slice(0, 4)) < FIRST_GENERALIZED_YEAR ? derUtcTime(notBefore, 'validity.notBefore') : derGeneralizedTime(notBefore, 'validity.notBefore'),
          derGeneralizedTime(NOT_AFTER, 'validity.notAfter'),
        ],
        'validity',
      ),
      derSequence([], 'subject'),
      derSequence(
        [
          derSequence([derObjectIdentifier(SMKI_OID.ecPublicKey, 'algorithm'), derObjectIdentifier(SMKI_OID.prime256v1, 'namedCurve')], 'subjectPublicKeyInfo.algorithm'),
          derBitString(subject.publicKey, 'subjectPublicKey'),
        ],
        'subjectPublicKeyInfo',
      ),
      derContextConstructed(3, [derSequence(extensions, 'extensions')], 'extensions'),
    ],
    'tbsCertificate',
  );
  const signature = ecdsaSigValue(signGbcs(tbs, issuer.privateKey));
  return derSequence([tbs, algorithm, derBitString(signature, 'signatureValue')], 'Certificate');
}
