// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Parses DUIS XML into a typed DuisMessage (message.ts): requests on the DCC side; acks,
 * responses, E-code rejections and alerts on the user side.
 *
 * Order of checks, each failure a DuisError naming the element and what was expected:
 * 1. well-formed XML (xml-well-formed.ts; duis-parser's fast-xml-parser alone is lenient);
 * 2. one root, `Request` or `Response`, in the DUIS namespace;
 * 3. the header elements DUIS makes mandatory, with valid values (RequestID shape, command
 *    variant 1–8, a known SRV, a response code shape, a ResponseDateTime);
 * 4. duis-parser's parseDuis('simplified') for the prefix-free body;
 * 5. any GBCSPayload decoded from base64.
 *
 * It does not validate against the DUIS XSD nor check the XML signature.
 */
import { parseDuis, type XMLData } from '@smartdcc/duis-parser';
import type { CommandVariantNumber } from './command-variant.ts';
import { DuisError, quoteFound } from './duis-error.ts';
import { decodeGbcsPayload } from './gbcs-payload.ts';
import type {
  DuisDccAlertMessage,
  DuisDeviceAlertMessage,
  DuisMessage,
  DuisRequestMessage,
  DuisResponseMessage,
  DuisUserMessage,
} from './message.ts';
import { parseRequestId, type RequestId } from './request-id.ts';
import { isResponseCodeShape } from './response-codes.ts';
import { DUIS_NAMESPACE } from './schema.ts';
import { requireSrv } from './srv-matrix.ts';
import { checkWellFormed } from './xml-well-formed.ts';

type Node = XMLData[string];

function isTree(n: Node | undefined): n is XMLData {
  return typeof n === 'object' && n !== null && !Array.isArray(n);
}

/** The local name of a prefixed key (`sr:Header` → `Header`). */
function local(key: string): string {
  const i = key.indexOf(':');
  return i === -1 ? key : key.slice(i + 1);
}

interface Located {
  readonly tree: XMLData;
  readonly prefix: string;
  readonly path: string;
}

function children(at: Located, name: string): Node[] {
  const v = at.tree[`${at.prefix}${name}`];
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as Node[]) : [v];
}

function textOf(n: Node): string | null {
  if (typeof n === 'string') return n;
  if (isTree(n) && typeof n['#text'] === 'string' && Object.keys(n).every((k) => k === '#text' || k.startsWith('@_'))) {
    return n['#text'];
  }
  return null;
}

function one(at: Located, name: string): Node {
  const found = children(at, name);
  if (found.length !== 1) {
    throw new DuisError({
      reason: 'missing-element',
      element: `${at.path}/${name}`,
      expected: `exactly one ${name} element`,
      found: found.length === 0 ? 'none' : `${found.length}`,
    });
  }
  return found[0]!;
}

function optionalText(at: Located, name: string): string | null {
  const found = children(at, name);
  if (found.length === 0) return null;
  return requiredText(at, name);
}

function requiredText(at: Located, name: string): string {
  const n = one(at, name);
  const t = textOf(n);
  if (t === null || t.trim().length === 0) {
    throw new DuisError({
      reason: 'invalid-value',
      element: `${at.path}/${name}`,
      expected: 'a non-empty text value',
      found: t === null ? quoteFound(n) : 'an empty element',
    });
  }
  return t.trim();
}

function tree(at: Located, name: string): Located {
  const n = one(at, name);
  if (!isTree(n)) {
    throw new DuisError({
      reason: 'missing-element',
      element: `${at.path}/${name}`,
      expected: `${name} with child elements`,
      found: quoteFound(n),
    });
  }
  return { tree: n, prefix: at.prefix, path: `${at.path}/${name}` };
}

function root(normal: XMLData): Located & { name: 'Request' | 'Response'; schemaVersion: string | null } {
  const roots = Object.keys(normal).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  const key = roots[0];
  if (roots.length !== 1 || key === undefined) {
    throw new DuisError({ reason: 'not-duis', expected: 'one root element, Request or Response', found: roots.join(', ') || 'none' });
  }
  const name = local(key);
  if (name !== 'Request' && name !== 'Response') {
    throw new DuisError({ reason: 'not-duis', element: key, expected: 'a DUIS Request or Response root element', found: JSON.stringify(key) });
  }
  const prefix = key.includes(':') ? `${key.slice(0, key.indexOf(':'))}:` : '';
  const node = normal[key];
  const t: XMLData = isTree(node) ? node : {};
  const nsAttr = prefix ? `@_xmlns:${prefix.slice(0, -1)}` : '@_xmlns';
  const ns = t[nsAttr];
  if (ns !== DUIS_NAMESPACE) {
    throw new DuisError({
      reason: 'not-duis',
      element: name,
      expected: `the DUIS namespace ${DUIS_NAMESPACE}${prefix ? ` bound to prefix "${prefix.slice(0, -1)}"` : ''}`,
      found: typeof ns === 'string' ? JSON.stringify(ns) : 'no namespace declaration',
    });
  }
  const sv = t['@_schemaVersion'];
  return { tree: t, prefix, path: name, name, schemaVersion: typeof sv === 'string' ? sv : null };
}

