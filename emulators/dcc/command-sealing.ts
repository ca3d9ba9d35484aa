// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The GBCS command the emulated DCC sends for a DUIS request, built and protected as the RTDS
 * command of the same use case [V: PAYLOADS.md]:
 * - grouping header: CRA 01 (command), no date-time (00), the use case's message code;
 *   originator and counter as srv-transforms.ts says (the user and the RequestID counter, or
 *   the ACB with its own counter and the user + RequestID counter as supplementary remote party);
 * - payload from the typed use-case codec, with the header as its context (DLMS invoke id and
 *   protection parameters derive from it);
 * - MAC only: General Ciphering wrapper, signature length 00, MAC key from the DCC Access
 *   Control Broker's KA private key and the recipient device's KA public key (the DCC applies
 *   the MAC on every command, whoever originates it; harness/protocol/gbcs/frame-keys.ts).
 * - critical commands (srv-transforms.ts `critical`): the pre-command first (no signature field,
 *   no MAC); the user's signed pre-command (signature 40 + 64 bytes) is MAC-wrapped as above.
 */
import { chosenKeys, macKeysFor } from '../../harness/protocol/gbcs/frame-keys.ts';
import type { Eui64, GbcsHeader } from '../../harness/protocol/gbcs/frame-types.ts';
import { sealFrame, wrapWithMac } from '../../harness/protocol/gbcs/secure-frame.ts';
import type { KeyDirectory } from '../key-directory.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import type { SrvTransform } from './srv-transforms.ts';

export interface CommandInput {
  readonly transform: SrvTransform;
  /** The command fields (transform.commandFields of the body). */
  readonly fields: unknown;
  /** The Service User sending the request. */
  readonly user: Eui64;
  /** The DUIS RequestID counter. */
  readonly requestCounter: bigint;
  /** The recipient device. */
  readonly device: Eui64;
  /** The ACB's next originator counter (called only for ACB-originated commands). */
  readonly nextAcbCounter: () => bigint;
}

export interface DccCommand {
  readonly header: GbcsHeader;
  readonly frame: Uint8Array;
}

export function commandHeader(input: Omit<CommandInput, 'fields'>): GbcsHeader {
  const base = {
    cra: 1 as const,
    recipient: input.device,
    dateTime: null,
    messageCode: input.transform.codec.messageCode,
  };
  if (input.transform.originator === 'service-user') {
    return { ...base, originator: input.user, counter: input.requestCounter, supplementary: null };
  }
  return {
    ...base,
    originator: REMOTE_PARTY.accessControlBroker,
    counter: input.nextAcbCounter(),
    supplementary: { remotePartyId: input.user, remotePartyCounter: input.requestCounter },
  };
}

/**
 * The pre-command of a critical command (CV 4): grouping header ‖ payload, no signature length
 * byte, no MAC (RTDS ECS70Commission_8.1.1_SUCCESS_PRECOMMAND), for the user to sign.
 */
export function buildPreCommand(input: CommandInput): DccCommand {
  const header = commandHeader(input);
  const payload = input.transform.codec.encodeCommand(input.fields, { header });
  return { header, frame: sealFrame(header, payload, { preCommand: true }) };
}

/**
 * The command a user's signed pre-command (CV 5) becomes: checked to be the pre-command issued
 * with a signature field after it, then MAC-wrapped as every command (the signature itself is
 * the device's to check). Throws a RangeError saying what differs.
 */
export function macSignedPreCommand(issued: DccCommand, signed: Uint8Array, keys: KeyDirectory): DccCommand {
  const pre = issued.frame;
  const same = signed.length > pre.length && pre.every((b, i) => signed[i] === b);
  if (!same) throw new RangeError('the signed pre-command is not the pre-command the DCC issued for this RequestID followed by a signature');
  const tail = signed.length - pre.length;
  if (tail !== 1 + 64 || signed[pre.length] !== 0x40) {
    throw new RangeError(`after the pre-command comes the signature field 40 + 64 bytes, found ${tail} byte(s)`);
  }
  const frame = wrapWithMac(issued.header, signed, chosenKeys(macKeysFor(issued.header, keys, { as: REMOTE_PARTY.accessControlBroker })));
  return { header: issued.header, frame };
}

/** Builds, encodes and MACs the command. Codec errors (PayloadEncodeError) propagate. */
export function buildDccCommand(input: CommandInput, keys: KeyDirectory): DccCommand {
  const header = commandHeader(input);
  const payload = input.transform.codec.encodeCommand(input.fields, { header });
  const frame = sealFrame(header, payload, { mac: chosenKeys(macKeysFor(header, keys, { as: REMOTE_PARTY.accessControlBroker })) });
  return { header, frame };
}
