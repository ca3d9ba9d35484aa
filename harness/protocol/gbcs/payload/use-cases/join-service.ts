// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CS03B — Method B Join (SRV 8.7.2, message code 0x000E) and CS04B — Method B Unjoin (SRV 8.8.2,
 * message code 0x0010): a Service User tells a meter to join (or unjoin) another HAN device
 * (Method B: a device without certificates, such as an IHD). Payloads are ASN.1 DER, not DLMS
 * or GBZ [V: RTDS 8.7.2_CS03B, 8.8.2_CS04B — MAC only, unsigned, from the supplier to the GSME]:
 *
 *   CS03B command  SEQUENCE { INTEGER joinMethod, OCTET STRING(8) otherDeviceId, INTEGER otherDeviceType }
 *                  RTDS SUCCESS: 2, 00-DB-12-34-56-78-90-9C, 3; ERROR: 2, 01-02-…-08, 5
 *   CS04B command  OCTET STRING(8) otherDeviceId      RTDS SUCCESS 01-02-…-08; ERROR 03-03-…-03
 *   response       INTEGER result                       RTDS SUCCESS 0; CS03B ERROR 2; CS04B ERROR 1
 *
 * [I] joinMethod: 1 in CS03A2, 2 in CS03B, 3 in CS03C — read as the join method (A, B, C).
 * [P] otherDeviceType and the non-zero results have no public names in the material at hand;
 * they are kept as numbers. JOIN_SERVICE_RESULT names the ones the emulators give.
 */
import type { Eui64 } from '../../frame-types.ts';
import { normalizeEui } from '../../eui.ts';
import { bytesToHex } from '../../hex.ts';
import { decodeDer, type DerNode } from '../asn1-der.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { gncaGbzAlert } from './power-alerts.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

/** [P] Result codes of the join / unjoin responses (0 success as RTDS; the rest read off the RTDS ERROR pairs). */
export const JOIN_SERVICE_RESULT = {
  success: 0,
  /** CS04B ERROR: unjoining a device the meter has not joined. */
  notJoined: 1,
  /** CS03B ERROR: joining with an other-device type the meter does not take. */
  deviceTypeNotSupported: 2,
} as const;

/** [I] Join method B, as CS03B carries it. */
export const JOIN_METHOD_B = 2;
/** [P] Other-device type of a Method B device (RTDS CS03B SUCCESS joins 00-DB-…-9C with 3). */
export const METHOD_B_DEVICE_TYPE = 3;

export interface Cs03bCommand {
  readonly joinMethod: number;
  readonly otherDeviceId: Eui64;
  readonly otherDeviceType: number;
}

export interface Cs04bCommand {
  readonly otherDeviceId: Eui64;
}

export interface JoinServiceResponse {
  /** 0 success; see JOIN_SERVICE_RESULT. */
  readonly result: number;
}

// --- minimal DER writer for the short forms these payloads use -------------------------------

function derTlv(tag: number, content: Uint8Array, field: string): Uint8Array {
  if (content.length > 0x7f) throw new PayloadEncodeError(field, 'at most 127 content bytes', String(content.length));
  return Uint8Array.from([tag, content.length, ...content]);
}

function derInteger(n: number, field: string): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0x7f) throw new PayloadEncodeError(field, 'a whole number 0..127', String(n));
  return derTlv(0x02, Uint8Array.of(n), field);
}

function derOctetString(bytes: Uint8Array, field: string): Uint8Array {
  return derTlv(0x04, bytes, field);
}

// --- reader checks ------------------------------------------------------------------------------

function one(payload: Uint8Array, field: string): DerNode {
  const nodes = decodeDer(payload);
  if (nodes.length !== 1) throw new PayloadDecodeError(nodes[1]?.offset ?? 0, field, 'one DER value covering the payload', `${nodes.length} values`);
  return nodes[0] as DerNode;
}

function expectUniversal(n: DerNode, name: string, field: string): DerNode {
  if (n.tagClass !== 'universal' || n.name !== name) throw new PayloadDecodeError(n.offset, field, name, n.name);
  return n;
}

function readInteger(n: DerNode, field: string): number {
  expectUniversal(n, 'INTEGER', field);
  const c = n.content;
  if (c.length !== 1 || (c[0] as number) > 0x7f) throw new PayloadDecodeError(n.offset, field, 'a one-byte INTEGER 0..127', bytesToHex(c));
  return c[0] as number;
}

