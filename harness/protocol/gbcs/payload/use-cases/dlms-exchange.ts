// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The frame of a GBCS DLMS use case, shared by the DLMS use-case codecs: an Access request with a
 * fixed list of specifications (only the Data varies), an Access response with one result per
 * specification, the invoke id taken from — and checked against — the grouping header's
 * originator counter, and no APDU date-time (none of the use cases here is future dated).
 */
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import { decodeAccessRequest, encodeAccessRequest } from '../dlms/access-request.ts';
import { decodeAccessResponse, encodeAccessResponse, type AccessResponseSpec } from '../dlms/access-response.ts';
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectNull, expectType } from '../dlms/axdr-match.ts';
import type { ActionResult, DataAccessResult } from '../dlms/dlms-results.ts';
import { gbcsLongInvokeId, invokeIdEqual, type LongInvokeIdAndPriority } from '../dlms/long-invoke-id.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import type { PayloadContext } from '../payload-context.ts';
import { NO_FIELDS, type NoFields, type UseCaseCodec } from './use-case-codec.ts';

/** Offset of the invoke id and of the date-time in every DLMS APDU. */
const INVOKE_OFFSET = 1;
const DATE_TIME_OFFSET = 5;

function describeInvoke(v: LongInvokeIdAndPriority): string {
  const flags = (v.highPriority ? 0x80 : 0) | (v.confirmed ? 0x40 : 0) | (v.breakOnError ? 0x20 : 0) | (v.selfDescriptive ? 0x10 : 0);
  return `${flags.toString(16).toUpperCase().padStart(2, '0')} ${v.invokeId.toString(16).toUpperCase().padStart(6, '0')}`;
}

/** Rejects an invoke id that is not the one GBCS derives from the header's originator counter. */
export function checkInvoke(found: LongInvokeIdAndPriority, ctx: PayloadContext, apdu: string): void {
  const expected = gbcsLongInvokeId(ctx.header.counter);
  if (!invokeIdEqual(found, expected)) {
    throw new PayloadDecodeError(
      INVOKE_OFFSET,
      `${apdu}.long-invoke-id-and-priority`,
      `${describeInvoke(expected)} (low 24 bits of originator counter ${ctx.header.counter})`,
      describeInvoke(found),
    );
  }
}

/** Rejects an APDU date-time: none of the use cases here is future dated. */
export function checkNoDateTime(dateTime: unknown, apdu: string): void {
  if (dateTime !== null) throw new PayloadDecodeError(DATE_TIME_OFFSET, `${apdu}.date-time`, '00 (absent: this use case is not future dated)', 'a date-time');
}

function specText(s: AccessRequestSpec): string {
  const id = s.kind === 'action' ? `method ${s.methodId}` : `attribute ${s.attributeId}`;
  const selector = s.kind === 'get-with-selection' || s.kind === 'set-with-selection' ? ` selector ${s.accessSelector}` : '';
  return `${s.kind} class ${s.classId} ${s.instanceId} ${id}${selector}`;
}

function specEqual(a: AccessRequestSpec, b: AccessRequestSpec): boolean {
  return specText(a) === specText(b) && !a.kind.endsWith('-with-selection') && !b.kind.endsWith('-with-selection');
}

/** Decodes a request whose specifications must be exactly `specs`; returns its Data list. */
export function decodeFixedRequest(payload: Uint8Array, ctx: PayloadContext, specs: readonly AccessRequestSpec[], useCase: string): readonly AxdrData[] {
  const req = decodeAccessRequest(payload);
  checkInvoke(req.invoke, ctx, 'access-request');
  checkNoDateTime(req.dateTime, 'access-request');
  const listAt = DATE_TIME_OFFSET + 1;
  if (req.specs.length !== specs.length) {
    throw new PayloadDecodeError(listAt, 'access-request.list-of-specifications', `${specs.length} specification(s) for ${useCase}`, String(req.specs.length));
  }
  req.specs.forEach((s, i) => {
    const want = specs[i] as AccessRequestSpec;
    if (!specEqual(s, want)) {
      throw new PayloadDecodeError(listAt + 1 + 10 * i, `access-request.specification[${i}]`, `${specText(want)} (${useCase})`, specText(s));
    }
  });
  return req.data;
}

type SelectiveGet = Extract<AccessRequestSpec, { readonly kind: 'get-with-selection' }>;

/**
 * Decodes a request of one get-with-selection that must read `want` (class, instance, attribute)
 * with `want.accessSelector`; returns its access parameters and its Data.
 */
export function decodeSelectiveGetRequest(
  payload: Uint8Array,
  ctx: PayloadContext,
  want: Omit<SelectiveGet, 'accessParameters'>,
  useCase: string,
): { readonly accessParameters: AxdrData; readonly data: AxdrData } {
  const req = decodeAccessRequest(payload);
  checkInvoke(req.invoke, ctx, 'access-request');
  checkNoDateTime(req.dateTime, 'access-request');
  const listAt = DATE_TIME_OFFSET + 1;
  const s = req.specs[0];
  if (req.specs.length !== 1 || s === undefined) throw new PayloadDecodeError(listAt, 'access-request.list-of-specifications', `1 specification for ${useCase}`, String(req.specs.length));
  const wantText = specText({ ...want, accessParameters: Axdr.nullData() });
  if (s.kind !== 'get-with-selection' || specText(s) !== wantText) throw new PayloadDecodeError(listAt + 1, 'access-request.specification[0]', `${wantText} (${useCase})`, specText(s));
  return { accessParameters: s.accessParameters, data: req.data[0] as AxdrData };
}

export function encodeFixedRequest(ctx: PayloadContext, specs: readonly AccessRequestSpec[], data: readonly AxdrData[]): Uint8Array {
  return encodeAccessRequest({ invoke: gbcsLongInvokeId(ctx.header.counter), dateTime: null, specs, data });
}

