// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The shared vocabulary of a GBCS message, as the codec, the crypto and the emulators see it.
 * Frame layout (GBCS §4.3, DOMAIN.md): optional General Ciphering wrapper (MAC), General Signing
 * grouping header, payload, optional signature.
 */

/** An EUI-64 / system title as 16 upper-case hex digits, no separators: "00DB1234567890A0". */
export type Eui64 = string;

/** CRA flag: 1 command, 2 response, 3 alert. (4 is used only inside the KDF for encryption.) */
export type CraFlag = 1 | 2 | 3;

export const CRA = { command: 1, response: 2, alert: 3 } as const satisfies Record<string, CraFlag>;

/**
 * Supplementary remote party fields carried in other-information after the message code
 * (18 bytes: code ‖ id ‖ counter). Two longer forms occur in RTDS 4.5.0, for the "Unknown
 * Remote Party" reads (ECS21b, GCS16b, GCS61):
 * - 26 bytes: ‖ supplementary originator counter (responses);
 * - more than 26: ‖ the remote party's key agreement certificate, DER (commands).
 */
export interface SupplementaryRemoteParty {
  readonly remotePartyId: Eui64;
  readonly remotePartyCounter: bigint;
  /** Added field, 26-byte form: supplementary originator counter (used by the inner-encryption KDF). */
  readonly originatorCounter?: bigint;
  /** Added field, form above 26 bytes: the supplementary remote party's KA certificate (X.509 DER). */
  readonly remotePartyCertificate?: Uint8Array;
}

/** Header fields of the General Signing grouping header. */
export interface GbcsHeader {
  readonly cra: CraFlag;
  /** Originator counter (8 bytes). */
  readonly counter: bigint;
  readonly originator: Eui64;
  readonly recipient: Eui64;
  /** 12-byte DLMS/COSEM date-time, or null when absent (encoded 00). */
  readonly dateTime: Uint8Array | null;
  readonly messageCode: number;
  readonly supplementary: SupplementaryRemoteParty | null;
  /**
   * Added field: other-information holding a supplementary remote party id with no counter
   * (10 bytes: code ‖ id; RTDS 4.5.0 ECS200 "Operational Update" alert). Leave undefined
   * otherwise; never set together with `supplementary`.
   */
  readonly supplementaryRemotePartyIdOnly?: Eui64;
}

/** A decoded GBCS frame. */
export interface GbcsFrame extends GbcsHeader {
  /** true when wrapped in General Ciphering (DD ...) and closed by a 12-byte MAC. */
  readonly macProtected: boolean;
  /** The application payload: DLMS (D9/DA/0F ...) for ESME & CHF, GBZ (01 09 ...) for GSME & GPF. */
  readonly payload: Uint8Array;
  /** ECDSA P-256 r||s (64 bytes), or null when the signature length is 00. */
  readonly signature: Uint8Array | null;
  /** 12-byte AES-GCM tag when macProtected, else null. */
  readonly mac: Uint8Array | null;
  /**
   * Added field: true when the frame ends right after the payload, with no signature length
   * byte at all — a DCC pre-command waiting for the user's signature (all 178 RTDS
   * pre-commands). Such a frame is never MAC-protected and its signature is null.
   */
  readonly preCommand?: boolean;
}

/** A P-256 key: 32-byte private scalar and/or 65-byte uncompressed public point (04 ‖ X ‖ Y). */
export interface EcKey {
  readonly publicKey: Uint8Array;
  readonly privateKey?: Uint8Array;
}

/** The two key pairs of a GBCS party: digital signature (DS) and key agreement (KA). */
export interface PartyKeys {
  readonly eui: Eui64;
  readonly ds: EcKey;
  readonly ka: EcKey;
}