/** GBCS payload carriers, in the prefix-free body, in the order they are looked for. */
const PAYLOAD_CARRIERS: readonly (readonly string[])[] = [
  ['ResponseMessage', 'GBCSPayload'],
  ['ResponseMessage', 'PreCommand', 'GBCSPayload'],
  ['ResponseMessage', 'LocalCommand', 'GBCSPayload'],
  ['ResponseMessage', 'FutureDatedDeviceAlertMessage', 'GBCSPayload'],
  ['ResponseMessage', 'DSPScheduledMessage', 'GBCSPayload'],
  ['ResponseMessage', 'CINMessage', 'GBCSPayload'],
  ['DeviceAlertMessage', 'GBCSPayload'],
  ['SignedPreCommand', 'GBCSPayload'],
];

function at(body: XMLData, path: readonly string[]): Node | undefined {
  let n: Node | undefined = body;
  for (const step of path) {
    if (!isTree(n)) return undefined;
    n = n[step];
  }
  return n;
}

function findPayload(body: XMLData, rootName: string): { bytes: Uint8Array; element: string } | null {
  for (const path of PAYLOAD_CARRIERS) {
    const n = at(body, path);
    if (n === undefined) continue;
    const element = `${rootName}/Body/${path.join('/')}`;
    const text = textOf(n);
    if (text === null) {
      throw new DuisError({ reason: 'bad-payload', element, expected: 'base64 text', found: quoteFound(n) });
    }
    return { bytes: decodeGbcsPayload(text, element), element };
  }
  return null;
}

function simplifiedBody(xml: string): XMLData {
  let simplified: { body?: unknown };
  try {
    simplified = parseDuis('simplified', xml) as { body?: unknown };
  } catch (e) {
    throw new DuisError({
      reason: 'not-duis',
      expected: 'a message @smartdcc/duis-parser can read',
      found: JSON.stringify(e instanceof Error ? e.message : String(e)),
    });
  }
  return isTree(simplified.body as Node) ? (simplified.body as XMLData) : {};
}

function requestId(at: Located, name: 'RequestID' | 'ResponseID', required: boolean): RequestId | null {
  const text = required ? requiredText(at, name) : optionalText(at, name);
  return text === null ? null : parseRequestId(text, `${at.path}/${name}`);
}

function parseRequest(r: Located & { schemaVersion: string | null }, xml: string): DuisRequestMessage {
  const header = tree(r, 'Header');
  const id = requestId(header, 'RequestID', true)!;
  const cvText = requiredText(header, 'CommandVariant');
  if (!/^[1-8]$/.test(cvText)) {
    throw new DuisError({ reason: 'invalid-value', element: `${header.path}/CommandVariant`, expected: 'a command variant 1..8', found: quoteFound(cvText) });
  }
  const serviceReference = requiredText(header, 'ServiceReference');
  const srvText = requiredText(header, 'ServiceReferenceVariant');
  const srvInfo = requireSrv(srvText, `${header.path}/ServiceReferenceVariant`);
  if (serviceReference !== srvInfo.serviceReference) {
    throw new DuisError({
      reason: 'invalid-value',
      element: `${header.path}/ServiceReference`,
      expected: `${srvInfo.serviceReference} (the Service Reference of SRV ${srvInfo.srv})`,
      found: quoteFound(serviceReference),
    });
  }
  const bodyNode = one(r, 'Body');
  if (!isTree(bodyNode)) {
    throw new DuisError({ reason: 'missing-element', element: `${r.path}/Body`, expected: 'a Body holding the service request element', found: quoteFound(bodyNode) });
  }
  const body = simplifiedBody(xml);
  const payload = findPayload(body, r.path);
  return {
    kind: 'request',
    schemaVersion: r.schemaVersion,
    requestId: id,
    responseId: null,
    srv: srvInfo.srv,
    srvInfo,
    serviceReference,
    commandVariant: Number(cvText) as CommandVariantNumber,
    responseCode: null,
    responseDateTime: null,
    gbcsPayload: payload?.bytes ?? null,
    gbcsPayloadElement: payload?.element ?? null,
    alertCode: null,
    body,
  };
}

function str(n: Node | undefined): string | null {
  if (n === undefined) return null;
  const t = textOf(n);
  return t === null ? null : t.trim();
}

