// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The typed payload round trip over the RTDS messages: for every message whose use case has a
 * typed payload codec, decode the payload to typed fields and encode them again (protected
 * content opened and re-sealed with the keystore's keys); the bytes must be the same.
 */
import { GbcsCryptoError, GbcsDecodeError, GbcsEncodeError } from '../protocol/gbcs/errors.ts';
import { decodeFrame } from '../protocol/gbcs/frame.ts';
import type { GbcsFrame } from '../protocol/gbcs/frame-types.ts';
import { bytesEqual, hexToBytes } from '../protocol/gbcs/hex.ts';
import type { KeyStore } from '../protocol/gbcs/keystore.ts';
import { PayloadContextError } from '../protocol/gbcs/payload/payload-errors.ts';
import type { PayloadContext } from '../protocol/gbcs/payload/payload-context.ts';
import { listRtdsMessages } from '../protocol/gbcs/rtds.ts';
import type { RtdsFailure } from '../protocol/gbcs/rtds-conformance.ts';
import { payloadCipherFor } from '../protocol/gbcs/secure-frame.ts';
import { isNoKey, payloadKeysFor } from '../protocol/gbcs/frame-keys.ts';
import { typedCodecFor, type TypedCodecMatch } from './gbcs-typed-codecs.ts';

export interface TypedRoundTripReport {
  readonly counts: { equal: number; different: number; notImplemented: number };
  readonly byUseCase: Array<{ useCase: string; equal: number; different: number }>;
  readonly failures: RtdsFailure[];
}

/** The payload context of a frame: its header and, when the keystore allows, the inner cipher. */
export function payloadContextFor(frame: GbcsFrame, keys: KeyStore | undefined): PayloadContext {
  if (!keys) return { header: frame };
  const choice = payloadKeysFor(frame, keys);
  return isNoKey(choice) ? { header: frame } : { header: frame, cipher: payloadCipherFor(frame, choice.keys) };
}

/** Decodes a payload with its typed codec and encodes the fields again. */
export function roundTripTyped(match: TypedCodecMatch, payload: Uint8Array, ctx: PayloadContext): { equal: true } | { equal: false; reason: string } {
  let again: Uint8Array;
  try {
    again = match.encode(match.decode(payload, ctx), ctx);
  } catch (error) {
    if (error instanceof GbcsDecodeError || error instanceof GbcsEncodeError || error instanceof GbcsCryptoError || error instanceof PayloadContextError) {
      return { equal: false, reason: `typed payload (${match.label}): ${error.message}` };
    }
    // a codec bug: reported against the message, so one codec cannot stop the whole verification
    return { equal: false, reason: `typed payload (${match.label}): codec failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }
  if (bytesEqual(again, payload)) return { equal: true };
  return { equal: false, reason: `typed payload (${match.label}): re-encoding the decoded fields gives different bytes (${again.length} vs ${payload.length} bytes, first difference at payload byte ${firstDifference(again, payload)})` };
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

export function typedPayloadRoundTrip(dir: string, keys: KeyStore): TypedRoundTripReport {
  const counts = { equal: 0, different: 0, notImplemented: 0 };
  const byUseCase = new Map<string, { equal: number; different: number }>();
  const failures: RtdsFailure[] = [];
  for (const message of listRtdsMessages(dir)) {
    let frame: GbcsFrame;
    try {
      frame = decodeFrame(hexToBytes(message.hex, message.relPath));
    } catch {
      continue; // counted as a decode error by verifyRtds
    }
    const match = typedCodecFor(frame);
    if (!match) {
      counts.notImplemented++;
      continue;
    }
    const result = roundTripTyped(match, frame.payload, payloadContextFor(frame, keys));
    const perUseCase = byUseCase.get(match.useCase) ?? { equal: 0, different: 0 };
    if (result.equal) {
      counts.equal++;
      perUseCase.equal++;
    } else {
      counts.different++;
      perUseCase.different++;
      failures.push({ file: message.relPath, reason: result.reason });
    }
    byUseCase.set(match.useCase, perUseCase);
  }
  return {
    counts,
    byUseCase: [...byUseCase.entries()].map(([useCase, c]) => ({ useCase, ...c })).sort((a, b) => a.useCase.localeCompare(b.useCase)),
    failures,
  };
}
