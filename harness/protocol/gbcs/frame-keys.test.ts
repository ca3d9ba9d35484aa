// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { ACCESS_CONTROL_BROKER, chosenKeys, isNoKey, macKeysFor, payloadKeysFor, signerKeyFor, type KeyPairChoice, type NoKey } from './frame-keys.ts';
import type { GbcsHeader, PartyKeys } from './frame-types.ts';
import { deriveParty } from './keys.ts';
import { KeyStore } from './keystore.ts';
import { openFrame, payloadCipherFor, sealFrame } from './secure-frame.ts';

const SEED = 'frame-keys-test';
const SUPPLIER = '90B3D51F30010000';
const ESME = '00DB1234567890A0';
const acb = deriveParty(SEED, ACCESS_CONTROL_BROKER);
const supplier = deriveParty(SEED, SUPPLIER);
const esme = deriveParty(SEED, ESME);

const command: GbcsHeader = { cra: 1, counter: 1000n, originator: SUPPLIER, recipient: ESME, dateTime: null, messageCode: 0x0027, supplementary: null };
const response: GbcsHeader = { ...command, cra: 2, originator: ESME, recipient: SUPPLIER };

/** Remote parties with private keys, devices with certificates only: the RTDS keystore's shape. */
function rtdsShapedStore(...devices: PartyKeys[]): KeyStore {
  const store = KeyStore.fromParties([acb, supplier]);
  for (const d of devices) store.register({ eui: d.eui, ds: { publicKey: d.ds.publicKey }, ka: { publicKey: d.ka.publicKey } });
  return store;
}

function chosen(choice: KeyPairChoice | NoKey): KeyPairChoice {
  if (isNoKey(choice)) throw new Error(`expected keys, got: ${choice.reason}`);
  return choice;
}

function reason(choice: object): string {
  if (!isNoKey(choice)) throw new Error('expected no key');
  return choice.reason;
}

