// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One GBCS use case as an emulated device implements it: which message code, which device
 * types answer it, how the command must be protected, how the response is protected (exactly
 * as the RTDS message of the same use case and direction), and the steps a device takes:
 * decode the command payload when it arrives, then act and build the typed response — or,
 * when its firmware refuses the command (a `reject` fault, emulators/firmware), build the
 * typed error response without acting. The typed response is encoded by the use case's codec
 * (harness/protocol/gbcs/payload) only after firmware faults had their say on its fields.
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

export interface EmulatedUseCase<C = unknown, R = unknown> {
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
  /** Acts on the device and returns the typed response. */
  respond(command: C, context: ResponseContext): R;
  /**
   * The error results this device can refuse the command with (names of the codec's result
   * enumeration), the first being the default.
   */
  readonly refusalResults: readonly [string, ...string[]];
  /** The typed response of a device that refuses the command without acting on it. */
  refuse(command: C, result: string, context: ResponseContext): R;
  /** Encodes a typed response as the payload (the codec's encoder). */
  encodeResponse(response: R, payload: PayloadContext): Uint8Array;
}

/**
 * A use case emulated on top of its typed codec: name, message code, command decoding and
 * response encoding come from the codec. A refusal result outside `refusalResults` is refused.
 */
export function emulateUseCase<C, R>(
  codec: UseCaseCodec<C, R>,
  behaviour: Omit<EmulatedUseCase<C, R>, 'name' | 'messageCode' | 'decodeCommand' | 'encodeResponse'>,
): EmulatedUseCase<C, R> {
  return {
    name: codec.name,
    messageCode: codec.messageCode,
    decodeCommand: (frame) => codec.decodeCommand(frame.payload, { header: frame }),
    encodeResponse: (response, payload) => codec.encodeResponse(response, payload),
    ...behaviour,
    refuse(command, result, context) {
      if (!behaviour.refusalResults.includes(result)) {
        throw new RangeError(`${codec.name} cannot be refused with "${result}": one of ${behaviour.refusalResults.join(', ')}`);
      }
      return behaviour.refuse(command, result, context);
    },
  };
}

/** The failure names of a result enumeration (every known name but success). */
export function failureNames(names: ReadonlyArray<readonly [string, number]>, first: string): [string, ...string[]] {
  const rest = names.map(([n]) => n).filter((n) => n !== 'success' && n !== first);
  return [first, ...rest];
}
