// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How an emulated device checks what it receives and seals what it sends, with the keys GBCS
 * uses (DOMAIN.md, RTDS README):
 * - a command's MAC was made with the DCC Access Control Broker's KA private key and the
 *   device's KA public key, so the device checks it with its KA private key and the ACB's KA
 *   public key;
 * - a response's or alert's MAC is made with the device's KA private key and the KA public key
 *   of the recipient named in the frame; a signature with the device's DS private key;
 * - inner-encrypted content uses the device's KA private key and the KA public key of the end
 *   party the payload cipher's KDF names (payloadKeyParameters).
 */
import { payloadKeyParameters } from '../harness/protocol/gbcs/crypto/payload-cipher.ts';
import type { GbcsHeader, PartyKeys } from '../harness/protocol/gbcs/frame-types.ts';
import type { PayloadCipher } from '../harness/protocol/gbcs/payload/payload-cipher.ts';
import { cosemDateTimeFromDate, encodeCosemDateTime } from '../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { openFrame, payloadCipherFor, sealFrame, type OpenedFrame } from '../harness/protocol/gbcs/secure-frame.ts';
import type { EmulatedDevice } from './device.ts';
import type { KeyDirectory } from './key-directory.ts';
import { REMOTE_PARTY } from './remote-parties.ts';
import type { MessageProtection } from './use-cases/emulated-use-case.ts';

type PrivatePair = { readonly publicKey: Uint8Array; readonly privateKey: Uint8Array };

function ownKeys(device: EmulatedDevice): { ds: PrivatePair; ka: PrivatePair } {
  const keys: PartyKeys | null = device.keys;
  const ds = keys?.ds;
  const ka = keys?.ka;
  if (!ds?.privateKey || !ka?.privateKey) {
    throw new Error(`the ${device.deviceType} ${device.eui} has no private keys: give the premises a key directory that knows it`);
  }
  return { ds: { publicKey: ds.publicKey, privateKey: ds.privateKey }, ka: { publicKey: ka.publicKey, privateKey: ka.privateKey } };
}

/** Opens a command addressed to `device`, checking its MAC as the device would. */
export function openCommand(bytes: Uint8Array, device: EmulatedDevice, keys: KeyDirectory): OpenedFrame {
  return openFrame(bytes, {
    mac: { localKaPrivate: ownKeys(device).ka.privateKey, peerKaPublic: keys.keysOf(REMOTE_PARTY.accessControlBroker).ka.publicKey },
  });
}

/** The header date-time a message with this protection carries at `nowMs`. */
export function headerDateTime(protection: MessageProtection, nowMs: number): Uint8Array | null {
  if (!protection.dateTime) return null;
  return encodeCosemDateTime(cosemDateTimeFromDate(new Date(nowMs), { clockStatus: protection.dateTime.clockStatus }));
}

/** The header of a response: same counter, message code and supplementary party as the command, direction reversed. */
export function responseHeader(command: GbcsHeader, device: EmulatedDevice, protection: MessageProtection, nowMs: number): GbcsHeader {
  return {
    cra: 2,
    counter: command.counter,
    originator: device.eui,
    recipient: command.originator,
    dateTime: headerDateTime(protection, nowMs),
    messageCode: command.messageCode,
    supplementary: command.supplementary,
    ...(command.supplementaryRemotePartyIdOnly !== undefined ? { supplementaryRemotePartyIdOnly: command.supplementaryRemotePartyIdOnly } : {}),
  };
}

/** The cipher for the inner-encrypted content of a message `device` originates with this header. */
export function innerCipher(device: EmulatedDevice, header: GbcsHeader, keys: KeyDirectory): PayloadCipher {
  const endParty = payloadKeyParameters(header).recipient;
  return payloadCipherFor(header, { localKaPrivate: ownKeys(device).ka.privateKey, peerKaPublic: keys.keysOf(endParty).ka.publicKey });
}

/** Seals a message `device` originates, protected as `protection` says. */
export function sealFromDevice(device: EmulatedDevice, header: GbcsHeader, payload: Uint8Array, protection: MessageProtection, keys: KeyDirectory): Uint8Array {
  const own = ownKeys(device);
  return sealFrame(header, payload, {
    ...(protection.sign ? { sign: { dsPrivateKey: own.ds.privateKey } } : {}),
    ...(protection.mac ? { mac: { localKaPrivate: own.ka.privateKey, peerKaPublic: keys.keysOf(header.recipient).ka.publicKey } } : {}),
  });
}
