// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One GBCS use case as an emulated device implements it: which message code, which device
 * types answer it, how the command must be protected, how the response is protected (exactly
 * as the RTDS message of the same use case and direction), and the two steps a device takes:
 * decode the command payload when it arrives, then act and build the response payload.
 * Payload bytes are made by the typed use-case codecs (harness/protocol/gbcs/payload).
 */
import type { GbcsFrame } from '../../harness/protocol/gbcs/frame-types.ts';
import type { PayloadContext } from '../../harness/protocol/gbcs/payload/payload-context.ts';
import type { UseCaseCodec } from '../../harness/protocol/gbcs/payload/use-cases/use-case-codec.ts';
import type { DeviceType, EmulatedDevice } from '../device.ts';
import type { Premises } from '../premises.ts';

/** How a message is protected, as read off its RTDS counterpart. */
export interface MessageProtection {
  /** Wrapped in General Ciphering with a MAC. */
  readonly mac: boolean;
  /** Carries an ECDSA signature (signature length 40) rather than 00. */
  readonly sign: boolean;
  /**
   * The grouping header's date-time: null = absent (00); otherwise present, the device's
   * virtual time, with this clock status byte (null = FF, "not specified").
   */
  readonly dateTime: { readonly clockStatus: number | null } | null;
}

/** What a device has at hand when it answers. */
export interface ResponseContext {
  readonly device: EmulatedDevice;
  readonly premises: Premises;
  /** Header of the response being built and, when `innerEncryption`, its payload cipher. */
  readonly payload: PayloadContext;
  /** The command as it arrived. */
  readonly command: GbcsFrame;
}

export interface EmulatedUseCase<C = unknown> {
  readonly name: string;
  readonly messageCode: number;
  /** Device types that answer it (the frame's recipient must be one of these). */
  readonly targets: readonly DeviceType[];
  /** How an acceptable command is protected (the MAC is always checked). */
  readonly command: { readonly sign: boolean };
  readonly response: MessageProtection;
  /** Response content is inner-encrypted (payloadCipherFor the response header). */
  readonly innerEncryption: boolean;
  /** Decodes the command payload; throws on a malformed one. */
  decodeCommand(frame: GbcsFrame): C;
  /** Acts on the device and returns the response payload. */
  respond(command: C, context: ResponseContext): Uint8Array;
}

/** A use case emulated on top of its typed codec: name, message code and command decoding come from the codec. */
export function emulateUseCase<C, R>(
  codec: UseCaseCodec<C, R>,
  behaviour: Omit<EmulatedUseCase<C>, 'name' | 'messageCode' | 'decodeCommand'>,
): EmulatedUseCase<C> {
  return {
    name: codec.name,
    messageCode: codec.messageCode,
    decodeCommand: (frame) => codec.decodeCommand(frame.payload, { header: frame }),
    ...behaviour,
  };
}
