// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A generic, JSON-friendly reading of any GBCS application payload — DLMS Access request (D9) /
 * response (DA) / Data-Notification (0F), GBZ (01 09 …) command, response or alert, and the
 * DER-encoded CHF payloads — for `dit gbcs decode` to print any RTDS message, typed codec or not.
 * Nodes follow the layout of shared/PAYLOADS.md: a name, the field's bytes in hex, a decoded
 * value and a note (class / object / attribute / unit names, dates). With a cipher in the hint,
 * protected content (Get-Protected-Attributes, ciphered ZCL) is decrypted and described too.
 * A payload that does not decode yields its raw bytes and the decode error, never an exception.
 */
import type { CraFlag } from '../frame-types.ts';
import { GbcsCryptoError, GbcsDecodeError } from '../errors.ts';
import { alertCodeName } from './alert-codes.ts';
import { decodeDer, type DerNode } from './asn1-der.ts';
import { PayloadReader } from './payload-reader.ts';
import { PayloadWriter } from './payload-writer.ts';
import { bytesToHex } from '../hex.ts';
import { decodeAccessRequest, type AccessRequestSpec } from './dlms/access-request.ts';
import { decodeAccessResponse } from './dlms/access-response.ts';
import { type AxdrData, type AxdrTypeDescription, encodeAxdrData } from './dlms/axdr-data.ts';
import { writeAxdrLength } from './dlms/axdr-length.ts';
import { cosemDateTimeToDate, readCosemDateTime, type CosemDateTime } from './dlms/cosem-date-time.ts';
import { cosemAttributeName, cosemClassName, cosemMethodName, gbcsObjectName } from './dlms/cosem-names.ts';
import { decodeDataNotification } from './dlms/data-notification.ts';
import { getProtectedAttributesResponseFromAxdr, openProtectedAttributes, type ProtectionParameters } from './dlms/get-protected-attributes.ts';
import type { LongInvokeIdAndPriority } from './dlms/long-invoke-id.ts';
import { formatObis } from './dlms/obis.ts';
import { codecsForMessageCode } from './registry.ts';
import type { PayloadCipher } from './payload-cipher.ts';
import { decodeGbz, GBZ_CONTROL, gbzContentOffset, openGbzComponent, readGbzComponent, type GbzComponent } from './zcl/gbz.ts';
import { decodeGbzAlert, GBZ_ALERT_BODY_OFFSET } from './zcl/gbz-alert.ts';
import { decodeReadAttributes, decodeReadAttributesResponse } from './zcl/zcl-attributes.ts';
import { attributeName, clusterName } from './zcl/zcl-clusters.ts';
import type { ZclValue } from './zcl/zcl-data-types.ts';
import { decodeDefaultResponse } from './zcl/zcl-default-response.ts';
import type { ZclHeader } from './zcl/zcl-header.ts';
import { zclUtcToDate } from './zcl/zcl-utc-time.ts';

export interface PayloadNode {
  readonly name: string;
  /** The field's bytes (upper-case hex); for containers, their header bytes. */
  readonly hex?: string;
  readonly value?: string | number | boolean | null;
  readonly note?: string;
  readonly children?: readonly PayloadNode[];
}

export type PayloadKind =
  | 'dlms-access-request'
  | 'dlms-access-response'
  | 'dlms-data-notification'
  | 'gbz'
  | 'gbz-alert'
  | 'der'
  | 'unknown';

export interface PayloadDescription {
  readonly kind: PayloadKind;
  readonly length: number;
  /** The typed codec registered for hint.messageCode, if any (decode with registry.ts for typed fields). */
  readonly typedCodec?: string;
  readonly nodes: readonly PayloadNode[];
  /** Set when the payload did not decode; nodes then hold the raw payload. */
  readonly error?: { readonly message: string; readonly offset?: number; readonly field?: string };
}

export interface DescribeHint {
  readonly messageCode?: number;
  /** CRA flag of the frame: tells a GBZ alert from a GBZ command/response. */
  readonly cra?: CraFlag;
  /** Opens protected content when given. */
  readonly cipher?: PayloadCipher;
}

