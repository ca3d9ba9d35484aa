// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The typed payload codec for one frame (payload/registry.ts: message code, CRA flag and, for
 * alerts, the alert code the payload carries), as the gbcs commands use it: one decode and one
 * encode, whatever the codec's kind.
 */
import type { GbcsFrame } from '../protocol/gbcs/frame-types.ts';
import type { PayloadContext } from '../protocol/gbcs/payload/payload-context.ts';
import { alertCodecFor, alertCodeOf, alertPayloadKind, useCaseCodecFor, type PayloadDirection } from '../protocol/gbcs/payload/registry.ts';

export type { PayloadDirection } from '../protocol/gbcs/payload/registry.ts';

export interface TypedCodecMatch {
  readonly useCase: string;
  readonly title: string;
  readonly direction: PayloadDirection;
  /** e.g. "ECS17b response". */
  readonly label: string;
  decode(payload: Uint8Array, ctx: PayloadContext): unknown;
  encode(fields: unknown, ctx: PayloadContext): Uint8Array;
}

export function directionOf(frame: Pick<GbcsFrame, 'cra'>): PayloadDirection {
  return frame.cra === 1 ? 'command' : frame.cra === 2 ? 'response' : 'alert';
}

/** The typed codec for this frame's payload, if one exists. */
export function typedCodecFor(frame: Pick<GbcsFrame, 'cra' | 'messageCode' | 'payload'>): TypedCodecMatch | undefined {
  const direction = directionOf(frame);
  if (direction === 'alert') {
    const alertCode = alertCodeOf(frame.payload);
    const codec = alertCode === undefined ? undefined : alertCodecFor(frame.messageCode, alertCode, alertPayloadKind(frame.payload));
    if (!codec) return undefined;
    return {
      useCase: codec.name,
      title: codec.title,
      direction,
      label: `${codec.name} alert ${alertCode?.toString(16).toUpperCase().padStart(4, '0')}`,
      decode: (p, ctx) => codec.decodeAlert(p, ctx),
      encode: (f, ctx) => codec.encodeAlert(f, ctx),
    };
  }
  const codec = useCaseCodecFor(frame.messageCode);
  if (!codec) return undefined;
  const base = { useCase: codec.name, title: codec.title, direction, label: `${codec.name} ${direction}` };
  return direction === 'command'
    ? { ...base, decode: (p, ctx) => codec.decodeCommand(p, ctx), encode: (f, ctx) => codec.encodeCommand(f, ctx) }
    : { ...base, decode: (p, ctx) => codec.decodeResponse(p, ctx), encode: (f, ctx) => codec.encodeResponse(f, ctx) };
}
