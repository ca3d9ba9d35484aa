// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The common shape of a typed GBCS use-case codec: command and response payloads (or an alert
 * payload) to and from the fields a test engineer asserts on. Values the frame determines (DLMS
 * invoke id, protection parameters, transaction id) come from {@link PayloadContext.header}; a
 * decoder checks them against it and rejects a payload that disagrees with its own header.
 */
import type { PayloadContext } from '../payload-context.ts';

export type { PayloadContext } from '../payload-context.ts';

interface CodecIdentity {
  /** GBCS use case, e.g. "ECS17b". */
  readonly name: string;
  /** GBCS message code carried in the grouping header's other-information. */
  readonly messageCode: number;
  /** DUIS service reference, e.g. "4.1.1" ("NA" for alerts without one). */
  readonly srv: string;
  /** Other DUIS service references whose command is this use case too (ECS70: 6.11 besides 8.1.1). */
  readonly otherSrvs?: readonly string[];
  readonly title: string;
  /** Payload family: DLMS (ESME, CHF), GBZ (GSME, GPF) or ASN.1 DER (the CS-series join services). */
  readonly payloadKind: 'dlms' | 'gbz' | 'der';
}

export interface UseCaseCodec<Cmd, Rsp> extends CodecIdentity {
  readonly kind: 'command-response';
  encodeCommand(fields: Cmd, ctx: PayloadContext): Uint8Array;
  decodeCommand(payload: Uint8Array, ctx: PayloadContext): Cmd;
  encodeResponse(fields: Rsp, ctx: PayloadContext): Uint8Array;
  decodeResponse(payload: Uint8Array, ctx: PayloadContext): Rsp;
}

export interface AlertCodec<A> extends CodecIdentity {
  readonly kind: 'alert';
  /** GBCS alert code this codec reads (one message code can carry several alert codes). */
  readonly alertCode: number;
  encodeAlert(fields: A, ctx: PayloadContext): Uint8Array;
  decodeAlert(payload: Uint8Array, ctx: PayloadContext): A;
}

/** A codec of unknown field types, as the registry holds them. */
export type AnyUseCaseCodec = UseCaseCodec<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type AnyAlertCodec = AlertCodec<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type AnyCodec = AnyUseCaseCodec | AnyAlertCodec;

/** Command fields of a use case whose command carries nothing beyond the frame header. */
export type NoFields = Readonly<Record<string, never>>;
export const NO_FIELDS: NoFields = Object.freeze({});
