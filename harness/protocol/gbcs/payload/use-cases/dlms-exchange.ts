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
import type { AxdrData } from '../dlms/axdr-data.ts';
import { gbcsLongInvokeId, invokeIdEqual, type LongInvokeIdAndPriority } from '../dlms/long-invoke-id.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import type { PayloadContext } from '../payload-context.ts';

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

function checkNoDateTime(dateTime: unknown, apdu: string): void {
  if (dateTime !== null) throw new PayloadDecodeError(DATE_TIME_OFFSET, `${apdu}.date-time`, '00 (absent: this use case is not future dated)', 'a date-time');
}

function specText(s: AccessRequestSpec): string {
  const id = s.kind === 'action' ? `method ${s.methodId}` : `attribute ${s.attributeId}`;
  return `${s.kind} class ${s.classId} ${s.instanceId} ${id}`;
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
