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

/** Supplementary remote party fields carried in other-information after the message code. */
export interface SupplementaryRemoteParty {
  readonly remotePartyId: Eui64;
  readonly remotePartyCounter: bigint;
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