function parseResponse(r: Located & { schemaVersion: string | null }, xml: string): DuisUserMessage {
  const header = tree(r, 'Header');
  const reqId = requestId(header, 'RequestID', false);
  const resId = requestId(header, 'ResponseID', false);
  const responseCode = requiredText(header, 'ResponseCode');
  if (!isResponseCodeShape(responseCode)) {
    throw new DuisError({ reason: 'invalid-value', element: `${header.path}/ResponseCode`, expected: 'a DUIS response code such as I0, I99 or E2', found: quoteFound(responseCode) });
  }
  const responseDateTime = requiredText(header, 'ResponseDateTime');
  if (Number.isNaN(Date.parse(responseDateTime))) {
    throw new DuisError({ reason: 'invalid-value', element: `${header.path}/ResponseDateTime`, expected: 'an xs:dateTime such as 2024-01-01T00:00:00.000Z', found: quoteFound(responseDateTime) });
  }
  if (reqId === null && resId === null) {
    throw new DuisError({ reason: 'missing-element', element: `${header.path}`, expected: 'a RequestID or a ResponseID', found: 'neither' });
  }
  const body = children(r, 'Body').length === 0 ? {} : simplifiedBody(xml);
  const payload = findPayload(body, r.path);
  const rm = body['ResponseMessage'];
  const base = {
    schemaVersion: r.schemaVersion,
    requestId: reqId,
    responseId: resId,
    srv: isTree(rm) ? str(rm['ServiceReferenceVariant']) : null,
    serviceReference: isTree(rm) ? str(rm['ServiceReference']) : null,
    commandVariant: null,
    responseCode,
    responseDateTime,
    gbcsPayload: payload?.bytes ?? null,
    gbcsPayloadElement: payload?.element ?? null,
    body,
  };

  const device = body['DeviceAlertMessage'];
  if (device !== undefined) {
    const element = `${r.path}/Body/DeviceAlertMessage`;
    const alertCode = isTree(device) ? str(device['AlertCode']) : null;
    if (!alertCode) throw new DuisError({ reason: 'missing-element', element: `${element}/AlertCode`, expected: 'the alert code, e.g. 8F12' });
    if (!payload) throw new DuisError({ reason: 'missing-element', element: `${element}/GBCSPayload`, expected: 'the GBCS alert frame, base64' });
    if (resId === null) throw new DuisError({ reason: 'missing-element', element: `${header.path}/ResponseID`, expected: 'a ResponseID (deviceEUI:userEUI:counter) on a device alert' });
    const m: DuisDeviceAlertMessage = { ...base, kind: 'device-alert', responseId: resId, alertCode, gbcsPayload: payload.bytes };
    return m;
  }
  const dcc = body['DCCAlertMessage'];
  if (dcc !== undefined) {
    const element = `${r.path}/Body/DCCAlertMessage`;
    const alertCode = isTree(dcc) ? str(dcc['DCCAlertCode']) : null;
    if (!alertCode) throw new DuisError({ reason: 'missing-element', element: `${element}/DCCAlertCode`, expected: 'the DCC alert code, e.g. AD1' });
    const content = isTree(dcc) ? dcc['DCCAlert'] : undefined;
    const m: DuisDccAlertMessage = {
      ...base,
      kind: 'dcc-alert',
      alertCode,
      dccAlert: isTree(content) ? content : {},
    };
    return m;
  }
  const futureDated = isTree(rm) ? rm['FutureDatedDeviceAlertMessage'] : undefined;
  const kind: DuisResponseMessage['kind'] = responseCode === 'I99' ? 'ack' : responseCode.startsWith('E') ? 'error' : 'response';
  const m: DuisResponseMessage = {
    ...base,
    kind,
    alertCode: isTree(futureDated) ? str(futureDated['FutureDatedAlertCode']) : null,
  };
  return m;
}

function toText(xml: string | Uint8Array): string {
  if (typeof xml === 'string') return xml;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch {
    throw new DuisError({ reason: 'not-well-formed', expected: 'UTF-8 text', found: 'bytes that are not UTF-8' });
  }
}

/** Parses any DUIS message; malformed input is a DuisError (never an untyped exception). */
export function parseDuisMessage(xml: string | Uint8Array): DuisMessage {
  const text = toText(xml);
  const problem = checkWellFormed(text);
  if (problem) {
    throw new DuisError(
      { reason: 'not-well-formed', line: problem.line, column: problem.column, expected: 'well-formed XML', found: problem.message },
      `DUIS XML is not well-formed at line ${problem.line}, column ${problem.column}: ${problem.message}`,
    );
  }
  let normal: XMLData;
  try {
    normal = parseDuis('normal', text);
  } catch (e) {
    throw new DuisError({ reason: 'not-well-formed', expected: 'XML duis-parser can read', found: JSON.stringify(e instanceof Error ? e.message : String(e)) });
  }
  const r = root(normal);
  return r.name === 'Request' ? parseRequest(r, text) : parseResponse(r, text);
}

/** Parses a request (the DCC side); a response here is a DuisError. */
export function parseDuisRequest(xml: string | Uint8Array): DuisRequestMessage {
  const m = parseDuisMessage(xml);
  if (m.kind !== 'request') {
    throw new DuisError({ reason: 'not-duis', element: 'Response', expected: 'a DUIS Request', found: `a ${m.kind}` });
  }
  return m;
}

/** Parses what the DCC sends a user (ack, response, error, alert); a request here is a DuisError. */
export function parseDuisUserMessage(xml: string | Uint8Array): DuisUserMessage {
  const m = parseDuisMessage(xml);
  if (m.kind === 'request') {
    throw new DuisError({ reason: 'not-duis', element: 'Request', expected: 'a DUIS Response (ack, response or alert)', found: 'a Request' });
  }
  return m;
}