/** Describes a payload as a tree; never throws on malformed input. */
export function describePayload(payload: Uint8Array, hint: DescribeHint = {}): PayloadDescription {
  const kind = kindOf(payload, hint);
  const codec = hint.messageCode === undefined ? undefined : codecsForMessageCode(hint.messageCode)[0];
  const head = { kind, length: payload.length, ...(codec ? { typedCodec: codec.name } : {}) };
  try {
    return { ...head, nodes: describeAs(kind, payload, hint) };
  } catch (e) {
    if (e instanceof GbcsDecodeError) {
      return {
        ...head,
        nodes: [{ name: 'Undecoded payload', hex: bytesToHex(payload) }],
        error: { message: e.message, offset: e.offset, field: e.field },
      };
    }
    throw e;
  }
}

function kindOf(p: Uint8Array, hint: DescribeHint): PayloadKind {
  const b0 = p[0];
  if (b0 === 0xd9) return 'dlms-access-request';
  if (b0 === 0xda) return 'dlms-access-response';
  if (b0 === 0x0f) return 'dlms-data-notification';
  if (b0 === 0x01 && p[1] === 0x09) {
    if (hint.cra === 3) return 'gbz-alert';
    if (hint.cra === undefined && (p[3] ?? 0) >= 0x80) return 'gbz-alert';
    return 'gbz';
  }
  if (b0 === 0x30 || b0 === 0x02 || b0 === 0x04 || b0 === 0x05) return 'der';
  return 'unknown';
}

function describeAs(kind: PayloadKind, p: Uint8Array, hint: DescribeHint): PayloadNode[] {
  switch (kind) {
    case 'dlms-access-request':
      return [accessRequestNode(p)];
    case 'dlms-access-response':
      return [accessResponseNode(p, hint)];
    case 'dlms-data-notification':
      return [dataNotificationNode(p)];
    case 'gbz':
      return gbzNodes(p, hint);
    case 'gbz-alert':
      return gbzAlertNodes(p, hint);
    case 'der':
      return decodeDer(p).map(derNode);
    case 'unknown':
      return [{ name: 'Payload', hex: bytesToHex(p), note: 'not DLMS (D9/DA/0F), GBZ (01 09) or DER' }];
  }
}

// ---------------------------------------------------------------- DLMS

function hexOf(p: Uint8Array, from: number, to: number): string {
  return bytesToHex(p.subarray(from, to));
}

function invokeNode(v: LongInvokeIdAndPriority, p: Uint8Array): PayloadNode {
  const flags = [v.highPriority ? 'high priority' : 'normal priority', v.confirmed ? 'confirmed' : 'unconfirmed', v.breakOnError ? 'break on error' : 'continue on error'];
  if (v.selfDescriptive) flags.push('self-descriptive');
  return { name: 'Long Invoke Id And Priority', hex: hexOf(p, 1, 5), value: v.invokeId, note: flags.join(', ') };
}

function dateTimeText(dt: CosemDateTime): string {
  const d = cosemDateTimeToDate(dt);
  if (d) return d.toISOString();
  const n = (v: number | null, w = 2): string => (v === null ? '*'.repeat(w) : String(v).padStart(w, '0'));
  return `${n(dt.year, 4)}-${n(dt.month)}-${n(dt.dayOfMonth)} ${n(dt.hour)}:${n(dt.minute)}:${n(dt.second)}`;
}

function apduDateTimeNode(dt: CosemDateTime | null, p: Uint8Array): PayloadNode {
  return dt === null ? { name: 'Date Time', hex: '00', value: null, note: 'absent' } : { name: 'Date Time', hex: hexOf(p, 5, 18), value: dateTimeText(dt) };
}

function specNode(s: AccessRequestSpec, i: number): PayloadNode {
  const tag = { get: 1, set: 2, action: 3, 'get-with-selection': 4, 'set-with-selection': 5 }[s.kind];
  const children: PayloadNode[] = [
    { name: 'Class Id', hex: s.classId.toString(16).toUpperCase().padStart(4, '0'), value: s.classId, ...noteOf(cosemClassName(s.classId)) },
    { name: 'Instance Id', value: s.instanceId, ...noteOf(gbcsObjectName(s.instanceId)) },
  ];
  if (s.kind === 'action') {
    children.push({ name: 'Method Id', value: s.methodId, ...noteOf(cosemMethodName(s.classId, s.methodId)) });
  } else {
    children.push({ name: 'Attribute Id', value: s.attributeId, ...noteOf(cosemAttributeName(s.classId, s.attributeId)) });
    if (s.kind === 'get-with-selection' || s.kind === 'set-with-selection') {
      children.push({ name: 'Access Selector', value: s.accessSelector }, dataNode(s.accessParameters, 'Access Parameters'));
    }
  }
  return { name: `[${i}] Access Request Specification`, hex: tag.toString(16).padStart(2, '0').toUpperCase(), value: s.kind, children };
}