describe('frame keys', () => {
  it("keys a command's MAC with the ACB and the recipient, whoever originated it", () => {
    const choice = chosen(macKeysFor(command, rtdsShapedStore(esme)));
    expect(choice.keys).toEqual({ localKaPrivate: acb.ka.privateKey, peerKaPublic: esme.ka.publicKey });
    expect(choice.description).toBe(`KA private key of ${ACCESS_CONTROL_BROKER} (Access Control Broker) + KA public key of ${ESME} (recipient)`);
  });

  it("keys a response's or alert's MAC with the recipient and the originator", () => {
    for (const header of [response, { ...response, cra: 3 as const }]) {
      const choice = chosen(macKeysFor(header, rtdsShapedStore(esme)));
      expect(choice.keys).toEqual({ localKaPrivate: supplier.ka.privateKey, peerKaPublic: esme.ka.publicKey });
      expect(choice.description).toBe(`KA private key of ${SUPPLIER} (recipient) + KA public key of ${ESME} (originator)`);
    }
  });

  it('works from whichever side holds a private key, or from the one named with `as`', () => {
    const deviceOnly = KeyStore.fromParties([esme]).registerKey(SUPPLIER, 'ka', { publicKey: supplier.ka.publicKey });
    expect(chosen(macKeysFor(response, deviceOnly)).keys).toEqual({ localKaPrivate: esme.ka.privateKey, peerKaPublic: supplier.ka.publicKey });
    const everyone = KeyStore.fromParties([acb, supplier, esme]);
    expect(chosen(macKeysFor(command, everyone)).keys.localKaPrivate).toEqual(acb.ka.privateKey);
    expect(chosen(macKeysFor(command, everyone, { as: ESME })).keys).toEqual({ localKaPrivate: esme.ka.privateKey, peerKaPublic: acb.ka.publicKey });
    expect(chosen(macKeysFor(response, everyone, { as: '00-DB-12-34-56-78-90-A0' })).description).toMatch(new RegExp(`^KA private key of ${ESME} \\(originator\\)`));
  });

  it('gives the same MAC key from either side', () => {
    const everyone = KeyStore.fromParties([acb, supplier, esme]);
    const bytes = sealFrame(command, Uint8Array.of(1, 2, 3), { mac: chosenKeys(macKeysFor(command, everyone, { as: ACCESS_CONTROL_BROKER })) });
    expect(openFrame(bytes, { mac: chosenKeys(macKeysFor(command, everyone, { as: ESME })) }).mac).toBe('valid');
    expect(openFrame(bytes, { mac: chosenKeys(macKeysFor(response, everyone)) }).mac).toBe('invalid');
  });

  it('says why no key applies', () => {
    expect(reason(macKeysFor({ ...command, messageCode: 0x009b }, rtdsShapedStore(esme)))).toMatch(/^HAN-only message 0x009B .*neither the Access Control Broker's nor a remote party's KA key applies/);
    expect(reason(macKeysFor(command, KeyStore.fromParties([])))).toBe(`no KA key for ${ACCESS_CONTROL_BROKER} (Access Control Broker) nor for ${ESME} (recipient) in the keystore`);
    expect(reason(macKeysFor(command, KeyStore.fromParties([acb])))).toBe(`no KA key for ${ESME} (recipient) in the keystore`);
    expect(reason(macKeysFor(command, KeyStore.fromParties([esme])))).toBe(`no KA key for ${ACCESS_CONTROL_BROKER} (Access Control Broker) in the keystore`);
    const certificatesOnly = new KeyStore().registerKey(SUPPLIER, 'ka', { publicKey: supplier.ka.publicKey }).registerKey(ESME, 'ka', { publicKey: esme.ka.publicKey });
    expect(reason(macKeysFor(response, certificatesOnly))).toBe(`no KA private key for ${SUPPLIER} (recipient) nor for ${ESME} (originator) (certificates only) in the keystore`);
    expect(reason(macKeysFor(command, rtdsShapedStore(esme), { as: ESME }))).toBe(`no KA private key for ${ESME} (recipient) in the keystore`);
    expect(reason(macKeysFor(command, KeyStore.fromParties([esme]), { as: ESME }))).toBe(`no KA key for ${ACCESS_CONTROL_BROKER} (Access Control Broker) in the keystore`);
    expect(reason(macKeysFor(command, rtdsShapedStore(esme), { as: SUPPLIER }))).toBe(`${SUPPLIER} is neither ${ACCESS_CONTROL_BROKER} (Access Control Broker) nor ${ESME} (recipient)`);
    expect(() => chosenKeys(macKeysFor(command, KeyStore.fromParties([acb])))).toThrow(`no KA key for ${ESME} (recipient) in the keystore`);
  });

  it('keys protected content with the originator and the end party the payload KDF names', () => {
    const store = rtdsShapedStore(esme);
    const direct = chosen(payloadKeysFor(response, store));
    expect(direct.keys).toEqual({ localKaPrivate: supplier.ka.privateKey, peerKaPublic: esme.ka.publicKey });
    expect(direct.description).toBe(`KA private key of ${SUPPLIER} (recipient) + KA public key of ${ESME} (originator)`);
    const viaAcb: GbcsHeader = { ...response, recipient: ACCESS_CONTROL_BROKER, supplementary: { remotePartyId: SUPPLIER, remotePartyCounter: 7n } };
    expect(chosen(payloadKeysFor(viaAcb, store)).description).toBe(`KA private key of ${SUPPLIER} (supplementary remote party) + KA public key of ${ESME} (originator)`);
    const everyone = KeyStore.fromParties([supplier, esme]);
    const sealed = payloadCipherFor(response, chosenKeys(payloadKeysFor(response, everyone, { as: ESME }))).seal(Uint8Array.of(9, 8, 7));
    expect([...payloadCipherFor(response, chosenKeys(payloadKeysFor(response, everyone))).open(sealed)]).toEqual([9, 8, 7]);
  });

  it("checks signatures with the originator's DS public key", () => {
    expect(signerKeyFor(response, rtdsShapedStore(esme))).toEqual({ publicKey: esme.ds.publicKey, description: `DS public key of ${ESME} (originator)` });
    expect(reason(signerKeyFor(response, rtdsShapedStore()))).toBe(`no DS key for originator ${ESME} in the keystore`);
  });
});
