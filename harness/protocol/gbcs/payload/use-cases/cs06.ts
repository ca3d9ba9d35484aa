// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CS06 — Activate Firmware (SRV 11.3), message code 0x0012, to an ESME, a GSME or the CHF: the
 * device activates the firmware image it holds (distributed earlier by SRV 11.1) when the hash
 * it calculates over that image equals the command's. A critical command: the DCC builds a
 * pre-command, the user signs it (RTDS CS06_11.3_*_PRECOMMAND / _COMMAND). ASN.1 DER payloads
 * [V: RTDS 11.3_CS06; field names as the public GBCS message parser (Smart DCC) reads them]:
 *
 *   command   SEQUENCE { manufacturerImageHash OCTET STRING (32), originatorCounter INTEGER,
 *                        executionDateTime GeneralizedTime OPTIONAL }
 *   response  NULL — a future-dated command accepted (RTDS FUTURE_DATED and CANCELLATION) —
 *             or ExecutionOutcome SEQUENCE { responseCode INTEGER, firmwareVersion OCTET STRING }
 *   alert     (message code 0x00CA, Future-dated Firmware Activation Alert) SEQUENCE { alertCode
 *             INTEGER (0x8F66 actioned / 0x8F67 not actioned), executionDateTime GeneralizedTime,
 *             originatorCounter INTEGER, ExecutionOutcome }
 *
 * RTDS: IMMEDIATE_SUCCESS → outcome 0 with version 0123ABCE; IMMEDIATE_ERROR → 1 (no image
 * held) with the running version 0123ABCF; FUTURE_DATED 2030-01-15 09:00 → NULL, then 0x8F66
 * with outcome 0; FUTURE_DATED_ERROR 2030-01-01 → NULL, then 0x8F67 with outcome 2 (hash
 * mismatch). A cancellation is a future-dated command for 9999-12-31 23:59:59 (DUIS writes
 * ExecutionDateTime 3000-12-31) [I: RTDS CANCELLATION]. The originator counter in the payload
 * is the command's own (RTDS: the grouping header's counter, 1000 … 1005); the 0x00CA alert
 * repeats it so the user knows which command was actioned.
 * Response codes [I]: 0 success, 1 no image held, 2 hash mismatch, 3 activation failure.
 */
import { bytesToHex } from '../../hex.ts';
import type { DerNode } from '../asn1-der.ts';
import {
  DER_TAG,
  derBigUnsignedInteger,
  derGeneralizedTime,
  derNull,
  derOctetString,
  derSequence,
  derSmallInteger,
  expectDerNull,
  expectDerSequence,
  expectDerUniversal,
  oneDerValue,
  readDerGeneralizedTime,
  readDerSmallInteger,
  readDerUnsignedInteger,
} from '../der-fields.ts';
import { namedEnum } from '../named-enum.ts';
import { hashFieldBytes, hexFieldBytes } from '../field-bytes.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { ALERT_FUTURE_DATED_ACTIONED } from './future-dated-execution-alert.ts';
import type { AlertCodec, UseCaseCodec } from './use-case-codec.ts';

export const CS06_MESSAGE_CODE = 0x0012;
/** Future-dated Firmware Activation Alert [V: message-codes.json]. */
export const MESSAGE_CODE_FUTURE_DATED_FIRMWARE_ACTIVATION = 0x00ca;
export const ALERT_FUTURE_DATED_NOT_ACTIONED = 0x8f67;

/** The execution date-time of a cancellation (RTDS CS06_11.3_CANCELLATION: 99991231235959Z). */
export const CS06_CANCELLATION_DATE_TIME = '9999-12-31T23:59:59Z';

export const ActivateFirmwareResults = namedEnum('activate-firmware-result', {
  success: 0,
  'no-image-held': 1,
  'hash-mismatch': 2,
  'activation-failure': 3,
});
export type ActivateFirmwareResult = ReturnType<typeof ActivateFirmwareResults.nameOf>;

export interface Cs06Command {
  /** SHA-256 over the manufacturer image, 64 hex digits. */
  readonly manufacturerImageHash: string;
  /** The command's originator counter, repeated in the payload. */
  readonly originatorCounter: bigint;
  /** ISO UTC to the second; null: activate now; CS06_CANCELLATION_DATE_TIME: cancel a pending one. */
  readonly executionDateTime: string | null;
}

/** What the device reports after (trying to) activate: its result and the version it runs then. */
export interface ActivateFirmwareOutcome {
  readonly result: ActivateFirmwareResult;
  /** The firmware version octet string the device runs, upper-case hex. */
  readonly firmwareVersion: string;
}

export type Cs06Response = ({ readonly kind: 'outcome' } & ActivateFirmwareOutcome) | { readonly kind: 'accepted' };

export interface FutureDatedFirmwareActivationAlert {
  /** When the activation was due, ISO UTC to the second. */
  readonly executionDateTime: string;
  /** The originator counter of the CS06 command this is about. */
  readonly originatorCounter: bigint;
  readonly outcome: ActivateFirmwareOutcome;
}

const HASH_BYTES = 32;


function readOctets(n: DerNode, field: string, length?: number): Uint8Array {
  const c = expectDerUniversal(n, 'OCTET STRING', field).content;
  if (length !== undefined && c.length !== length) throw new PayloadDecodeError(n.offset, field, `${length} bytes`, `${c.length} bytes`);
  return c;
}

