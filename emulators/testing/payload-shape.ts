// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: the *shape* of a GBCS message, for comparing an emulated message with the RTDS
 * message of the same use case and direction: header fields that say what kind of message it
 * is and how it is protected, and the payload's structure (APDU, DLMS Data tree types and
 * sizes, GBZ components, ZCL headers and attribute records with their types) with the values
 * left out. Protected content is opened with the cipher given and its shape included.
 */
import type { GbcsFrame } from '../../harness/protocol/gbcs/frame-types.ts';
import { decodeDer, type DerNode } from '../../harness/protocol/gbcs/payload/asn1-der.ts';
import { decodeAccessRequest } from '../../harness/protocol/gbcs/payload/dlms/access-request.ts';
import { decodeAccessResponse } from '../../harness/protocol/gbcs/payload/dlms/access-response.ts';
import type { AxdrData } from '../../harness/protocol/gbcs/payload/dlms/axdr-data.ts';
import { decodeDataNotification } from '../../harness/protocol/gbcs/payload/dlms/data-notification.ts';
import { getProtectedAttributesResponseFromAxdr, openProtectedAttributes } from '../../harness/protocol/gbcs/payload/dlms/get-protected-attributes.ts';
import type { LongInvokeIdAndPriority } from '../../harness/protocol/gbcs/payload/dlms/long-invoke-id.ts';
import type { PayloadCipher } from '../../harness/protocol/gbcs/payload/payload-cipher.ts';
import { decodeGbz, openGbzComponent, type GbzComponent } from '../../harness/protocol/gbcs/payload/zcl/gbz.ts';
import { decodeReadAttributes, decodeReadAttributesResponse } from '../../harness/protocol/gbcs/payload/zcl/zcl-attributes.ts';
import { ZCL_GLOBAL_COMMAND } from '../../harness/protocol/gbcs/payload/zcl/zcl-header.ts';

/** What kind of message a frame is and how it is protected (values such as counters and times left out). */
export function headerShape(f: GbcsFrame) {
  return {
    cra: f.cra,
    messageCode: f.messageCode,
    originator: f.originator,
    recipient: f.recipient,
    dateTime: f.dateTime ? { length: f.dateTime.length, clockStatus: f.dateTime[11] } : null,
    supplementary: f.supplementary ? { remotePartyId: f.supplementary.remotePartyId, fields: Object.keys(f.supplementary).sort() } : null,
    macWrapped: f.macProtected,
    signed: f.signature !== null,
    preCommand: f.preCommand ?? false,
  };
}

export function axdrShape(d: AxdrData): unknown {
  switch (d.type) {
    case 'array':
    case 'structure':
      return { type: d.type, items: d.items.map(axdrShape) };
    case 'octet-string':
    case 'date-time':
    case 'date':
    case 'time':
      return { type: d.type, length: d.value.length };
    case 'bit-string':
      return { type: d.type, bits: d.bits.length };
    case 'visible-string':
    case 'utf8-string':
      return { type: d.type, length: d.value.length };
    default:
      return { type: d.type };
  }
}

function invokeFlags(i: LongInvokeIdAndPriority) {
  return { highPriority: i.highPriority, confirmed: i.confirmed, breakOnError: i.breakOnError, selfDescriptive: i.selfDescriptive };
}

/** A Data item, with the decrypted content's shape when it is a Get-Protected-Attributes response and a cipher is given. */
function dataShape(d: AxdrData, cipher: PayloadCipher | undefined): unknown {
  const sealed = d.type === 'structure' && d.items[1]?.type === 'octet-string' && d.items[1].value[0] === 0x31;
  if (!cipher || !sealed) return axdrShape(d);
  const rsp = getProtectedAttributesResponseFromAxdr(d);
  return { ...(axdrShape(d) as object), decrypted: axdrShape(openProtectedAttributes(rsp.protectedAttributes, cipher)) };
}

/** Shape of a DLMS payload (Access request D9, Access response DA, Data-Notification 0F). */
export function dlmsShape(payload: Uint8Array, cipher?: PayloadCipher): unknown {
  switch (payload[0]) {
    case 0xd9: {
      const r = decodeAccessRequest(payload);
      return { apdu: 'access-request', invoke: invokeFlags(r.invoke), dateTime: r.dateTime !== null, specs: r.specs, data: r.data.map(axdrShape) };
    }
    case 0xda: {
      const r = decodeAccessResponse(payload);
      return {
        apdu: 'access-response',
        invoke: invokeFlags(r.invoke),
        dateTime: r.dateTime !== null,
        requestSpecs: r.requestSpecs,
        data: r.data.map((d) => dataShape(d, cipher)),
        specs: r.specs,
      };
    }
    case 0x0f: {
      const n = decodeDataNotification(payload);
      return { apdu: 'data-notification', invoke: invokeFlags(n.invoke), dateTime: n.dateTime !== null, body: axdrShape(n.body) };
    }
    default:
      throw new Error(`not a DLMS payload (tag ${payload[0]?.toString(16)})`);
  }
}

function zclShape(component: GbzComponent, cipher: PayloadCipher | undefined): unknown {
  const plain = component.kind === 'encrypted' ? (cipher ? openGbzComponent(component, cipher) : null) : component;
  if (!plain) return 'encrypted';
  if (plain.header.commandId === ZCL_GLOBAL_COMMAND.readAttributes) return { readAttributes: decodeReadAttributes(plain.payload) };
  if (plain.header.commandId === ZCL_GLOBAL_COMMAND.readAttributesResponse) {
    return {
      readAttributesResponse: decodeReadAttributesResponse(plain.payload).map((r) =>
        r.status === 'success'
          ? { attributeId: r.attributeId, status: r.status, type: r.value.type, ...(r.value.value instanceof Uint8Array ? { length: r.value.value.length } : {}) }
          : { attributeId: r.attributeId, status: r.status },
      ),
    };
  }
  return { commandId: plain.header.commandId, length: plain.payload.length };
}

/** Shape of a GBZ payload: components, ZCL headers and records (encrypted ones opened with `cipher`). */
export function gbzShape(payload: Uint8Array, cipher?: PayloadCipher): unknown {
  return decodeGbz(payload).components.map((c) => ({
    kind: c.kind,
    clusterId: c.clusterId,
    fromDateTime: c.fromDateTime !== null,
    header: c.header,
    ...(c.kind === 'encrypted' ? { additionalHeader: c.additionalHeader } : {}),
    zcl: zclShape(c, cipher),
  }));
}

/** Shape of an ASN.1 DER payload (the CS-series join services): tags, lengths and nesting, not values. */
export function derShape(payload: Uint8Array): unknown {
  const shape = (n: DerNode): unknown => ({ name: n.name, length: n.length, ...(n.children ? { children: n.children.map(shape) } : {}) });
  return decodeDer(payload).map(shape);
}