export interface ResponseParts {
  readonly data: readonly AxdrData[];
  readonly specs: readonly AccessResponseSpec[];
}

/** Decodes a response with one Data and one result per expected specification kind. */
export function decodeFixedResponse(payload: Uint8Array, ctx: PayloadContext, kinds: readonly AccessResponseSpec['kind'][], useCase: string): ResponseParts {
  const rsp = decodeAccessResponse(payload);
  checkInvoke(rsp.invoke, ctx, 'access-response');
  checkNoDateTime(rsp.dateTime, 'access-response');
  if (rsp.requestSpecs !== null) {
    throw new PayloadDecodeError(DATE_TIME_OFFSET + 1, 'access-response.access-request-specification', '00 (absent)', 'present');
  }
  if (rsp.data.length !== kinds.length) {
    throw new PayloadDecodeError(DATE_TIME_OFFSET + 2, 'access-response.list-of-data', `${kinds.length} Data for ${useCase}`, String(rsp.data.length));
  }
  const specsAt = payload.length - 2 * rsp.specs.length;
  if (rsp.specs.length !== kinds.length) {
    throw new PayloadDecodeError(specsAt - 1, 'access-response.list-of-specifications', `${kinds.length} result(s) for ${useCase}`, String(rsp.specs.length));
  }
  rsp.specs.forEach((s, i) => {
    if (s.kind !== kinds[i]) {
      throw new PayloadDecodeError(specsAt + 2 * i, `access-response.specification[${i}]`, `a ${kinds[i]} result (${useCase})`, `a ${s.kind} result`);
    }
  });
  return { data: rsp.data, specs: rsp.specs };
}

export function encodeFixedResponse(ctx: PayloadContext, data: readonly AxdrData[], specs: readonly AccessResponseSpec[]): Uint8Array {
  return encodeAccessResponse({ invoke: gbcsLongInvokeId(ctx.header.counter), dateTime: null, requestSpecs: null, data, specs });
}

/** The command half of a use case whose command carries null-data for each of its fixed `specs` (a plain get). */
export function nullDataCommand(specs: readonly AccessRequestSpec[], useCase: string): Pick<UseCaseCodec<NoFields, unknown>, 'encodeCommand' | 'decodeCommand'> {
  return {
    encodeCommand: (_fields, ctx) => encodeFixedRequest(ctx, specs, specs.map(() => Axdr.nullData())),
    decodeCommand(payload, ctx) {
      decodeFixedRequest(payload, ctx, specs, useCase).forEach((d, i) => expectNull(d, `access-request.data[${i}]`));
      return NO_FIELDS;
    },
  };
}

type SingleKind = 'get' | 'set' | 'action';
type ResultOf<K extends SingleKind> = K extends 'action' ? ActionResult : DataAccessResult;

/** The typed fields of a one-get, one-set or one-action response, as far as this frame is concerned. */
export type SingleResultFields<K extends SingleKind> = { readonly ok: true } | { readonly ok: false; readonly result: Exclude<ResultOf<K>, 'success'> };

/** A decoded one-get, one-set or one-action response: the Data of a success, or the failure result. */
export type SingleResult<K extends SingleKind> = { readonly ok: true; readonly data: AxdrData } | { readonly ok: false; readonly result: Exclude<ResultOf<K>, 'success'> };

/**
 * Encodes the response of a use case with one get or one action: the failure result with
 * null-data when `fields.ok` is false, else the Data `data(fields)` builds with a success result.
 */
export function encodeSingleResultResponse<K extends SingleKind, F extends SingleResultFields<K>>(
  ctx: PayloadContext,
  kind: K,
  useCase: string,
  fields: F,
  data: (fields: Extract<F, { readonly ok: true }>) => AxdrData,
): Uint8Array {
  if (!fields.ok) {
    const { result } = fields as Extract<SingleResultFields<K>, { readonly ok: false }>;
    if ((result as string) === 'success') throw new PayloadEncodeError(`${useCase} response.result`, 'a failure result when ok is false', 'success');
    return encodeFixedResponse(ctx, [Axdr.nullData()], [{ kind, result } as AccessResponseSpec]);
  }
  return encodeFixedResponse(ctx, [data(fields as Extract<F, { readonly ok: true }>)], [{ kind, result: 'success' } as AccessResponseSpec]);
}

/** Decodes the response of a use case with one get or one action; a failed one must carry null-data. */
export function decodeSingleResultResponse<K extends SingleKind>(payload: Uint8Array, ctx: PayloadContext, kind: K, useCase: string): SingleResult<K> {
  const { data, specs } = decodeFixedResponse(payload, ctx, [kind], useCase);
  const d = data[0] as AxdrData;
  const result = (specs[0] as { result: ResultOf<K> }).result;
  if (result !== 'success') {
    expectType(d, 'null-data', `access-response.data[0] (a failed ${kind} carries null-data)`);
    return { ok: false, result: result as Exclude<ResultOf<K>, 'success'> };
  }
  return { ok: true, data: d };
}

/** The response half of a use case whose command is one set: null-data and the set's result. */
export function singleSetResponse(useCase: string): Pick<UseCaseCodec<unknown, SingleResultFields<'set'>>, 'encodeResponse' | 'decodeResponse'> {
  return {
    encodeResponse: (fields, ctx) => encodeSingleResultResponse(ctx, 'set', useCase, fields, () => Axdr.nullData()),
    decodeResponse(payload, ctx) {
      const r = decodeSingleResultResponse(payload, ctx, 'set', useCase);
      if (!r.ok) return r;
      expectNull(r.data, 'access-response.data[0] (a set answers null-data)');
      return { ok: true };
    },
  };
}
