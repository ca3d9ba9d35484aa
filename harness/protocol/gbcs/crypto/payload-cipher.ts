// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Inner encryption of protected payload content (DLMS Get Protected Attributes, ciphered ZCL),
 * end to end between the device and the remote party it answers:
 *   key = KDF(ECDH(local KA private, peer KA public), originator,
 *             09 ‖ 04 ‖ counter, recipient)
 *     counter   = the supplementary originator counter when other-information carries one
 *                 (26-byte form), else the frame's originator counter;
 *     recipient = the supplementary remote party id when other-information carries one
 *                 (the end party behind the DCC), else the frame's recipient;
 *   IV  = originator id ‖ 00000000;  AAD = 31;  tag 12 bytes;
 *   sealed block = 31 00 00 00 00 ‖ ciphertext ‖ tag.
 * Confirmed on RTDS 4.5.0 ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE and GCS13a_4.1.1_SUCCESS_RELIABLE_GPF_RESPONSE.
 */
import { GbcsCryptoError } from '../errors.ts';
import type { Eui64, GbcsHeader } from '../frame-types.ts';
import { bytesEqual, concatBytes } from '../hex.ts';
import type { PayloadCipher } from '../payload/payload-cipher.ts';
import { GBCS_TAG_LENGTH, gcmOpen, gcmSeal } from './aes-gcm.ts';
import { ecdhSharedSecret } from './ecdh.ts';
import { deriveMessageKey, KDF_PURPOSE_ENCRYPTION, transactionId } from './kdf.ts';
import { gbcsIv, type KeyAgreementPair } from './mac.ts';

export const INNER_SECURITY_HEADER = Uint8Array.of(0x31, 0x00, 0x00, 0x00, 0x00);
export const INNER_AAD = Uint8Array.of(0x31);

type CipherHeader = Pick<GbcsHeader, 'counter' | 'originator' | 'recipient' | 'supplementary' | 'supplementaryRemotePartyIdOnly'>;

/** The parties and counter the inner-encryption KDF uses for this header. */
export function payloadKeyParameters(header: CipherHeader): { originator: Eui64; recipient: Eui64; counter: bigint } {
  const recipient = header.supplementary?.remotePartyId ?? header.supplementaryRemotePartyIdOnly ?? header.recipient;
  const counter = header.supplementary?.originatorCounter ?? header.counter;
  return { originator: header.originator, recipient, counter };
}

/** The 16-byte AES key for the protected content of a frame with this header. */
export function payloadEncryptionKey(header: CipherHeader, keys: KeyAgreementPair): Uint8Array {
  const p = payloadKeyParameters(header);
  const z = ecdhSharedSecret(keys.localKaPrivate, keys.peerKaPublic);
  return deriveMessageKey(z, p.originator, transactionId(KDF_PURPOSE_ENCRYPTION, p.counter), p.recipient);
}

/** PayloadCipher bound to one frame's key and originator. */
export class GbcsPayloadCipher implements PayloadCipher {
  private readonly iv: Uint8Array;

  constructor(
    private readonly key: Uint8Array,
    originator: Eui64,
  ) {
    this.iv = gbcsIv(originator);
  }

  static forHeader(header: CipherHeader, keys: KeyAgreementPair): GbcsPayloadCipher {
    return new GbcsPayloadCipher(payloadEncryptionKey(header, keys), header.originator);
  }

  seal(plaintext: Uint8Array): Uint8Array {
    const { ciphertext, tag } = gcmSeal(this.key, this.iv, plaintext, INNER_AAD, GBCS_TAG_LENGTH);
    return concatBytes(INNER_SECURITY_HEADER, ciphertext, tag);
  }

  open(sealed: Uint8Array): Uint8Array {
    const minimum = INNER_SECURITY_HEADER.length + GBCS_TAG_LENGTH;
    if (sealed.length < minimum) {
      throw new GbcsCryptoError('open protected payload', `sealed block must be at least ${minimum} bytes (31 00 00 00 00 ‖ ciphertext ‖ 12-byte tag), got ${sealed.length}`);
    }
    if (!bytesEqual(sealed.subarray(0, INNER_SECURITY_HEADER.length), INNER_SECURITY_HEADER)) {
      throw new GbcsCryptoError('open protected payload', 'sealed block does not start with security header 31 00 00 00 00');
    }
    const ciphertext = sealed.subarray(INNER_SECURITY_HEADER.length, sealed.length - GBCS_TAG_LENGTH);
    const tag = sealed.subarray(sealed.length - GBCS_TAG_LENGTH);
    const plaintext = gcmOpen(this.key, this.iv, ciphertext, tag, INNER_AAD);
    if (plaintext === null) throw new GbcsCryptoError('open protected payload', 'authentication tag does not verify (wrong key, counter or parties, or altered data)');
    return plaintext;
  }
}
