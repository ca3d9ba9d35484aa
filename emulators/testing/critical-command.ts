// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: a critical GBCS command as it reaches a device — the emulated DCC's pre-command
 * for an SRV's transform (dcc/command-sealing.ts), signed by the supplier with its DS key (or
 * not, or with a flipped bit), then MAC-wrapped by the ACB — for emulator tests that drive a
 * premises directly, without the DUIS edge.
 */
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import { sealFrame } from '../../harness/protocol/gbcs/secure-frame.ts';
import { chosenKeys, macKeysFor } from '../../harness/protocol/gbcs/frame-keys.ts';
import { buildPreCommand, macSignedPreCommand } from '../dcc/command-sealing.ts';
import { findSrvTransform } from '../dcc/srv-transforms.ts';
import type { DeviceType } from '../device.ts';
import type { KeyDirectory } from '../key-directory.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';

export interface CriticalCommandInput {
  readonly srv: string;
  readonly targetType: DeviceType;
  readonly device: string;
  /** The command fields (the transform codec's). */
  readonly fields: unknown;
  /** The user's RequestID counter: the command's originator counter. */
  readonly counter: bigint;
  /** signed (default), none (no signature field) or wrong (one bit of the signature flipped). */
  readonly signature?: 'signed' | 'none' | 'wrong';
}

export function criticalCommand(keys: KeyDirectory, input: CriticalCommandInput): Uint8Array {
  const transform = findSrvTransform(input.srv, input.targetType);
  if (!transform?.critical) throw new Error(`no critical transform for SRV ${input.srv} to a ${input.targetType}`);
  const pre = buildPreCommand({ transform, fields: input.fields, user: REMOTE_PARTY.supplier, requestCounter: input.counter, device: input.device, nextAcbCounter: () => 1n });
  const frame = decodeFrame(pre.frame);
  if (input.signature === 'none') {
    return sealFrame(pre.header, frame.payload, { mac: chosenKeys(macKeysFor(pre.header, keys, { as: REMOTE_PARTY.accessControlBroker })) });
  }
  const signed = sealFrame(frame, frame.payload, { sign: { dsPrivateKey: keys.keysOf(REMOTE_PARTY.supplier).ds.privateKey! } });
  if (input.signature === 'wrong') signed[signed.length - 1] = (signed[signed.length - 1] as number) ^ 0x01;
  return macSignedPreCommand(pre, signed, keys).frame;
}