function readEui(n: DerNode, field: string): Eui64 {
  expectUniversal(n, 'OCTET STRING', field);
  if (n.content.length !== 8) throw new PayloadDecodeError(n.offset, field, 'an 8-byte device id', `${n.content.length} bytes`);
  return normalizeEui(bytesToHex(n.content));
}

function encodeResult(f: JoinServiceResponse, name: string): Uint8Array {
  return derInteger(f.result, `${name} response.result`);
}

function decodeResult(payload: Uint8Array): JoinServiceResponse {
  return { result: readInteger(one(payload, 'response'), 'response.result') };
}

export const cs03b: UseCaseCodec<Cs03bCommand, JoinServiceResponse> = {
  kind: 'command-response',
  name: 'CS03B',
  messageCode: 0x000e,
  srv: '8.7.2',
  title: 'Method B Join',
  payloadKind: 'der',

  encodeCommand(f) {
    const content = Uint8Array.from([
      ...derInteger(f.joinMethod, 'CS03B command.joinMethod'),
      ...derOctetString(euiFieldBytes(f.otherDeviceId, 'CS03B command.otherDeviceId'), 'CS03B command.otherDeviceId'),
      ...derInteger(f.otherDeviceType, 'CS03B command.otherDeviceType'),
    ]);
    return derTlv(0x30, content, 'CS03B command');
  },

  decodeCommand(payload) {
    const seq = expectUniversal(one(payload, 'command'), 'SEQUENCE', 'command');
    const items = seq.children ?? [];
    if (items.length !== 3) throw new PayloadDecodeError(seq.offset, 'command', 'a SEQUENCE of 3 (join method, other device, its type)', `${items.length} elements`);
    return {
      joinMethod: readInteger(items[0] as DerNode, 'command.join-method'),
      otherDeviceId: readEui(items[1] as DerNode, 'command.other-device-id'),
      otherDeviceType: readInteger(items[2] as DerNode, 'command.other-device-type'),
    };
  },

  encodeResponse: (f) => encodeResult(f, 'CS03B'),
  decodeResponse: (payload) => decodeResult(payload),
};

export const cs04b: UseCaseCodec<Cs04bCommand, JoinServiceResponse> = {
  kind: 'command-response',
  name: 'CS04B',
  messageCode: 0x0010,
  srv: '8.8.2',
  title: 'Method B Unjoin',
  payloadKind: 'der',

  encodeCommand(f) {
    return derOctetString(euiFieldBytes(f.otherDeviceId, 'CS04B command.otherDeviceId'), 'CS04B command.otherDeviceId');
  },

  decodeCommand(payload) {
    return { otherDeviceId: readEui(one(payload, 'command'), 'command.other-device-id') };
  },

  encodeResponse: (f) => encodeResult(f, 'CS04B'),
  decodeResponse: (payload) => decodeResult(payload),
};

// --- the alerts that tell the join / unjoin outcome ----------------------------------------------

export const ALERT_DEVICE_JOIN_FAILED = 0x8f48;
export const ALERT_DEVICE_JOINED = 0x8f49;
export const ALERT_DEVICE_UNJOIN_FAILED = 0x8f4a;
export const ALERT_DEVICE_UNJOINED = 0x8f4b;

/**
 * [P] The GSME's join-service alerts have no RTDS message: they are taken to be non-critical
 * alerts carried by the Generic Non Critical Alert (GNCA, 0x1001) with no components, shaped
 * as RTDS GNCA-ZigBee_NA_810E_ALERT, as the GSME power alerts are (power-alerts.ts). The ESME's
 * (GNCA DLMS) would share message code and alert code with these: not emulated, so not registered.
 */
export const gncaDeviceJoined = gncaGbzAlert(ALERT_DEVICE_JOINED, 'Device Joined');
export const gncaDeviceJoinFailed = gncaGbzAlert(ALERT_DEVICE_JOIN_FAILED, 'Device Join Failed');
export const gncaDeviceUnjoined = gncaGbzAlert(ALERT_DEVICE_UNJOINED, 'Device Unjoined');
export const gncaDeviceUnjoinFailed = gncaGbzAlert(ALERT_DEVICE_UNJOIN_FAILED, 'Device Unjoin Failed');
