// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test material for the GBCS codec and crypto tests (imported by *.test.ts only): the GBCS
 * §18.4 cryptographic test vectors, a throwaway self-signed P-256 certificate and key, and a
 * builder for RTDS-shaped frames made with seed-derived keys. Never used outside tests.
 */
import type { GbcsHeader } from './frame-types.ts';
import { hexToBytes } from './hex.ts';
import { deriveParty } from './keys.ts';
import { sealFrame } from './secure-frame.ts';

/**
 * GBCS §18.4 Cryptographic Test Vectors (as published in the public-domain HenryGiraldo/gbcs
 * python/gbcs-tests.py; also ../shared/gbcs-18.4-test-vectors.json).
 */
export const GBCS_18_4 = {
  supplierA: {
    eui: '123456789ABCDEF0',
    dsPrivateKey: '3A6B2EAA0D9F25A9E455983FEB5BB947528121911BF3B76BE5661C89DBF24B26',
    dsPublicKey: '76628E1C84EF7935548AE5D62C7BB3AD28964CF794F0387A697EEC19CDD98F460A4D5E19087EF7216ED89C29831A6EE838C8DE88EF34F11D3F41F36D80B2A5D5',
  },
  acb: { kaPrivateKey: 'E4A6CFB431471CFCAE491FD566D19C87082CF9FA7722D7FA24B2B3F5669DBEFB' },
  deviceA: {
    eui: 'FFFFFFFFFFFFFFFE',
    kaPublicKey: '2DB45A3F21889438B42C8F464C75292BACF5FDDB5DA0B492501B299CBFE92D8FDB90FC8FF4026129838B1BCAD1402CAE47FE7D8084E409A41AFCE16D63579C5F',
  },
  /** ECS04b Reset Meter Balance, critical command supplierA → deviceA, signed and MACed. */
  ecs04bCommand:
    'DD00000000000081A91100000000DF0901000000000000000108123456789ABCDEF008FFFFFFFFFFFFFFFE000200B335D92000000100030300700000130A00FF020300700000130A01FF020300700000130A02FF02030500000000050000000005000000004059045AB0F554622B0360340B9D87B5A23ED5723B41DE3F206E58CDD10F915B9FE2E12E2DA3632478A8DF678E418895869AC1E55318CCE04D120D2D6B44DC167B5D832D15B57A56D620F198B3',
  nistGcmExample6: {
    key: 'FEFFE9928665731C6D6A8F9467308308',
    iv: 'CAFEBABEFACEDBADDECAF888',
    aad: '3AD77BB40D7A3660A89ECAF32466EF97F5D3D585',
    plaintext: 'D9313225F88406E5A55909C5AFF5269A86A7A9531534F7DA2E4C303D8A318A721C3C0C95956809532FCF0E2449A6B525B16AEDF5AA0DE657BA637B39',
    ciphertext: '42831EC2217774244B7221B784D0D49CE3AA212F2C02A4E035C17E2329ACA12E21D514B25466931C7D8F6A5AAC84AA051BA30B396A0AAC973D58E091',
    tag: 'F07C2528EEA2FCA1211F905E',
  },
} as const;

