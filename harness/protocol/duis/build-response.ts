// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Builds the DUIS XML the DCC sends a user: the synchronous acknowledgement (I99), a success
 * (I0) with content, an E-code rejection, a device response carrying a GBCS frame, a
 * pre-command (the /serviceT answer), a command for local delivery, a device alert and a DCC
 * alert.
 *
 * Shape [V: DCC Boxed responses in the public @smartdcc/duis-parser test resources]:
 *
 *   <sr:Response xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway" schemaVersion="5.1">
 *     <sr:Header>
 *       <sr:RequestID>user:device:counter</sr:RequestID>     solicited responses
 *       <sr:ResponseID>device:user:counter</sr:ResponseID>   device responses and alerts
 *       <sr:ResponseCode>I0</sr:ResponseCode>
 *       <sr:ResponseDateTime>2022-08-17T15:45:42.790Z</sr:ResponseDateTime>
 *     </sr:Header>
 *     <sr:Body>
 *       <sr:ResponseMessage>                                 responses (ack, success, error)
 *         <sr:ServiceReference>11.2</sr:ServiceReference>
 *         <sr:ServiceReferenceVariant>11.2</sr:ServiceReferenceVariant>
 *         <sr:GBCSPayload>3QAAAAAAAFUR…</sr:GBCSPayload>      device response: the GBCS frame, base64
 *       </sr:ResponseMessage>
 *       | <sr:DeviceAlertMessage><sr:AlertCode>8F12</sr:AlertCode><sr:GBCSPayload>…</sr:GBCSPayload></sr:DeviceAlertMessage>
 *       | <sr:DCCAlertMessage><sr:DCCAlertCode>AD1</sr:DCCAlertCode><sr:DCCAlert>…</sr:DCCAlert></sr:DCCAlertMessage>
 *     </sr:Body>
 *   </sr:Response>
 *
 * duis-parser's constructDuis('simplified') writes RequestID/ResponseID after ResponseCode;
 * the XSD order (and DCC Boxed's) puts them first, so the tree is built here in schema order
 * and serialised with constructDuis('normal'), the same fast-xml-parser builder. Every builder's
 * output reads back with parseDuis (build-response.test.ts proves it).
 *
 * Timestamps come from the caller (the virtual clock when emulated): nothing reads wall time.
 */
import { constructDuis, type XMLData } from '@smartdcc/duis-parser';
import { toDuisEui } from './eui.ts';
import { encodeGbcsPayload } from './gbcs-payload.ts';
import { formatRequestId, swapRequestId, type RequestId } from './request-id.ts';
import { RESPONSE_CODE, isResponseCodeShape } from './response-codes.ts';
import { DUIS_NAMESPACE, DUIS_PREFIX, DUIS_RESPONSE_SCHEMA_VERSION, XSI_NAMESPACE } from './schema.ts';
import { requireSrv } from './srv-matrix.ts';

/** A point in time: epoch milliseconds (from the clock in use) or a Date. */
export type Instant = number | Date;

function isoTime(at: Instant): string {
  const d = typeof at === 'number' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) throw new Error(`not a valid instant: ${String(at)}`);
  return d.toISOString();
}

type Content = XMLData[string];

function prefixed(node: Content): Content {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return (node as Content[]).map(prefixed) as XMLData[];
  const out: XMLData = {};
  for (const [k, v] of Object.entries(node)) {
    out[k.startsWith('@_') || k === '#text' ? k : `${DUIS_PREFIX}:${k}`] = prefixed(v);
  }
  return out;
}

interface Envelope {
  readonly requestId?: RequestId | null;
  readonly responseId?: RequestId | null;
  readonly responseCode: string;
  readonly at: Instant;
  readonly body: XMLData | null;
  readonly schemaVersion?: string;
}

