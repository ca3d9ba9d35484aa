// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The join service's GBCS use cases: a Service User tells a meter to join (or unjoin) another
 * HAN device. Payloads are ASN.1 DER (der-fields.ts), not DLMS or GBZ; the join commands share
 * one shape, the unjoin commands another [V: RTDS 8.7.1_CS03A1, 8.7.1_CS03CCritical, 8.7.2_CS03B,
 * 8.8.1_CS04ACCritical, 8.8.2_CS04B]:
 *
 *   join command    SEQUENCE { INTEGER joinMethodAndRole, OCTET STRING(8) otherDeviceId,
 *                              INTEGER otherDeviceType, Certificate otherDeviceCertificate OPTIONAL }
 *   unjoin command  OCTET STRING(8) otherDeviceId
 *   response        INTEGER result
 *
 * | use case | code   | SRV            | method | RTDS                                                        | protection        |
 * | -------- | ------ | -------------- | ------ | ----------------------------------------------------------- | ----------------- |
 * | CS03A1   | 0x000D | 8.7.1          | A (0)  | ESME joins 00-DB-…-9A type 4 → 0; again as type 5 → 3       | critical: signed  |
 * | CS03B    | 0x000E | 8.7.2          | B (2)  | GSME joins 00-DB-…-9C type 3 → 0; 01-02-…-08 type 5 → 2     | MAC only          |
 * | CS03C    | 0x00AF | 8.7.1 (8.7.2)  | C (3)  | GSME joins 00-DB-…-98 type 5 with its KA certificate → 0    | critical: signed  |
 * | CS04AC   | 0x000F | 8.8.1 (8.8.2)  | —      | ESME unjoins 00-DB-…-99 → 0; 03-03-…-03 → 1                 | critical: signed  |
 * | CS04B    | 0x0010 | 8.8.2          | —      | GSME unjoins 01-02-…-08 → 0; 03-03-…-03 → 1                 | MAC only          |
 *
 * Responses of the critical ones are signed by the meter, with no MAC (as ECS70); CS03B / CS04B
 * responses are MACed. [I] The join method and role, the device types and the result codes are
 * named below as the public GBCS message parser (Smart DCC) reads them; RTDS fits that reading
 * except CS03B, whose Method B device is sent as type 3 (GPF): METHOD_B_DEVICE_TYPE keeps the
 * RTDS value [P].
 */
import type { Eui64 } from '../../frame-types.ts';
import {
  derOctetString,
  derSequence,
  derSmallInteger,
  expectDerSequence,
  oneDerValue,
  readDerEui,
  readDerSmallInteger,
} from '../der-fields.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { gncaGbzAlert } from './power-alerts.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

/**
 * [I] Result codes of the join / unjoin responses. Join: 0 success, 1 invalid message code for
 * the join method and role, 2 invalid join method and role, 3 incompatible with an existing
 * entry, 4 device log full (5 write failure, 6–10 key agreement failures, 11 invalid or missing
 * certificate, 12 no partner link key, 13 no CBKE response). Unjoin: 0 success, 1 not in the
 * device log, 2 other failure. Named here: the ones the emulators give.
 */
export const JOIN_SERVICE_RESULT = {
  success: 0,
  /** Unjoin (CS04B / CS04AC ERROR): the device is not in the meter's device log. */
  notJoined: 1,
  /** Join (CS03B ERROR): the join method does not fit the other device's type. */
  deviceTypeNotSupported: 2,
  /** Join (CS03A1 ERROR): the device is already joined as another type. */
  incompatibleWithExistingEntry: 3,
  /** Join: the meter's device log has no room left. */
  deviceLogFull: 4,
  /** Join (RTDS CS03CNonCritical ERROR): a Method C join without a usable certificate. */
  invalidOrMissingCertificate: 11,
} as const;

/** [I] Join method and role, the first field of a join command. */
export const JOIN_METHOD = { methodAInitiator: 0, methodAResponder: 1, methodB: 2, methodC: 3 } as const;
/** [I] Join method B, as CS03B carries it. */
export const JOIN_METHOD_B = JOIN_METHOD.methodB;

/** [I] Device types of the join commands. */
export const JOIN_DEVICE_TYPE = { GSME: 0, ESME: 1, CHF: 2, GPF: 3, HCALCS: 4, PPMID: 5, type2: 6 } as const;

/** [P] Other-device type of a Method B device (RTDS CS03B SUCCESS joins 00-DB-…-9C with 3). */
export const METHOD_B_DEVICE_TYPE = 3;

