// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How an emulated device checks what it receives and seals what it sends, with the keys GBCS
 * uses (DOMAIN.md, RTDS README; chosen by harness/protocol/gbcs/frame-keys.ts, as the device):
 * - a command's MAC was made with the DCC Access Control Broker's KA private key and the
 *   device's KA public key, so the device checks it with its KA private key and the ACB's KA
 *   public key;
 * - a response's or alert's MAC is made with the device's KA private key and the KA public key
 *   of the recipient named in the frame; a signature with the device's DS private key;
 * - inner-encrypted content uses the device's KA private key and the KA public key of the end
 *   party the payload cipher's KDF names (payloadKeyParameters).
 */
import { normalizeEui } from '../harness/protocol/gbcs/eui.ts';
import { decodeFrame } from '../harness/protocol/gbcs/frame.ts';
import { chosenKeys, isNoKey, macKeysFor, payloadKeysFor, type PartyKeySource } from '../harness/protocol/gbcs/frame-keys.ts';
import type { GbcsHeader, PartyKeys } from '../harness/protocol/gbcs/frame-types.ts';
import type { PayloadCipher } from '../harness/protocol/gbcs/payload/payload-cipher.ts';
import { cosemDateTimeFromDate, encodeCosemDateTime } from '../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { openFrame, payloadCipherFor, sealFrame, type OpenedFrame } from '../harness/protocol/gbcs/secure-frame.ts';
import type { EmulatedDevice } from './device.ts';
import type { KeyDirectory } from './key-directory.ts';
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

/** The keys as `device` holds them: its own pairs, and every other party's from the directory. */
function deviceView(device: EmulatedDevice, keys: KeyDirectory): PartyKeySource {
  const own = ownKeys(device);
  return { key: (eui, name) => (normalizeEui(eui) === device.eui ? own[name] : keys.key(eui, name)) };
}

/** Opens a command addressed to `device`, checking its MAC as the device would (uncheckable when no key applies). */
export function openCommand(bytes: Uint8Array, device: EmulatedDevice, keys: KeyDirectory): OpenedFrame {
  const mac = macKeysFor(decodeFrame(bytes), deviceView(device, keys), { as: device.eui });
  return openFrame(bytes, isNoKey(mac) ? {} : { mac: mac.keys });
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
  return payloadCipherFor(header, chosenKeys(payloadKeysFor(header, deviceView(device, keys), { as: device.eui })));
}

/** Seals a message `device` originates, protected as `protection` says. */
export function sealFromDevice(device: EmulatedDevice, header: GbcsHeader, payload: Uint8Array, protection: MessageProtection, keys: KeyDirectory): Uint8Array {
  const own = ownKeys(device);
  return sealFrame(header, payload, {
    ...(protection.sign ? { sign: { dsPrivateKey: own.ds.privateKey } } : {}),
    ...(protection.mac ? { mac: chosenKeys(macKeysFor(header, deviceView(device, keys), { as: device.eui })) } : {}),
  });
}
