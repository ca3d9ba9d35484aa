// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Which keys of a keystore check a frame's MAC and signature and open its protected content
 * (RTDS README, DOMAIN.md):
 * - a command's MAC: the DCC Access Control Broker (90B3D51F30000002) and the recipient device;
 * - a response's or alert's MAC: the recipient and the originator;
 * - a signature: the originator's DS public key;
 * - inner-encrypted content: the originator and the end party the payload KDF names
 *   (the supplementary remote party when other-information carries one, else the recipient).
 * ECDH is symmetric, so a MAC or a cipher key is derived from whichever of the two parties has a
 * private key in the store (RTDS: the remote parties; emulated keystores: the devices too).
 */
import { payloadKeyParameters } from '../protocol/gbcs/crypto/payload-cipher.ts';
import type { Eui64, GbcsFrame, GbcsHeader } from '../protocol/gbcs/frame-types.ts';
import type { KeyStore } from '../protocol/gbcs/keystore.ts';
import { describeMessageCode, messageCodeInfo } from '../protocol/gbcs/message-codes.ts';
import { RTDS_ACCESS_CONTROL_BROKER } from '../protocol/gbcs/rtds-conformance.ts';
import type { KeyAgreementPair } from '../protocol/gbcs/secure-frame.ts';

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

interface Party {
  readonly eui: Eui64;
  readonly role: string;
}

/** A key-agreement pair between two parties, from whichever one has a private key in the store. */
function agreementBetween(a: Party, b: Party, store: KeyStore): KeyPairChoice | NoKey {
  const aKey = store.key(a.eui, 'ka');
  const bKey = store.key(b.eui, 'ka');
  const label = (p: Party): string => `${p.eui} (${p.role})`;
  if (aKey?.privateKey && bKey) {
    return { keys: { localKaPrivate: aKey.privateKey, peerKaPublic: bKey.publicKey }, description: `KA private key of ${label(a)} + KA public key of ${label(b)}` };
  }
  if (bKey?.privateKey && aKey) {
    return { keys: { localKaPrivate: bKey.privateKey, peerKaPublic: aKey.publicKey }, description: `KA private key of ${label(b)} + KA public key of ${label(a)}` };
  }
  const missing: string[] = [];
  if (!aKey && !bKey) missing.push(`no KA key for ${label(a)} nor for ${label(b)}`);
  else if (!aKey) missing.push(`no KA key for ${label(a)}`);
  else if (!bKey) missing.push(`no KA key for ${label(b)}`);
  else missing.push(`no KA private key for ${label(a)} nor for ${label(b)} (certificates only)`);
  return { reason: `${missing.join('; ')} in the keystore` };
}

/** The keys that check this frame's MAC, or why there are none. */
export function macKeysFor(frame: GbcsHeader, store: KeyStore): KeyPairChoice | NoKey {
  if (messageCodeInfo(frame.messageCode)?.scope === 'han-only') {
    return {
      reason: `HAN-only message ${describeMessageCode(frame.messageCode)} from ${frame.originator} to ${frame.recipient}: not a remote-party message, so neither the Access Control Broker's nor a remote party's KA key applies`,
    };
  }
  if (frame.cra === 1) {
    return agreementBetween({ eui: RTDS_ACCESS_CONTROL_BROKER, role: 'Access Control Broker' }, { eui: frame.recipient, role: 'recipient' }, store);
  }
  return agreementBetween({ eui: frame.recipient, role: 'recipient' }, { eui: frame.originator, role: 'originator' }, store);
}

/** The originator's DS public key, or why there is none. */
export function signerKeyFor(frame: GbcsFrame, store: KeyStore): SignerChoice | NoKey {
  const key = store.key(frame.originator, 'ds');
  if (!key) return { reason: `no DS key for originator ${frame.originator} in the keystore` };
  return { publicKey: key.publicKey, description: `DS public key of ${frame.originator} (originator)` };
}

/** The keys of the inner payload cipher for this header, or why there are none. */
export function payloadKeysFor(header: GbcsHeader, store: KeyStore): KeyPairChoice | NoKey {
  const p = payloadKeyParameters(header);
  const endRole = p.recipient === header.recipient ? 'recipient' : 'supplementary remote party';
  return agreementBetween({ eui: p.recipient, role: endRole }, { eui: p.originator, role: 'originator' }, store);
}

export function isNoKey(choice: object): choice is NoKey {
  return 'reason' in choice;
}