function noteOf(note: string | undefined): { note?: string } {
  return note === undefined ? {} : { note };
}

function accessRequestNode(p: Uint8Array): PayloadNode {
  const req = decodeAccessRequest(p);
  return {
    name: 'DLMS Access Request',
    hex: 'D9',
    children: [
      invokeNode(req.invoke, p),
      apduDateTimeNode(req.dateTime, p),
      { name: 'List of Access Request Specifications', value: req.specs.length, children: req.specs.map(specNode) },
      { name: 'List of Data', value: req.data.length, children: req.data.map((d, i) => dataNode(d, `[${i}]`)) },
    ],
  };
}

function accessResponseNode(p: Uint8Array, hint: DescribeHint): PayloadNode {
  const rsp = decodeAccessResponse(p);
  const children: PayloadNode[] = [invokeNode(rsp.invoke, p), apduDateTimeNode(rsp.dateTime, p)];
  if (rsp.requestSpecs) children.push({ name: 'Access Request Specifications', value: rsp.requestSpecs.length, children: rsp.requestSpecs.map(specNode) });
  children.push(
    { name: 'List of Access Response Data', value: rsp.data.length, children: rsp.data.map((d, i) => protectedOrData(d, `[${i}]`, hint)) },
    {
      name: 'List of Access Response Specification',
      value: rsp.specs.length,
      children: rsp.specs.map((s, i) => ({ name: `[${i}] Access Response Specification`, value: s.kind, children: [{ name: s.kind === 'action' ? 'Action Result' : 'Data Access Result', value: s.result }] })),
    },
  );
  return { name: 'DLMS Access Response', hex: 'DA', children };
}

function dataNotificationNode(p: Uint8Array): PayloadNode {
  const n = decodeDataNotification(p);
  const children: PayloadNode[] = [invokeNode(n.invoke, p), apduDateTimeNode(n.dateTime, p)];
  const body = n.body;
  const items = body.type === 'structure' ? body.items : [];
  const [code, stamp, ...rest] = items;
  if (code?.type === 'long-unsigned' && stamp?.type === 'octet-string' && stamp.value.length === 12) {
    children.push(
      { name: 'Alert Code', hex: bytesToHex(encodeAxdrData(code)), value: '0x' + code.value.toString(16).toUpperCase(), ...noteOf(alertCodeName(code.value)) },
      { name: 'Time Stamp', hex: bytesToHex(encodeAxdrData(stamp)), value: dateTimeText(readCosemDateTime(new PayloadReader(stamp.value), 'time-stamp')) },
      { name: 'Body', children: rest.map((d, i) => dataNode(d, `[${i}]`)) },
    );
  } else {
    children.push(dataNode(body, 'Notification Body'));
  }
  return { name: 'DLMS Data Notification', hex: '0F', children };
}

const TYPE_LABEL: Readonly<Record<AxdrData['type'], string>> = {
  'null-data': 'Null',
  array: 'Array',
  structure: 'Structure',
  boolean: 'Boolean',
  'bit-string': 'Bit String',
  'double-long': 'Double Long',
  'double-long-unsigned': 'Double Long Unsigned',
  'octet-string': 'Octet String',
  'visible-string': 'Visible String',
  'utf8-string': 'UTF8 String',
  bcd: 'BCD',
  integer: 'Integer',
  long: 'Long',
  unsigned: 'Unsigned',
  'long-unsigned': 'Long Unsigned',
  long64: 'Long64',
  'long64-unsigned': 'Long64 Unsigned',
  enum: 'Enum',
  float32: 'Float32',
  float64: 'Float64',
  'date-time': 'Date Time',
  date: 'Date',
  time: 'Time',
  'dont-care': "Don't Care",
  'compact-array': 'Compact Array',
};

function containerHeader(d: AxdrData & { items: readonly AxdrData[] }): string {
  const w = new PayloadWriter();
  w.u8(d.type === 'array' ? 1 : 2, 'tag');
  writeAxdrLength(w, d.items.length, 'count');
  return bytesToHex(w.toBytes());
}

function octetNote(v: Uint8Array): string | undefined {
  if (v.length === 6) return formatObis(v);
  if (v.length === 12) {
    const dt = readCosemDateTime(new PayloadReader(v), 'octet-string');
    if (cosemDateTimeToDate(dt)) return dateTimeText(dt);
  }
  if (v.length > 1 && v.every((b) => b >= 0x20 && b <= 0x7e)) return JSON.stringify(Buffer.from(v).toString('latin1'));
  return undefined;
}

