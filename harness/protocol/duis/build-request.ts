// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Builds a DUIS service request (unsigned XML) from an RTDS template or a simplified request,
 * with the harness's own RequestID (originator:target:counter) in place of the template's.
 * XML comes from @smartdcc/duis-parser's constructDuis('simplified', ...), DUIS schema 5.2
 * (schema.ts). The XML signature (ds:Signature) is not added here.
 *
 * It builds what it is asked, including requests the DCC must reject (an ineligible command
 * variant, a reused counter): negative tests need them. Only the shape is checked: EUIs, the
 * counter range, a known SRV and a command variant 1–8.
 */
import { constructDuis, type SimplifiedDuisInputRequest, type XMLData } from '@smartdcc/duis-parser';
import { isCommandVariantNumber, type CommandVariantNumber } from './command-variant.ts';
import { toDuisEui } from './eui.ts';
import { servicePathFor, type DuisServicePath } from './http-binding.ts';
import { formatRequestId, MAX_REQUEST_COUNTER, type RequestId } from './request-id.ts';
import { DUIS_REQUEST_SCHEMA_VERSION } from './schema.ts';
import { requireSrv } from './srv-matrix.ts';
import type { DuisTemplate } from './templates.ts';

export type BuildServiceRequestInput = {
  /** EUI of the sending user (DUIS or 16-hex form). */
  readonly originator: string;
  /** EUI of the target device (or the DCC for non-device requests). */
  readonly target: string;
  /** RequestID counter (see RequestCounter): epoch milliseconds of the clock in use. */
  readonly counter: bigint | number;
  /** Overrides the template's command variant (e.g. 4 → transform, 5 → signed pre-command). */
  readonly commandVariant?: CommandVariantNumber;
  /** Replaces the template's body (XMLData without namespace prefixes). */
  readonly body?: XMLData;
  /** Defaults to DUIS_REQUEST_SCHEMA_VERSION (5.2). */
  readonly schemaVersion?: string;
} & (
  | { readonly template: DuisTemplate; readonly request?: never }
  | { readonly request: SimplifiedDuisInputRequest; readonly template?: never }
);

export interface BuiltServiceRequest {
  readonly xml: string;
  readonly requestId: RequestId;
  /** `originator:target:counter` as written in the XML. */
  readonly requestIdText: string;
  /** Service Reference Variant, e.g. `11.2`. */
  readonly srv: string;
  readonly serviceReference: string;
  readonly commandVariant: CommandVariantNumber;
  /** The DCC endpoint this command variant goes to (/serviceS, /serviceT or /serviceD). */
  readonly servicePath: DuisServicePath;
  readonly schemaVersion: string;
}

function srvOf(v: SimplifiedDuisInputRequest['header']['serviceReferenceVariant']): string {
  return typeof v === 'string' ? v : v['Service Reference Variant'];
}

function cvOf(v: SimplifiedDuisInputRequest['header']['commandVariant']): number {
  return typeof v === 'number' ? v : v.number;
}

export function buildServiceRequest(input: BuildServiceRequestInput): BuiltServiceRequest {
  const base: SimplifiedDuisInputRequest = input.template ? input.template.request : input.request!;
  const srv = srvOf(base.header.serviceReferenceVariant);
  const info = requireSrv(srv);
  const commandVariant = input.commandVariant ?? cvOf(base.header.commandVariant);
  if (!isCommandVariantNumber(commandVariant)) {
    throw new Error(`command variant ${String(commandVariant)} is not one of 1..8`);
  }
  const counter = BigInt(input.counter);
  if (counter < 1n || counter > MAX_REQUEST_COUNTER) {
    throw new Error(`RequestID counter ${counter} is outside 1 .. 2^64-1`);
  }
  const requestId: RequestId = {
    originator: toDuisEui(input.originator),
    target: toDuisEui(input.target),
    counter,
  };
  const schemaVersion = input.schemaVersion ?? DUIS_REQUEST_SCHEMA_VERSION;
  const simplified: SimplifiedDuisInputRequest = {
    header: {
      type: 'request',
      requestId: { originatorId: requestId.originator, targetId: requestId.target, counter },
      commandVariant,
      serviceReference: base.header.serviceReference || info.serviceReference,
      serviceReferenceVariant: srv,
    },
    body: input.body ?? base.body,
  };
  const xml = constructDuis('simplified', simplified, schemaVersion);
  return {
    xml,
    requestId,
    requestIdText: formatRequestId(requestId),
    srv,
    serviceReference: simplified.header.serviceReference,
    commandVariant,
    servicePath: servicePathFor(commandVariant),
    schemaVersion,
  };
}