function encodeOutcome(o: ActivateFirmwareOutcome, field: string): Uint8Array {
  return derSequence(
    [derSmallInteger(ActivateFirmwareResults.codeOf(o.result, `${field}.result`), `${field}.result`), derOctetString(hexFieldBytes(o.firmwareVersion, `${field}.firmwareVersion`), `${field}.firmwareVersion`)],
    field,
  );
}

function decodeOutcome(n: DerNode, field: string): ActivateFirmwareOutcome {
  const [code, version] = expectDerSequence(n, field, 2, 'response code, firmware version') as [DerNode, DerNode];
  return { result: ActivateFirmwareResults.nameOf(readDerSmallInteger(code, `${field}.response-code`)), firmwareVersion: bytesToHex(readOctets(version, `${field}.firmware-version`)) };
}

export const cs06: UseCaseCodec<Cs06Command, Cs06Response> = {
  kind: 'command-response',
  name: 'CS06',
  messageCode: CS06_MESSAGE_CODE,
  srv: '11.3',
  title: 'Activate Firmware',
  payloadKind: 'der',

  encodeCommand(f) {
    const items = [derOctetString(hashFieldBytes(f.manufacturerImageHash, 'CS06 command.manufacturerImageHash'), 'CS06 command.manufacturerImageHash'), derBigUnsignedInteger(f.originatorCounter, 'CS06 command.originatorCounter')];
    if (f.executionDateTime !== null) items.push(derGeneralizedTime(f.executionDateTime, 'CS06 command.executionDateTime'));
    return derSequence(items, 'CS06 command');
  },

  decodeCommand(payload) {
    const items = expectDerSequence(oneDerValue(payload, 'command'), 'command');
    if (items.length !== 2 && items.length !== 3) {
      throw new PayloadDecodeError(0, 'command', 'a SEQUENCE of 2 or 3 (image hash, originator counter[, execution date-time])', `${items.length} elements`);
    }
    const [hash, counter, when] = items as [DerNode, DerNode, DerNode | undefined];
    return {
      manufacturerImageHash: bytesToHex(readOctets(hash, 'command.manufacturer-image-hash', HASH_BYTES)),
      originatorCounter: readDerUnsignedInteger(counter, 'command.originator-counter'),
      executionDateTime: when ? readDerGeneralizedTime(when, 'command.execution-date-time') : null,
    };
  },

  encodeResponse(f) {
    return f.kind === 'accepted' ? derNull() : encodeOutcome(f, 'CS06 response');
  },

  decodeResponse(payload) {
    const n = oneDerValue(payload, 'response');
    if (n.tagClass === 'universal' && n.tagNumber === DER_TAG.null) {
      expectDerNull(n, 'response.command-accepted');
      return { kind: 'accepted' };
    }
    return { kind: 'outcome', ...decodeOutcome(n, 'response.execution-outcome') };
  },
};

function futureDatedAlert(alertCode: number, what: string): AlertCodec<FutureDatedFirmwareActivationAlert> {
  return {
    kind: 'alert',
    name: 'CS06',
    messageCode: MESSAGE_CODE_FUTURE_DATED_FIRMWARE_ACTIVATION,
    srv: '11.3',
    title: `Future-dated Firmware Activation Alert: ${what} (0x${alertCode.toString(16).toUpperCase()})`,
    payloadKind: 'der',
    alertCode,
    encodeAlert(f) {
      const field = 'CS06 alert';
      return derSequence(
        [
          derBigUnsignedInteger(BigInt(alertCode), `${field}.alertCode`),
          derGeneralizedTime(f.executionDateTime, `${field}.executionDateTime`),
          derBigUnsignedInteger(f.originatorCounter, `${field}.originatorCounter`),
          encodeOutcome(f.outcome, `${field}.outcome`),
        ],
        field,
      );
    },
    decodeAlert(payload) {
      const [code, when, counter, outcome] = expectDerSequence(oneDerValue(payload, 'alert'), 'alert', 4, 'alert code, execution date-time, originator counter, outcome') as [DerNode, DerNode, DerNode, DerNode];
      const found = readDerUnsignedInteger(code, 'alert.alert-code');
      if (found !== BigInt(alertCode)) throw new PayloadDecodeError(code.offset, 'alert.alert-code', `0x${alertCode.toString(16).toUpperCase()} (${what})`, `0x${found.toString(16).toUpperCase()}`);
      return {
        executionDateTime: readDerGeneralizedTime(when, 'alert.execution-date-time'),
        originatorCounter: readDerUnsignedInteger(counter, 'alert.originator-counter'),
        outcome: decodeOutcome(outcome, 'alert.execution-outcome'),
      };
    },
  };
}

/** 0x8F66 in a 0x00CA alert: the future-dated activation took place (its outcome inside). */
export const cs06FutureDatedActioned = futureDatedAlert(ALERT_FUTURE_DATED_ACTIONED, 'Future Dated Command Actioned');
/** 0x8F67 in a 0x00CA alert: the future-dated activation could not take place (RTDS: hash mismatch). */
export const cs06FutureDatedNotActioned = futureDatedAlert(ALERT_FUTURE_DATED_NOT_ACTIONED, 'Future Dated Command Not Actioned');