export function dataNode(d: AxdrData, label: string): PayloadNode {
  const name = `${label ? label + ' ' : ''}${TYPE_LABEL[d.type]}`;
  switch (d.type) {
    case 'array':
    case 'structure':
      return { name, hex: containerHeader(d), value: `${d.items.length} element${d.items.length === 1 ? '' : 's'}`, children: d.items.map((x, i) => dataNode(x, `[${i}]`)) };
    case 'null-data':
    case 'dont-care':
      return { name, hex: bytesToHex(encodeAxdrData(d)), value: null };
    case 'bit-string':
      return { name, hex: bytesToHex(encodeAxdrData(d)), value: d.bits };
    case 'octet-string':
      return { name, hex: bytesToHex(encodeAxdrData(d)), value: bytesToHex(d.value), ...noteOf(octetNote(d.value)) };
    case 'date-time':
    case 'date':
    case 'time':
      return { name, hex: bytesToHex(encodeAxdrData(d)), value: bytesToHex(d.value) };
    case 'long64':
    case 'long64-unsigned':
      return { name, hex: bytesToHex(encodeAxdrData(d)), value: d.value.toString() };
    case 'compact-array':
      return {
        name,
        value: `${d.elements.length} element${d.elements.length === 1 ? '' : 's'}`,
        note: `of ${describeType(d.description)}`,
        children: d.elements.map((x, i) => dataNode(x, `[${i}]`)),
      };
    default:
      return { name, hex: bytesToHex(encodeAxdrData(d)), value: d.value };
  }
}

function describeType(t: AxdrTypeDescription): string {
  if (t.type === 'array') return `array[${t.count}] of ${describeType(t.element)}`;
  if (t.type === 'structure') return `structure { ${t.fields.map(describeType).join(', ')} }`;
  return t.type;
}

function looksProtected(d: AxdrData): boolean {
  if (d.type !== 'structure' || d.items.length !== 2) return false;
  const [params, sealed] = d.items;
  return params?.type === 'array' && sealed?.type === 'octet-string' && sealed.value[0] === 0x31;
}

function protectionNode(pp: ProtectionParameters): PayloadNode {
  return {
    name: 'Protection Parameters',
    children: [
      { name: 'Protection Type', value: pp.protectionType },
      { name: 'Transaction Id', value: `${pp.transactionId.prefix.toString(16).padStart(2, '0')} ‖ ${pp.transactionId.counter}` },
      { name: 'Originator System Title', value: pp.originator },
      { name: 'Recipient System Title', value: pp.recipient },
      { name: 'Other Information', value: bytesToHex(pp.otherInformation) },
      { name: 'Key Info', value: 'agreed key', children: [{ name: 'Key Parameters', value: pp.keyInfo.keyParameters, ...noteOf(pp.keyInfo.keyParameters === 2 ? 'C(0e, 2s ECC CDH)' : undefined) }, { name: 'Key Ciphered Data', value: bytesToHex(pp.keyInfo.keyCipheredData) }] },
    ],
  };
}

function sealedNodes(sealed: Uint8Array): PayloadNode[] {
  return [
    { name: 'Security Header', hex: bytesToHex(sealed.subarray(0, 5)) },
    { name: 'Encrypted Payload', hex: bytesToHex(sealed.subarray(5, sealed.length - 12)) },
    { name: 'AE MAC', hex: bytesToHex(sealed.subarray(sealed.length - 12)) },
  ];
}

function protectedOrData(d: AxdrData, label: string, hint: DescribeHint): PayloadNode {
  if (!looksProtected(d)) return dataNode(d, label);
  let rsp;
  try {
    rsp = getProtectedAttributesResponseFromAxdr(d);
  } catch (e) {
    if (e instanceof GbcsDecodeError) return dataNode(d, label);
    throw e;
  }
  const children: PayloadNode[] = [protectionNode(rsp.protection), { name: 'Protected Attributes', value: `${rsp.protectedAttributes.length} bytes`, children: sealedNodes(rsp.protectedAttributes) }];
  if (hint.cipher) children.push(decryptedNode(() => dataNode(openProtectedAttributes(rsp.protectedAttributes, hint.cipher as PayloadCipher), '')));
  return { name: `${label} Get Protected Attributes Response`, hex: containerHeader(d as AxdrData & { items: readonly AxdrData[] }), children };
}