function envelope(e: Envelope): string {
  if (!isResponseCodeShape(e.responseCode)) throw new Error(`not a DUIS response code: ${JSON.stringify(e.responseCode)}`);
  const header: XMLData = {};
  if (e.requestId) header[`${DUIS_PREFIX}:RequestID`] = formatRequestId(e.requestId);
  if (e.responseId) header[`${DUIS_PREFIX}:ResponseID`] = formatRequestId(e.responseId);
  header[`${DUIS_PREFIX}:ResponseCode`] = e.responseCode;
  header[`${DUIS_PREFIX}:ResponseDateTime`] = isoTime(e.at);
  const response: XMLData = {
    [`@_xmlns:${DUIS_PREFIX}`]: DUIS_NAMESPACE,
    '@_xmlns:xsi': XSI_NAMESPACE,
    '@_schemaVersion': e.schemaVersion ?? DUIS_RESPONSE_SCHEMA_VERSION,
    [`${DUIS_PREFIX}:Header`]: header,
  };
  if (e.body) response[`${DUIS_PREFIX}:Body`] = prefixed(e.body);
  return constructDuis('normal', {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [`${DUIS_PREFIX}:Response`]: response,
  });
}

function responseMessage(srv: string, extra: XMLData = {}): XMLData {
  const info = requireSrv(srv, 'srv');
  return { ResponseMessage: { ServiceReference: info.serviceReference, ServiceReferenceVariant: info.srv, ...extra } };
}

export interface SolicitedResponseInput {
  /** The RequestID of the request being answered. */
  readonly requestId: RequestId;
  /** The request's SRV (echoed in ResponseMessage). */
  readonly srv: string;
  readonly at: Instant;
  readonly schemaVersion?: string;
}

/** I99: the request passed the DCC's checks; the device response follows asynchronously. */
export function buildAcknowledgement(input: SolicitedResponseInput): string {
  return envelope({ ...input, responseCode: RESPONSE_CODE.acknowledged, body: responseMessage(input.srv) });
}

/** I0 with optional content inside ResponseMessage (e.g. a non-device response's data). */
export function buildSuccess(input: SolicitedResponseInput & { readonly content?: XMLData }): string {
  return envelope({ ...input, responseCode: RESPONSE_CODE.success, body: responseMessage(input.srv, input.content) });
}

/** An E-code rejection (use RESPONSE_CODE.* for the code). */
export function buildRejection(input: SolicitedResponseInput & { readonly responseCode: string }): string {
  if (!input.responseCode.startsWith('E')) throw new Error(`a rejection needs an E code, got ${input.responseCode}`);
  return envelope({ ...input, body: responseMessage(input.srv) });
}

export interface DeviceResponseInput extends SolicitedResponseInput {
  /** The device's GBCS response frame, as sent on the wire. */
  readonly gbcsPayload: Uint8Array;
  /**
   * ResponseID (device:user:counter). Default: the request's ids swapped with the request's
   * counter, as DCC Boxed writes it.
   */
  readonly responseId?: RequestId;
  /** Defaults to I0. */
  readonly responseCode?: string;
}

/** A device response: I0 with the GBCS frame in ResponseMessage/GBCSPayload. */
export function buildDeviceResponse(input: DeviceResponseInput): string {
  return envelope({
    requestId: input.requestId,
    responseId: input.responseId ?? swapRequestId(input.requestId),
    responseCode: input.responseCode ?? RESPONSE_CODE.success,
    at: input.at,
    schemaVersion: input.schemaVersion,
    body: responseMessage(input.srv, { GBCSPayload: encodeGbcsPayload(input.gbcsPayload) }),
  });
}

/** The /serviceT answer: I0 with the pre-command (GBCS frame to be signed by the user). */
export function buildPreCommand(
  input: SolicitedResponseInput & {
    readonly gbcsPayload: Uint8Array;
    /** The GBCS version the pre-command is written for, as DUIS's GBCSVersion element holds it. */
    readonly gbcsVersion: string;
  },
): string {
  return envelope({
    ...input,
    responseCode: RESPONSE_CODE.success,
    body: responseMessage(input.srv, {
      PreCommand: { GBCSVersion: input.gbcsVersion, GBCSPayload: encodeGbcsPayload(input.gbcsPayload) },
    }),
  });
}

/**
 * The answer carrying a command for local delivery (command variants 2, 3, 6, 7): the GBCS
 * command, built and protected as the DCC sends it over the WAN, in
 * ResponseMessage/LocalCommand/GBCSPayload [V: @smartdcc/duis-parser's response types name
 * `LocalCommand { GBCSPayload }` inside ResponseMessage]. The code is the caller's [P]: I0 when
 * returning the command is all that happens (CV 2, 6), I99 when it also went over the WAN and
 * the device response follows (CV 3, 7).
 */
