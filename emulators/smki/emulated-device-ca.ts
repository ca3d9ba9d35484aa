// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The emulated SMKI Device CA: the certification authority that issues the devices' SMKI Device
 * Certificates (device-certificate.ts). The emulated world needs it for the Type 1 devices of
 * the DCC's inventory (a PPMID, an HCALCS): the DCC holds each one's key-agreement certificate
 * and hands it to a GSME in a Method C join. Its key comes from the world's seed as every
 * party's does (keys.ts deriveKeyPair), so a seed reproduces every certificate byte for byte;
 * the certified keys are the devices' own, from the same seed (key-directory.ts).
 *
 * [P] The emulated CA has no certificate of its own and no chain to an SMKI Root: nothing in
 * the emulated world validates a certification path (emulators/use-cases/join-service.ts says
 * why the meters do not).
 */
import { createHash } from 'node:crypto';
import type { EcKey, Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { deriveKeyPair } from '../../harness/protocol/gbcs/keys.ts';
import { normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import { buildDeviceCertificate, smkiKeyIdentifier, type CertificateIssuer, type DeviceCertificateSubject } from './device-certificate.ts';

/**
 * [P] The emulated Device CA's name, the issuer CommonName of what it issues (the RTDS device
 * certificates name their issuer with four characters, CommonName only: 0001, E357 [I]).
 */
export const EMULATED_DEVICE_CA_NAME = 'DIT1';

/**
 * [P] The id the CA's key is derived under, as a party's keys are under its EUI: an 8-byte value
 * that no device of the premises nor any remote party uses.
 */
const DEVICE_CA_KEY_ID: Eui64 = 'FFFFFFFFFFFF0DCA';

/** [I: RTDS device certificates] serial numbers are 16 bytes. */
const SERIAL_NUMBER_BYTES = 16;

export interface EmulatedDeviceCa extends CertificateIssuer {
  /** Its 65-byte public key: a certificate it issued verifies with it. */
  readonly publicKey: Uint8Array;
  /** Issues the certificate of a device's key, valid from `notBefore` (epoch ms). */
  issue(subject: DeviceCertificateSubject, notBefore: number): Uint8Array;
}

/**
 * [P] A serial number unique per CA, device and key usage: 16 bytes of SHA-256 over them, the top
 * bits set to 01 so it stays positive and 16 bytes long in DER.
 */
function serialNumberOf(seed: string, subject: DeviceCertificateSubject): Uint8Array {
  const digest = createHash('sha256').update(`dit/smki-serial\u0000${seed}\u0000${EMULATED_DEVICE_CA_NAME}\u0000${normalizeEui(subject.eui)}\u0000${subject.keyUsage}`).digest();
  const serial = Uint8Array.from(digest.subarray(0, SERIAL_NUMBER_BYTES));
  serial[0] = ((serial[0] as number) & 0x3f) | 0x40;
  return serial;
}

/** The Device CA of the world with this seed. */
export function emulatedDeviceCa(seed: string): EmulatedDeviceCa {
  const keyPair: Required<EcKey> = deriveKeyPair(seed, DEVICE_CA_KEY_ID, 'ds');
  const issuer: CertificateIssuer = { name: EMULATED_DEVICE_CA_NAME, privateKey: keyPair.privateKey, keyIdentifier: smkiKeyIdentifier(keyPair.publicKey) };
  return {
    ...issuer,
    publicKey: keyPair.publicKey,
    issue: (subject, notBefore) => buildDeviceCertificate(subject, issuer, { serialNumber: serialNumberOf(seed, subject), notBefore }),
  };
}
