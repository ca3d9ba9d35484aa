// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Inner encryption of protected payload content (DLMS Get Protected Attributes, ciphered ZCL):
 * a sealed block is `31 00 00 00 00 ‖ ciphertext ‖ 12-byte GCM tag`. The key and IV depend on
 * the frame header and the parties' keys, so the frame layer builds the cipher and the payload
 * codecs only call it.
 */
export interface PayloadCipher {
  /** Encrypts plaintext into a sealed block (security header ‖ ciphertext ‖ tag). */
  seal(plaintext: Uint8Array): Uint8Array;
  /** Opens a sealed block; throws a GbcsCryptoError when the tag does not verify. */
  open(sealed: Uint8Array): Uint8Array;
}