function decryptedNode(open: () => PayloadNode): PayloadNode {
  try {
    return { name: 'Decrypted Payload', children: [open()] };
  } catch (e) {
    // a printer: a block that does not open (wrong keys, GbcsCryptoError) or does not decode is shown as such
    const what = e instanceof GbcsCryptoError || e instanceof GbcsDecodeError ? e.message : String(e);
    return { name: 'Decrypted Payload', value: null, note: `cannot open: ${what}` };
  }
}

// ---------------------------------------------------------------- GBZ

const GLOBAL_COMMANDS: Readonly<Record<number, string>> = {
  0x00: 'Read Attributes',
  0x01: 'Read Attributes Response',
  0x02: 'Write Attributes',
  0x04: 'Write Attributes Response',
  0x06: 'Configure Reporting',
  0x07: 'Configure Reporting Response',
  0x0a: 'Report Attributes',
  0x0b: 'Default Response',
};

function zclHeaderNode(h: ZclHeader): PayloadNode {
  const fc = h.frameControl;
  const fcByte = (fc.frameType === 'cluster' ? 1 : 0) | (h.manufacturerCode !== null ? 4 : 0) | (fc.direction === 'server-to-client' ? 8 : 0) | (fc.disableDefaultResponse ? 0x10 : 0);
  const children: PayloadNode[] = [
    { name: 'Frame Control', hex: fcByte.toString(16).padStart(2, '0').toUpperCase(), note: `${fc.frameType}, ${fc.direction}${fc.disableDefaultResponse ? ', disable default response' : ''}` },
  ];
  if (h.manufacturerCode !== null) children.push({ name: 'Manufacturer Code', value: h.manufacturerCode });
  children.push(
    { name: 'Sequence Number', value: h.sequenceNumber },
    { name: 'Command Id', hex: h.commandId.toString(16).padStart(2, '0').toUpperCase(), value: h.commandId, ...noteOf(fc.frameType === 'global' ? GLOBAL_COMMANDS[h.commandId] : undefined) },
  );
  return { name: 'ZCL Header', children };
}

function zclValueText(v: ZclValue): string | number | boolean {
  if (v.value instanceof Uint8Array) return bytesToHex(v.value);
  if (typeof v.value === 'bigint') return v.value.toString();
  return v.value;
}

function zclPayloadNode(clusterId: number, h: ZclHeader, payload: Uint8Array, base: number): PayloadNode {
  if (h.frameControl.frameType === 'global' && h.manufacturerCode === null) {
    if (h.commandId === 0x00) {
      return {
        name: 'ZCL Payload',
        note: 'Read Attributes',
        children: decodeReadAttributes(payload, base).map((id, i) => ({ name: `Attribute Id ${i}`, value: '0x' + id.toString(16).toUpperCase().padStart(4, '0'), ...noteOf(attributeName(clusterId, id)) })),
      };
    }
    if (h.commandId === 0x01) {
      return {
        name: 'ZCL Payload',
        note: 'Read Attributes Response',
        children: decodeReadAttributesResponse(payload, base).map((r, i) => ({
          name: `Attribute ${i + 1}`,
          value: '0x' + r.attributeId.toString(16).toUpperCase().padStart(4, '0'),
          ...noteOf(attributeName(clusterId, r.attributeId)),
          children: [{ name: 'Status', value: r.status }, ...(r.status === 'success' ? [{ name: 'Attribute Data Type', value: r.value.type }, { name: 'Attribute Data Value', value: zclValueText(r.value) }] : [])],
        })),
      };
    }
    if (h.commandId === 0x0b) {
      const d = decodeDefaultResponse(payload, base);
      return { name: 'ZCL Payload', note: 'Default Response', children: [{ name: 'Command Id', value: d.commandId }, { name: 'Status', value: d.status }] };
    }
  }
  return { name: 'ZCL Payload', hex: bytesToHex(payload), note: 'cluster-specific command (not interpreted)' };
}

