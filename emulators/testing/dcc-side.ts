// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: the remote parties' side of an emulated premises, as the emulated DCC world
 * would act, with keys from the same key directory: build and MAC a command (as the ACB does),
 * open a response or alert with the recipient's keys and get the cipher of its protected content.
 */
import { payloadKeyParameters } from '../../harness/protocol/gbcs/crypto/payload-cipher.ts';
import { CRA, type GbcsHeader, type SupplementaryRemoteParty } from '../../harness/protocol/gbcs/frame-types.ts';
import type { PayloadCipher } from '../../harness/protocol/gbcs/payload/payload-cipher.ts';
import { openFrame, payloadCipherFor, sealFrame, type OpenedFrame } from '../../harness/protocol/gbcs/secure-frame.ts';
import type { KeyDirectory } from '../key-directory.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';

function privateKa(keys: KeyDirectory, eui: string): Uint8Array {
  const key = keys.keysOf(eui).ka.privateKey;
  if (!key) throw new Error(`the key directory has no KA private key for ${eui}`);
  return key;
}

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
  return sealFrame(header, payload, {
    mac: { localKaPrivate: privateKa(keys, REMOTE_PARTY.accessControlBroker), peerKaPublic: keys.keysOf(header.recipient).ka.publicKey },
  });
}

/** Opens a device message as its recipient would, checking the MAC. */
export function openDeviceMessage(keys: KeyDirectory, bytes: Uint8Array): OpenedFrame {
  const probe = openFrame(bytes);
  return openFrame(bytes, {
    mac: { localKaPrivate: privateKa(keys, probe.frame.recipient), peerKaPublic: keys.keysOf(probe.frame.originator).ka.publicKey },
    signerDsPublic: keys.keysOf(probe.frame.originator).ds.publicKey,
  });
}

/** The cipher the end party uses to open a device message's protected content. */
export function endPartyCipher(keys: KeyDirectory, header: GbcsHeader): PayloadCipher {
  const endParty = payloadKeyParameters(header).recipient;
  return payloadCipherFor(header, { localKaPrivate: privateKa(keys, endParty), peerKaPublic: keys.keysOf(header.originator).ka.publicKey });
}