export interface JoinCommand {
  readonly joinMethod: number;
  readonly otherDeviceId: Eui64;
  readonly otherDeviceType: number;
  /**
   * DER X.509 certificate of the other device, when the command carries one (CS03C: its key
   * agreement certificate, which the meter cannot fetch itself; RTDS CS03CNonCritical ERROR
   * omits it and is answered 11, invalid or missing certificate).
   */
  readonly otherDeviceCertificate?: Uint8Array;
}

export type Cs03bCommand = JoinCommand;

export interface UnjoinCommand {
  readonly otherDeviceId: Eui64;
}

export type Cs04bCommand = UnjoinCommand;

export interface JoinServiceResponse {
  /** 0 success; see JOIN_SERVICE_RESULT. */
  readonly result: number;
}

interface Identity {
  readonly name: string;
  readonly messageCode: number;
  readonly srv: string;
  readonly otherSrvs?: readonly string[];
  readonly title: string;
}

const response = (name: string) => ({
  encodeResponse: (f: JoinServiceResponse) => derSmallInteger(f.result, `${name} response.result`),
  decodeResponse: (payload: Uint8Array): JoinServiceResponse => ({ result: readDerSmallInteger(oneDerValue(payload, 'response'), 'response.result') }),
});

/** A join use case (CS03A1, CS03B, CS03C): three fields, then the other device's certificate when given. */
function joinCodec(identity: Identity): UseCaseCodec<JoinCommand, JoinServiceResponse> {
  const { name } = identity;
  return {
    kind: 'command-response',
    ...identity,
    payloadKind: 'der',

    encodeCommand(f) {
      const certificate = f.otherDeviceCertificate;
      if (certificate) expectDerSequence(oneDerValue(certificate, `${name} command.otherDeviceCertificate`), `${name} command.otherDeviceCertificate`);
      return derSequence(
        [
          derSmallInteger(f.joinMethod, `${name} command.joinMethod`),
          derOctetString(euiFieldBytes(f.otherDeviceId, `${name} command.otherDeviceId`), `${name} command.otherDeviceId`),
          derSmallInteger(f.otherDeviceType, `${name} command.otherDeviceType`),
          ...(certificate ? [certificate] : []),
        ],
        `${name} command`,
      );
    },

    decodeCommand(payload) {
      const items = expectDerSequence(oneDerValue(payload, 'command'), 'command');
      if (items.length !== 3 && items.length !== 4) {
        throw new PayloadDecodeError(0, 'command', 'a SEQUENCE of 3 or 4 (join method, other device, its type[, its certificate])', `${items.length} elements`);
      }
      const command: JoinCommand = {
        joinMethod: readDerSmallInteger(items[0]!, 'command.join-method'),
        otherDeviceId: readDerEui(items[1]!, 'command.other-device-id'),
        otherDeviceType: readDerSmallInteger(items[2]!, 'command.other-device-type'),
      };
      const certificate = items[3];
      if (!certificate) return command;
      expectDerSequence(certificate, 'command.other-device-certificate');
      // the last element of a SEQUENCE that covers the payload: the certificate runs to its end
      return { ...command, otherDeviceCertificate: payload.slice(certificate.offset) };
    },

    ...response(name),
  };
}

/** An unjoin use case (CS04AC, CS04B). */
function unjoinCodec(identity: Identity): UseCaseCodec<UnjoinCommand, JoinServiceResponse> {
  return {
    kind: 'command-response',
    ...identity,
    payloadKind: 'der',
    encodeCommand: (f) => derOctetString(euiFieldBytes(f.otherDeviceId, `${identity.name} command.otherDeviceId`), `${identity.name} command.otherDeviceId`),
    decodeCommand: (payload) => ({ otherDeviceId: readDerEui(oneDerValue(payload, 'command'), 'command.other-device-id') }),
    ...response(identity.name),
  };
}

export const cs03a1 = joinCodec({ name: 'CS03A1', messageCode: 0x000d, srv: '8.7.1', title: 'Method A Join (Meter)' });
export const cs03b = joinCodec({ name: 'CS03B', messageCode: 0x000e, srv: '8.7.2', title: 'Method B Join' });
export const cs03c = joinCodec({ name: 'CS03C', messageCode: 0x00af, srv: '8.7.1', otherSrvs: ['8.7.2'], title: 'Method C Join' });
export const cs04ac = unjoinCodec({ name: 'CS04AC', messageCode: 0x000f, srv: '8.8.1', otherSrvs: ['8.8.2'], title: 'Method A or C Unjoin' });
export const cs04b = unjoinCodec({ name: 'CS04B', messageCode: 0x0010, srv: '8.8.2', title: 'Method B Unjoin' });

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