function componentNode(c: GbzComponent, i: number, hint: DescribeHint, last: boolean): PayloadNode {
  const control = (last ? GBZ_CONTROL.last : 0) | (c.kind === 'encrypted' ? GBZ_CONTROL.encrypted : 0) | (c.fromDateTime !== null ? GBZ_CONTROL.fromDateTime : 0);
  const flags = [last ? 'last' : '', c.kind === 'encrypted' ? 'encrypted' : '', c.fromDateTime !== null ? 'from date-time' : ''].filter(Boolean).join(', ');
  const children: PayloadNode[] = [
    { name: 'Control Field', hex: control.toString(16).padStart(2, '0').toUpperCase(), ...noteOf(flags || undefined) },
    { name: 'Cluster Id', hex: c.clusterId.toString(16).toUpperCase().padStart(4, '0'), ...noteOf(clusterName(c.clusterId)) },
  ];
  if (c.kind === 'encrypted') {
    children.push({ name: 'Additional Header Control', value: c.additionalHeader.control }, { name: 'Additional Header Frame Counter', value: c.additionalHeader.frameCounter });
  }
  if (c.fromDateTime !== null) children.push({ name: 'From Date Time', value: zclUtcToDate(c.fromDateTime).toISOString() });
  children.push(zclHeaderNode(c.header));
  if (c.kind === 'plain') {
    children.push(zclPayloadNode(c.clusterId, c.header, c.payload, gbzContentOffset(c) ?? 0));
  } else {
    children.push({ name: 'Ciphered Information Length', value: c.sealed.length }, ...sealedNodes(c.sealed));
    if (hint.cipher) {
      const cipher = hint.cipher;
      children.push(decryptedNode(() => {
        const plain = openGbzComponent(c, cipher);
        return zclPayloadNode(c.clusterId, c.header, plain.payload, 0);
      }));
    }
  }
  return { name: `GBZ Component ${i + 1}`, children };
}

function gbzNodes(p: Uint8Array, hint: DescribeHint): PayloadNode[] {
  const gbz = decodeGbz(p);
  const n = gbz.components.length;
  return [
    { name: 'Profile Id', hex: '0109' },
    { name: 'Number of GBZ Components', value: n },
    ...gbz.components.map((c, i) => componentNode(c, i, hint, i === n - 1)),
  ];
}

function gbzAlertNodes(p: Uint8Array, hint: DescribeHint): PayloadNode[] {
  const a = decodeGbzAlert(p);
  const nodes: PayloadNode[] = [
    { name: 'Profile Id', hex: '0109' },
    { name: 'Number of GBZ Components', value: a.componentCount },
    { name: 'Alert Code', hex: a.alertCode.toString(16).toUpperCase().padStart(4, '0'), ...noteOf(alertCodeName(a.alertCode)) },
    { name: 'Time Stamp', value: zclUtcToDate(a.timeStamp).toISOString() },
  ];
  if (a.body.length === 0) return nodes;
  // Try the body as GBZ components; otherwise show it raw (alert-specific content).
  try {
    const r = new PayloadReader(a.body, GBZ_ALERT_BODY_OFFSET);
    const comps: GbzComponent[] = [];
    for (let i = 0; i < a.componentCount; i++) comps.push(readGbzComponent(r, `gbz-alert.component[${i}]`, null));
    r.expectEnd('gbz-alert body');
    if (comps.length === 0) throw new GbcsDecodeError(GBZ_ALERT_BODY_OFFSET, 'gbz-alert body', 'components');
    nodes.push(...comps.map((c, i) => componentNode(c, i, hint, i === comps.length - 1)));
  } catch (e) {
    if (!(e instanceof GbcsDecodeError)) throw e;
    nodes.push({ name: 'Alert Specific Content', hex: bytesToHex(a.body) });
  }
  return nodes;
}

// ---------------------------------------------------------------- DER

function derNode(n: DerNode): PayloadNode {
  if (n.children) return { name: n.name, value: `${n.children.length} element${n.children.length === 1 ? '' : 's'}`, children: n.children.map(derNode) };
  if (n.name === 'INTEGER' && n.content.length > 0 && n.content.length <= 6) {
    let v = 0;
    for (const b of n.content) v = v * 256 + b;
    if ((n.content[0] as number) & 0x80) v -= 2 ** (8 * n.content.length);
    return { name: n.name, hex: bytesToHex(n.content), value: v };
  }
  if (n.name === 'NULL') return { name: n.name, value: null };
  if (n.name === 'BOOLEAN') return { name: n.name, hex: bytesToHex(n.content), value: n.content[0] !== 0 };
  return { name: n.name, hex: bytesToHex(n.content), ...noteOf(n.content.length > 1 && n.content.every((b) => b >= 0x20 && b <= 0x7e) ? JSON.stringify(Buffer.from(n.content).toString('latin1')) : undefined) };
}
