// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Protected GBCS frames as emulators and the harness build and check them: sign (General
 * Signing, signature inside), MAC (General Ciphering wrapper), and the inner payload cipher.
 * Which protection a message gets follows the RTDS message of the same use case and direction.
 */
import { computeMac, macKey, verifyMac, type KeyAgreementPair } from './crypto/mac.ts';
import { GbcsPayloadCipher } from './crypto/payload-cipher.ts';
import { signedDataOf, signGbcs, verifyGbcs } from './crypto/signature.ts';
import { GbcsEncodeError } from './errors.ts';
import { decodeFrameWithLayout, encodeGroupingHeader, encodeMacHeader, SIGNATURE_LENGTH } from './frame.ts';
import type { GbcsFrame, GbcsHeader } from './frame-types.ts';
import { concatBytes } from './hex.ts';
import type { PayloadCipher } from './payload/payload-cipher.ts';

export type { KeyAgreementPair } from './crypto/mac.ts';

export interface SealOptions {
  /** Sign with the originator's DS private key (32 bytes). */
  readonly sign?: { readonly dsPrivateKey: Uint8Array };
  /** Wrap in General Ciphering with a MAC: our KA private key, the peer's KA public key. */
  readonly mac?: KeyAgreementPair;
  /** Build a pre-command: no signature length byte at all (not combinable with sign or mac). */
  readonly preCommand?: boolean;
}

/** Builds a frame: grouping header ‖ payload ‖ signature (or 00), MAC-wrapped when `mac` is given. */
export function sealFrame(header: GbcsHeader, payload: Uint8Array, opts: SealOptions = {}): Uint8Array {
  const groupingHeader = encodeGroupingHeader(header, payload.length);
  if (opts.preCommand) {
    if (opts.sign || opts.mac) throw new GbcsEncodeError('preCommand', 'a pre-command without signature or MAC', 'sign or mac also requested');
    return concatBytes(groupingHeader, payload);
  }
  let signatureField: Uint8Array = Uint8Array.of(0);
  if (opts.sign) {
    const signedData = concatBytes(groupingHeader.subarray(1), payload);
    signatureField = concatBytes(Uint8Array.of(SIGNATURE_LENGTH), signGbcs(signedData, opts.sign.dsPrivateKey));
  }
  const signedContent = concatBytes(groupingHeader, payload, signatureField);
  if (!opts.mac) return signedContent;
  const mac = computeMac(macKey(header, opts.mac), header.originator, signedContent);
  return concatBytes(encodeMacHeader(signedContent.length), signedContent, mac);
}

/**
 * MAC-wraps content that is already signed (grouping header ‖ payload ‖ signature field): what
 * the DCC does to a user's signed pre-command before delivering it.
 */
export function wrapWithMac(header: GbcsHeader, signedContent: Uint8Array, keys: KeyAgreementPair): Uint8Array {
  const mac = computeMac(macKey(header, keys), header.originator, signedContent);
  return concatBytes(encodeMacHeader(signedContent.length), signedContent, mac);
}

export type MacStatus = 'valid' | 'invalid' | 'absent' | 'uncheckable';
export type SignatureStatus = 'valid' | 'invalid' | 'absent' | 'uncheckable';

export interface OpenOptions {
  /** Keys to check the MAC with; without them a MAC is 'uncheckable'. */
  readonly mac?: KeyAgreementPair;
  /** The originator's DS public key (65 bytes); without it a signature is 'uncheckable'. */
  readonly signerDsPublic?: Uint8Array;
}

export interface OpenedFrame {
  readonly frame: GbcsFrame;
  readonly mac: MacStatus;
  readonly signature: SignatureStatus;
}

/**
 * Decodes a frame and checks its MAC and signature. A wrong MAC or signature is reported, not
 * thrown.
 * @throws GbcsDecodeError when the bytes are malformed; GbcsCryptoError when a given key is malformed.
 */
export function openFrame(bytes: Uint8Array, opts: OpenOptions = {}): OpenedFrame {
  const { frame, layout } = decodeFrameWithLayout(bytes);
  let mac: MacStatus = 'absent';
  if (frame.macProtected && frame.mac) {
    if (!opts.mac) mac = 'uncheckable';
    else {
      const signedContent = bytes.subarray(layout.groupingHeaderStart, layout.innerEnd);
      mac = verifyMac(macKey(frame, opts.mac), frame.originator, signedContent, frame.mac) ? 'valid' : 'invalid';
    }
  }
  let signature: SignatureStatus = 'absent';
  if (frame.signature) {
    if (!opts.signerDsPublic) signature = 'uncheckable';
    else signature = verifyGbcs(signedDataOf(bytes, layout), frame.signature, opts.signerDsPublic) ? 'valid' : 'invalid';
  }
  return { frame, mac, signature };
}

/**
 * The inner payload cipher for a frame with this header (see crypto/payload-cipher.ts): keys
 * are ours (KA private) and the other end party's (KA public).
 */
export function payloadCipherFor(header: GbcsHeader, keys: KeyAgreementPair): PayloadCipher {
  return GbcsPayloadCipher.forHeader(header, keys);
}

