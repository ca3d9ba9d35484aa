// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: the remote parties' side of an emulated premises, as the emulated DCC world
 * would act, with keys from the same key directory: build and MAC a command (as the ACB does),
 * open a response or alert with the recipient's keys and get the cipher of its protected content.
 */
import { chosenKeys, isNoKey, macKeysFor, payloadKeysFor, signerKeyFor } from '../../harness/protocol/gbcs/frame-keys.ts';
import { CRA, type GbcsHeader, type SupplementaryRemoteParty } from '../../harness/protocol/gbcs/frame-types.ts';
import type { PayloadCipher } from '../../harness/protocol/gbcs/payload/payload-cipher.ts';
import { openFrame, payloadCipherFor, sealFrame, type OpenedFrame } from '../../harness/protocol/gbcs/secure-frame.ts';
import type { KeyDirectory } from '../key-directory.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';

export interface CommandHeaderOptions {
  readonly recipient: string;
  readonly messageCode: number;
  readonly counter: bigint;
  readonly originator?: string;
  readonly supplementary?: SupplementaryRemoteParty | null;
}

export function commandHeader(o: CommandHeaderOptions): GbcsHeader {
  return {
    cra: CRA.command,
    counter: o.counter,
    originator: o.originator ?? REMOTE_PARTY.supplier,
    recipient: o.recipient,
    dateTime: null,
    messageCode: o.messageCode,
    supplementary: o.supplementary ?? null,
  };
}

/** A command MAC-wrapped by the ACB for the recipient, as the DCC sends it. */
export function sealCommand(keys: KeyDirectory, header: GbcsHeader, payload: Uint8Array): Uint8Array {
  return sealFrame(header, payload, { mac: chosenKeys(macKeysFor(header, keys, { as: REMOTE_PARTY.accessControlBroker })) });
}

/** Opens a device message as its recipient would, checking the MAC and the signature. */
export function openDeviceMessage(keys: KeyDirectory, bytes: Uint8Array): OpenedFrame {
  const { frame } = openFrame(bytes);
  const signer = signerKeyFor(frame, keys);
  return openFrame(bytes, {
    mac: chosenKeys(macKeysFor(frame, keys, { as: frame.recipient })),
    ...(isNoKey(signer) ? {} : { signerDsPublic: signer.publicKey }),
  });
}

/** The cipher the end party uses to open a device message's protected content. */
export function endPartyCipher(keys: KeyDirectory, header: GbcsHeader): PayloadCipher {
  return payloadCipherFor(header, chosenKeys(payloadKeysFor(header, keys)));
}
