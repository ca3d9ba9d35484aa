// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Which keys protect a GBCS frame (RTDS README, DOMAIN.md):
 * - a command's MAC: the DCC Access Control Broker (ACB) and the recipient device — the DCC
 *   applies it, whoever originated the command;
 * - a response's or alert's MAC: the recipient and the originator;
 * - a signature: the originator's DS key;
 * - inner-encrypted content: the originator and the end party the payload KDF names (the
 *   supplementary remote party when other-information carries one, else the recipient).
 * HAN-only message codes carry no remote-party MAC.
 *
 * ECDH is symmetric, so a MAC or cipher key comes from whichever of the two parties has a
 * private key at hand: the remote parties in the RTDS keystore; every party in an emulated key
 * directory. A caller acting as one party (an emulated device, the ACB) names it with `as`, and
 * then only that party's private key is used.
 *
 * One module for the harness (`dit gbcs decode`, RTDS conformance) and the emulators (device
 * and DCC sealing); keys come from anything with a `key(eui, 'ds' | 'ka')` lookup (KeyStore).
 */
import type { KeyAgreementPair } from './crypto/mac.ts';
import { payloadKeyParameters } from './crypto/payload-cipher.ts';
import { normalizeEui } from './eui.ts';
import type { EcKey, Eui64, GbcsHeader } from './frame-types.ts';
import { describeMessageCode, messageCodeInfo } from './message-codes.ts';

/** The DCC Access Control Broker (RTDS PKI and the emulated DCC): MACs every command. */
export const ACCESS_CONTROL_BROKER: Eui64 = '90B3D51F30000002';

/** Where parties' keys come from: a KeyStore, an emulated key directory. */
export interface PartyKeySource {
  /** The party's DS or KA key (public, and private when known), or undefined when unknown. */
  key(eui: Eui64, name: 'ds' | 'ka'): EcKey | undefined;
}

export interface KeyPairChoice {
  readonly keys: KeyAgreementPair;
  /** Which keys, e.g. "KA private key of 90B3D51F30000002 (Access Control Broker) + KA public key of 00DB1234567890A0 (recipient)". */
  readonly description: string;
}

export interface SignerChoice {
  readonly publicKey: Uint8Array;
  readonly description: string;
}

/** Why no key applies. */
export interface NoKey {
  readonly reason: string;
}

export interface KeyChoiceOptions {
  /** Use this party's KA private key (one of the two parties): an emulated device keys with its own. */
  readonly as?: Eui64;
}

interface Party {
  readonly eui: Eui64;
  readonly role: string;
}

export function isNoKey(choice: object): choice is NoKey {
  return 'reason' in choice;
}

/** The keys of a choice; throws an Error with the reason when there are none. */
export function chosenKeys(choice: KeyPairChoice | NoKey): KeyAgreementPair {
  if (isNoKey(choice)) throw new Error(choice.reason);
  return choice.keys;
}

/** The keys that make and check this frame's MAC, or why there are none. */
export function macKeysFor(header: Pick<GbcsHeader, 'cra' | 'messageCode' | 'originator' | 'recipient'>, keys: PartyKeySource, opts: KeyChoiceOptions = {}): KeyPairChoice | NoKey {
  if (messageCodeInfo(header.messageCode)?.scope === 'han-only') {
    return {
      reason: `HAN-only message ${describeMessageCode(header.messageCode)} from ${header.originator} to ${header.recipient}: not a remote-party message, so neither the Access Control Broker's nor a remote party's KA key applies`,
    };
  }
  if (header.cra === 1) {
    return agreementBetween({ eui: ACCESS_CONTROL_BROKER, role: 'Access Control Broker' }, { eui: header.recipient, role: 'recipient' }, keys, opts.as);
  }
  return agreementBetween({ eui: header.recipient, role: 'recipient' }, { eui: header.originator, role: 'originator' }, keys, opts.as);
}

/** The keys of the inner payload cipher for this header, or why there are none. */
export function payloadKeysFor(header: GbcsHeader, keys: PartyKeySource, opts: KeyChoiceOptions = {}): KeyPairChoice | NoKey {
  const p = payloadKeyParameters(header);
  const endRole = p.recipient === header.recipient ? 'recipient' : 'supplementary remote party';
  return agreementBetween({ eui: p.recipient, role: endRole }, { eui: p.originator, role: 'originator' }, keys, opts.as);
}

/** The originator's DS public key, which checks the signature, or why there is none. */
export function signerKeyFor(header: Pick<GbcsHeader, 'originator'>, keys: PartyKeySource): SignerChoice | NoKey {
  const key = keys.key(header.originator, 'ds');
  if (!key) return { reason: `no DS key for originator ${header.originator} in the keystore` };
  return { publicKey: key.publicKey, description: `DS public key of ${header.originator} (originator)` };
}

/** A key-agreement pair between two parties: from `as` when given, else from whichever has a private key (`a` first). */
function agreementBetween(a: Party, b: Party, keys: PartyKeySource, as: Eui64 | undefined): KeyPairChoice | NoKey {
  const aKey = keys.key(a.eui, 'ka');
  const bKey = keys.key(b.eui, 'ka');
  if (as !== undefined) {
    const self = normalizeEui(as);
    if (normalizeEui(a.eui) === self) return pairFrom(a, aKey, b, bKey);
    if (normalizeEui(b.eui) === self) return pairFrom(b, bKey, a, aKey);
    return { reason: `${self} is neither ${label(a)} nor ${label(b)}` };
  }
  if (aKey?.privateKey && bKey) return pairFrom(a, aKey, b, bKey);
  if (bKey?.privateKey && aKey) return pairFrom(b, bKey, a, aKey);
  let missing: string;
  if (!aKey && !bKey) missing = `no KA key for ${label(a)} nor for ${label(b)}`;
  else if (!aKey) missing = `no KA key for ${label(a)}`;
  else if (!bKey) missing = `no KA key for ${label(b)}`;
  else missing = `no KA private key for ${label(a)} nor for ${label(b)} (certificates only)`;
  return { reason: `${missing} in the keystore` };
}

/** The pair with `local`'s KA private key and `peer`'s KA public key, or what is missing. */
function pairFrom(local: Party, localKey: EcKey | undefined, peer: Party, peerKey: EcKey | undefined): KeyPairChoice | NoKey {
  if (!localKey?.privateKey) return { reason: `no KA private key for ${label(local)} in the keystore` };
  if (!peerKey) return { reason: `no KA key for ${label(peer)} in the keystore` };
  return {
    keys: { localKaPrivate: localKey.privateKey, peerKaPublic: peerKey.publicKey },
    description: `KA private key of ${label(local)} + KA public key of ${label(peer)}`,
  };
}

function label(p: Party): string {
  return `${p.eui} (${p.role})`;
}