export function buildLocalCommand(input: SolicitedResponseInput & { readonly gbcsPayload: Uint8Array; readonly responseCode: typeof RESPONSE_CODE.success | typeof RESPONSE_CODE.acknowledged }): string {
  return envelope({
    ...input,
    body: responseMessage(input.srv, { LocalCommand: { GBCSPayload: encodeGbcsPayload(input.gbcsPayload) } }),
  });
}

export interface DeviceAlertInput {
  /** The alerting device (originator of the GBCS alert). */
  readonly device: string;
  /** The user the alert is for. */
  readonly recipient: string;
  /** ResponseID counter: the GBCS alert's originator counter. */
  readonly counter: bigint;
  /** Alert code as four hex digits, e.g. `8F12`. */
  readonly alertCode: string;
  /** The GBCS alert frame. */
  readonly gbcsPayload: Uint8Array;
  readonly at: Instant;
  readonly schemaVersion?: string;
}

/** A device alert: ResponseID device:user:counter, I0, DeviceAlertMessage (AlertCode, GBCSPayload). */
export function buildDeviceAlert(input: DeviceAlertInput): string {
  if (!/^[0-9A-Fa-f]{4}$/.test(input.alertCode)) throw new Error(`alert code ${JSON.stringify(input.alertCode)} is not four hex digits`);
  return envelope({
    responseId: { originator: toDuisEui(input.device), target: toDuisEui(input.recipient), counter: input.counter },
    responseCode: RESPONSE_CODE.success,
    at: input.at,
    schemaVersion: input.schemaVersion,
    body: { DeviceAlertMessage: { AlertCode: input.alertCode.toUpperCase(), GBCSPayload: encodeGbcsPayload(input.gbcsPayload) } },
  });
}

/**
 * [P] Originator EUI written in a DCC alert's ResponseID: the DCC Access Control Broker of the
 * reference data (DOMAIN.md). Which EUI the DSP writes there is not in the material at hand.
 */
export const DCC_ALERT_ORIGINATOR = '90-B3-D5-1F-30-00-00-02';

export interface DccAlertInput {
  readonly recipient: string;
  readonly counter: bigint;
  /** DCC alert code, e.g. AD1, N12. */
  readonly alertCode: string;
  /** DCCAlert content (prefix-free XMLData), e.g. from powerOutageAlertContent(). */
  readonly content: XMLData;
  readonly at: Instant;
  readonly originator?: string;
  readonly schemaVersion?: string;
}

/** A DCC alert: ResponseID dcc:user:counter, I0, DCCAlertMessage (DCCAlertCode, DCCAlert). */
export function buildDccAlert(input: DccAlertInput): string {
  if (!/^(AD1|N[0-9]{1,3})$/.test(input.alertCode)) {
    throw new Error(`DCC alert code ${JSON.stringify(input.alertCode)} is not AD1 or N<digits>`);
  }
  return envelope({
    responseId: { originator: toDuisEui(input.originator ?? DCC_ALERT_ORIGINATOR), target: toDuisEui(input.recipient), counter: input.counter },
    responseCode: RESPONSE_CODE.success,
    at: input.at,
    schemaVersion: input.schemaVersion,
    body: { DCCAlertMessage: { DCCAlertCode: input.alertCode, DCCAlert: input.content } },
  });
}

/**
 * DCCAlert content of AD1 (power outage at the comms hub): the comms hub id, when the outage
 * started and the MPxNs it affects [V: DOMAIN.md names the three items]. [P] The element names
 * below (PowerOutageEvent, CommsHubID, PowerOutageStartDateTime, MPxN) are the project's: the
 * DUIS XSD is not at hand. Emulator and suites both go through this function, so correcting
 * the names is a change here only.
 */
export function powerOutageAlertContent(input: { readonly commsHubId: string; readonly startedAt: Instant; readonly mpxns: readonly string[] }): XMLData {
  return {
    PowerOutageEvent: {
      CommsHubID: toDuisEui(input.commsHubId),
      PowerOutageStartDateTime: isoTime(input.startedAt),
      MPxN: [...input.mpxns],
    },
  };
}