/** A self-signed P-256 certificate made for these tests (CN=dit-test-ka) and its key. */
export const TEST_CERTIFICATE_PEM = `-----BEGIN CERTIFICATE-----
MIIBgzCCASmgAwIBAgIUaukhSvBrFxTtWl9d4uBsywazSdMwCgYIKoZIzj0EAwIw
FjEUMBIGA1UEAwwLZGl0LXRlc3Qta2EwIBcNMjYxMTI0MDUxNjI0WhgPMjEyNjEw
MzEwNTE2MjRaMBYxFDASBgNVBAMMC2RpdC10ZXN0LWthMFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAEOOZZNMf4AYBCXphbSFeiyHI0ABAg4o8pS09BbHmT3HmhqZ0Z
5jhS5UxqAZcxYAAes8ye9sJE+u4oxbdUV2dQJKNTMFEwHQYDVR0OBBYEFFrrGIFo
tUWQjP/0+0Z9bHrIzxcHMB8GA1UdIwQYMBaAFFrrGIFotUWQjP/0+0Z9bHrIzxcH
MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAKshfBVRr6M4ieHI
uOlxpmzxTDX0L4NfLoaXhsw5gK8XAiBrjat0K94252VllAVVwBgT8WFM59cGMuia
CuCQN7F33Q==
-----END CERTIFICATE-----
`;
export const TEST_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg1ztM+9EG/5bvr3YE
BMu3ozEwWLdh2fsQpYyQhBJZyTGhRANCAAQ45lk0x/gBgEJemFtIV6LIcjQAECDi
jylLT0FseZPceaGpnRnmOFLlTGoBlzFgAB6zzJ72wkT67ijFt1RXZ1Ak
-----END PRIVATE KEY-----
`;
export const TEST_PRIVATE_SCALAR_HEX = 'D73B4CFBD106FF96EFAF760404CBB7A3313058B761D9FB10A58C90841259C931';
export const TEST_PUBLIC_POINT_HEX =
  '0438E65934C7F80180425E985B4857A2C87234001020E28F294B4F416C7993DC79A1A99D19E63852E54C6A01973160001EB3CC9EF6C244FAEE28C5B75457675024';

/** Identities of the RTDS reference data (DOMAIN.md). */
export const SUPPLIER = '90B3D51F30010000';
export const ACB = '90B3D51F30000002';
export const ESME = '00DB1234567890A0';
export const CHF = '00DB1234567890A2';

export const SEED = 'gbcs-unit-tests';
export const supplierKeys = deriveParty(SEED, SUPPLIER);
export const acbKeys = deriveParty(SEED, ACB);
export const esmeKeys = deriveParty(SEED, ESME);
export const chfKeys = deriveParty(SEED, CHF);

/** A header shaped like RTDS CCS01 (ACB → CHF on behalf of the supplier, supplementary remote party). */
export const ccs01Header: GbcsHeader = {
  cra: 1,
  counter: 1302n,
  originator: ACB,
  recipient: CHF,
  dateTime: null,
  messageCode: 0x0001,
  supplementary: { remotePartyId: SUPPLIER, remotePartyCounter: 1002n },
};

/** A response header with a 12-byte date-time, like RTDS ECS17b responses. */
export const ecs17bResponseHeader: GbcsHeader = {
  cra: 2,
  counter: 1000n,
  originator: ESME,
  recipient: SUPPLIER,
  dateTime: hexToBytes('07DF0101FF000000008000FF'),
  messageCode: 0x0027,
  supplementary: null,
};

/** A payload of `length` bytes whose content is a simple function of the index. */
export function patternPayload(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 7 + 0xd9) & 0xff);
}

/**
 * Frames of every shape the codec supports, built with seed-derived keys: MAC + signature,
 * MAC only, unwrapped signed, pre-command, long payload (0x82 lengths), date-time, every
 * other-information form.
 */
export function sampleFrames() {
  const commandMac = { localKaPrivate: acbKeys.ka.privateKey as Uint8Array, peerKaPublic: chfKeys.ka.publicKey };
  const sign = { dsPrivateKey: supplierKeys.ds.privateKey as Uint8Array };
  return {
    macAndSignature: sealFrame(ccs01Header, patternPayload(300), { sign, mac: commandMac }),
    macOnly: sealFrame(ccs01Header, patternPayload(77), { mac: commandMac }),
    signedUnwrapped: sealFrame(ecs17bResponseHeader, patternPayload(150), { sign: { dsPrivateKey: esmeKeys.ds.privateKey as Uint8Array } }),
    preCommand: sealFrame({ ...ccs01Header, originator: SUPPLIER, supplementary: null }, patternPayload(40), { preCommand: true }),
    remotePartyIdOnly: sealFrame({ ...ecs17bResponseHeader, cra: 3, messageCode: 0x0123, supplementary: null, supplementaryRemotePartyIdOnly: SUPPLIER }, patternPayload(20), {}),
    originatorCounterForm: sealFrame({ ...ecs17bResponseHeader, supplementary: { remotePartyId: SUPPLIER, remotePartyCounter: 1004n, originatorCounter: 2002n } }, patternPayload(30), {}),
    certificateForm: sealFrame({ ...ccs01Header, supplementary: { remotePartyId: SUPPLIER, remotePartyCounter: 1004n, remotePartyCertificate: patternPayload(406) } }, patternPayload(10), { mac: commandMac }),
  };
}

/** The error `action` throws, which must be a `type` (anything else, or nothing, fails the test). */
export function thrownBy<E extends Error>(action: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    action();
  } catch (error) {
    if (error instanceof type) return error;
    throw new Error(`expected a ${type.name}, got ${String(error)}`);
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}
