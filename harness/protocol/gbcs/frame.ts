// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GBCS frame codec (GBCS §7.2; layout in DOMAIN.md): decodeFrame / encodeFrame are exact
 * inverses on every well-formed frame — decode → encode reproduces the input byte for byte.
 *
 *   [General Ciphering DD 00 00 00 00 00 00 ‖ length ‖ security header 11 00 00 00 00]
 *   General Signing DF 09 ‖ CRA ‖ counter(8) ‖ 08 originator ‖ 08 recipient
 *     ‖ date-time (00 | 0C + 12 bytes) ‖ other-info length ‖ other-info ‖ content length ‖ payload
 *     ‖ [signature length ‖ signature]      (absent altogether on pre-commands)
 *   [MAC, 12 bytes]
 */
import { ByteReader } from './byte-reader.ts';
import { ByteWriter } from './byte-writer.ts';
import { GbcsDecodeError, GbcsEncodeError } from './errors.ts';
import { euiFromBytes, euiToBytes } from './eui.ts';
import type { CraFlag, GbcsFrame, GbcsHeader, SupplementaryRemoteParty } from './frame-types.ts';
import { concatBytes } from './hex.ts';

/** General Ciphering tag and its six zero bytes (transaction id, originator and recipient system titles, date-time, other-info all empty). */
export const GENERAL_CIPHERING_PREFIX = Uint8Array.of(0xdd, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
/** Security header of the MAC wrapper: security control 0x11 (authentication only) ‖ invocation counter 0. */
export const MAC_SECURITY_HEADER = Uint8Array.of(0x11, 0x00, 0x00, 0x00, 0x00);
/** General Signing tag DF ‖ 09, the length of the transaction id that follows (CRA flag + 8-byte counter). */
export const GENERAL_SIGNING_PREFIX = Uint8Array.of(0xdf, 0x09);
export const MAC_LENGTH = 12;
export const SIGNATURE_LENGTH = 64;
export const DATE_TIME_LENGTH = 12;

/** Where the parts of a frame sit in its bytes: what the MAC and signature cover. */
export interface FrameLayout {
  /** Offset of the DF of General Signing. */
  readonly groupingHeaderStart: number;
  /** Offset of the first payload byte. */
  readonly payloadStart: number;
  /** Offset just after the payload (the signed data ends here). */
  readonly payloadEnd: number;
  /** Offset just after the signature (or its 00 length); the MAC starts here when present. */
  readonly innerEnd: number;
}

/** A decoded frame together with its layout in the input bytes. */
export interface DecodedFrame {
  readonly frame: GbcsFrame;
  readonly layout: FrameLayout;
}

/**
 * Decodes one complete GBCS frame.
 * @throws GbcsDecodeError (offset + field) on any malformed, truncated or over-long input.
 */
export function decodeFrame(bytes: Uint8Array): GbcsFrame {
  return decodeFrameWithLayout(bytes).frame;
}

export function decodeFrameWithLayout(bytes: Uint8Array): DecodedFrame {
  const top = new ByteReader(bytes);
  const first = top.peekU8('frame tag');
  if (first === 0xdd) {
    top.expectBytes(GENERAL_CIPHERING_PREFIX, 'general ciphering header');
    const cipheredLength = top.length('ciphered service length');
    const ciphered = top.sub(cipheredLength.value, 'ciphered service');
    top.expectEnd('frame (bytes after the ciphered service)');
    ciphered.expectBytes(MAC_SECURITY_HEADER, 'security header');
    if (ciphered.remaining < MAC_LENGTH) {
      throw new GbcsDecodeError(ciphered.offset, 'ciphered service', `grouping header and a ${MAC_LENGTH}-byte MAC`, `${ciphered.remaining} bytes`);
    }
    const inner = ciphered.sub(ciphered.remaining - MAC_LENGTH, 'signed content');
    const decoded = decodeSigned(inner, true);
    const mac = ciphered.bytes(MAC_LENGTH, 'MAC');
    return { frame: { ...decoded.frame, macProtected: true, mac }, layout: decoded.layout };
  }
  if (first === 0xdf) {
    const decoded = decodeSigned(top, false);
    return { frame: { ...decoded.frame, macProtected: false, mac: null }, layout: decoded.layout };
  }
  throw new GbcsDecodeError(0, 'frame tag', 'DD (general ciphering) or DF (general signing)', hex2(first));
}

function decodeSigned(r: ByteReader, insideMac: boolean): { frame: Omit<GbcsFrame, 'macProtected' | 'mac'>; layout: FrameLayout } {
  const groupingHeaderStart = r.offset;
  r.expectBytes(GENERAL_SIGNING_PREFIX, 'general signing header');
  const craAt = r.offset;
  const craByte = r.u8('CRA flag');
  if (craByte !== 1 && craByte !== 2 && craByte !== 3) {
    throw new GbcsDecodeError(craAt, 'CRA flag', '01 (command), 02 (response) or 03 (alert)', hex2(craByte));
  }
  const cra = craByte as CraFlag;
  const counter = r.u64('originator counter');
  r.expectBytes(Uint8Array.of(8), 'originator system title length');
  const originator = euiFromBytes(r.bytes(8, 'originator system title'));
  r.expectBytes(Uint8Array.of(8), 'recipient system title length');
  const recipient = euiFromBytes(r.bytes(8, 'recipient system title'));
  const dateTimeAt = r.offset;
  const dateTimeLength = r.u8('date-time length');
  let dateTime: Uint8Array | null = null;
  if (dateTimeLength === DATE_TIME_LENGTH) {
    dateTime = r.bytes(DATE_TIME_LENGTH, 'date-time');
  } else if (dateTimeLength !== 0) {
    throw new GbcsDecodeError(dateTimeAt, 'date-time length', '00 (absent) or 0C (12-byte date-time)', hex2(dateTimeLength));
  }
  const otherInfoLength = r.length('other-information length');
  const otherInfo = decodeOtherInfo(r.sub(otherInfoLength.value, 'other-information'));
  const contentLength = r.length('content length');
  const payloadStart = r.offset;
  const payload = r.bytes(contentLength.value, 'payload');
  const payloadEnd = r.offset;

  let signature: Uint8Array | null = null;
  let preCommand = false;
  if (r.atEnd && !insideMac) {
    preCommand = true;
  } else {
    const signatureAt = r.offset;
    const signatureLength = r.length('signature length');
    if (signatureLength.value === SIGNATURE_LENGTH) {
      signature = r.bytes(SIGNATURE_LENGTH, 'signature');
    } else if (signatureLength.value !== 0) {
      throw new GbcsDecodeError(signatureAt, 'signature length', '00 or 40 (64-byte ECDSA r||s)', String(signatureLength.value));
    }
  }
  r.expectEnd(insideMac ? 'signed content (bytes before the MAC)' : 'frame (bytes after the signature)');

  const header: GbcsHeader = { cra, counter, originator, recipient, dateTime, ...otherInfo };
  const frame = preCommand ? { ...header, payload, signature, preCommand: true } : { ...header, payload, signature };
  return { frame, layout: { groupingHeaderStart, payloadStart, payloadEnd, innerEnd: r.offset } };
}

type OtherInfo = Pick<GbcsHeader, 'messageCode' | 'supplementary' | 'supplementaryRemotePartyIdOnly'>;

function decodeOtherInfo(r: ByteReader): OtherInfo {
  const size = r.remaining;
  const messageCode = r.u16('message code');
  if (size === 2) return { messageCode, supplementary: null };
  if (size === 10) {
    return { messageCode, supplementary: null, supplementaryRemotePartyIdOnly: euiFromBytes(r.bytes(8, 'supplementary remote party id')) };
  }
  if (size < 18 || (size > 18 && size < 26)) {
    throw new GbcsDecodeError(r.offset - 2, 'other-information', 'length 2, 10, 18, 26 or more (message code [+ remote party id [+ counter [+ originator counter | certificate]]])', `length ${size}`);
  }
  const remotePartyId = euiFromBytes(r.bytes(8, 'supplementary remote party id'));
  const remotePartyCounter = r.u64('supplementary remote party counter');
  let supplementary: SupplementaryRemoteParty = { remotePartyId, remotePartyCounter };
  if (size === 26) {
    supplementary = { ...supplementary, originatorCounter: r.u64('supplementary originator counter') };
  } else if (size > 26) {
    supplementary = { ...supplementary, remotePartyCertificate: r.bytes(r.remaining, 'supplementary remote party certificate') };
  }
  r.expectEnd('other-information');
  return { messageCode, supplementary };
}

/** The bytes of other-information (without its length). */
export function encodeOtherInfo(header: GbcsHeader): Uint8Array {
  const w = new ByteWriter().u16(header.messageCode, 'message code');
  const s = header.supplementary;
  if (header.supplementaryRemotePartyIdOnly !== undefined) {
    if (s) throw new GbcsEncodeError('other-information', 'either supplementary or supplementaryRemotePartyIdOnly', 'both');
    w.bytes(euiToBytes(header.supplementaryRemotePartyIdOnly));
  } else if (s) {
    w.bytes(euiToBytes(s.remotePartyId)).u64(s.remotePartyCounter, 'supplementary remote party counter');
    if (s.originatorCounter !== undefined && s.remotePartyCertificate !== undefined) {
      throw new GbcsEncodeError('other-information', 'either a supplementary originator counter or a certificate', 'both');
    }
    if (s.originatorCounter !== undefined) w.u64(s.originatorCounter, 'supplementary originator counter');
    if (s.remotePartyCertificate !== undefined) {
      if (s.remotePartyCertificate.length <= 8) {
        throw new GbcsEncodeError('supplementary remote party certificate', 'more than 8 bytes (DER certificate)', `${s.remotePartyCertificate.length} bytes`);
      }
      w.bytes(s.remotePartyCertificate);
    }
  }
  return w.toBytes();
}

/** General Signing grouping header: DF 09 ... content length (for a payload of `contentLength` bytes). */
export function encodeGroupingHeader(header: GbcsHeader, contentLength: number): Uint8Array {
  if (header.cra !== 1 && header.cra !== 2 && header.cra !== 3) {
    throw new GbcsEncodeError('CRA flag', '1, 2 or 3', String(header.cra));
  }
  const w = new ByteWriter()
    .bytes(GENERAL_SIGNING_PREFIX)
    .u8(header.cra, 'CRA flag')
    .u64(header.counter, 'originator counter')
    .u8(8, 'originator system title length')
    .bytes(euiToBytes(header.originator))
    .u8(8, 'recipient system title length')
    .bytes(euiToBytes(header.recipient));
  if (header.dateTime === null) w.u8(0, 'date-time length');
  else w.u8(DATE_TIME_LENGTH, 'date-time length').fixed(header.dateTime, DATE_TIME_LENGTH, 'date-time');
  const otherInfo = encodeOtherInfo(header);
  w.length(otherInfo.length, 'other-information length').bytes(otherInfo);
  w.length(contentLength, 'content length');
  return w.toBytes();
}

/**
 * The signed content: grouping header ‖ payload ‖ signature length ‖ signature (no length byte
 * at all for a pre-command). This is what the MAC wrapper wraps.
 */
export function encodeSignedContent(
  header: GbcsHeader,
  payload: Uint8Array,
  signature: Uint8Array | null,
  preCommand = false,
): Uint8Array {
  const groupingHeader = encodeGroupingHeader(header, payload.length);
  if (preCommand) {
    if (signature !== null) throw new GbcsEncodeError('signature', 'none on a pre-command', `${signature.length} bytes`);
    return concatBytes(groupingHeader, payload);
  }
  const tail = new ByteWriter();
  if (signature === null) tail.u8(0, 'signature length');
  else tail.u8(SIGNATURE_LENGTH, 'signature length').fixed(signature, SIGNATURE_LENGTH, 'signature');
  return concatBytes(groupingHeader, payload, tail.toBytes());
}

/** General Ciphering header for signed content of `signedContentLength` bytes (+ 5-byte security header + 12-byte MAC). */
export function encodeMacHeader(signedContentLength: number): Uint8Array {
  return new ByteWriter()
    .bytes(GENERAL_CIPHERING_PREFIX)
    .length(MAC_SECURITY_HEADER.length + signedContentLength + MAC_LENGTH, 'ciphered service length')
    .bytes(MAC_SECURITY_HEADER)
    .toBytes();
}

/** Encodes a frame exactly as given (the MAC is not computed here: see secure-frame.ts). */
export function encodeFrame(frame: GbcsFrame): Uint8Array {
  const preCommand = frame.preCommand === true;
  if (preCommand && frame.macProtected) throw new GbcsEncodeError('preCommand', 'a pre-command without MAC protection', 'macProtected true');
  const signed = encodeSignedContent(frame, frame.payload, frame.signature, preCommand);
  if (!frame.macProtected) {
    if (frame.mac !== null) throw new GbcsEncodeError('mac', 'null when macProtected is false', `${frame.mac.length} bytes`);
    return signed;
  }
  if (frame.mac === null || frame.mac.length !== MAC_LENGTH) {
    throw new GbcsEncodeError('mac', `${MAC_LENGTH} bytes when macProtected`, frame.mac === null ? 'null' : `${frame.mac.length} bytes`);
  }
  return concatBytes(encodeMacHeader(signed.length), signed, frame.mac);
}

function hex2(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}
