// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { DuisError } from './duis-error.ts';
import { parseDuisMessage, parseDuisRequest, parseDuisUserMessage } from './parse.ts';

const NS = 'xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway"';
const request = (header: string, body = '<sr:Body><sr:ReadFirmwareVersion/></sr:Body>') =>
  `<?xml version="1.0" encoding="UTF-8"?><sr:Request ${NS} schemaVersion="5.2"><sr:Header>${header}</sr:Header>${body}</sr:Request>`;
const goodHeader =
  '<sr:RequestID>90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000</sr:RequestID><sr:CommandVariant>1</sr:CommandVariant>' +
  '<sr:ServiceReference>11.2</sr:ServiceReference><sr:ServiceReferenceVariant>11.2</sr:ServiceReferenceVariant>';

function duisError(xml: string | Uint8Array): DuisError {
  try {
    parseDuisMessage(xml);
  } catch (e) {
    if (e instanceof DuisError) return e;
    throw new Error(`expected a DuisError, got ${String(e)}`);
  }
  throw new Error('expected a DuisError, parsing succeeded');
}

describe('parseDuisMessage: well-formed DUIS', () => {
  it('reads a request with any namespace prefix', () => {
    const xml = request(goodHeader).replace(/sr:/g, 'x:').replace('xmlns:sr=', 'xmlns:x=');
    expect(parseDuisMessage(xml)).toMatchObject({ kind: 'request', srv: '11.2', commandVariant: 1, schemaVersion: '5.2' });
  });

  it('reads a real DCC Boxed device response (public duis-parser sample shape) with its GBCS payload', () => {
    const payload = '3QAAAAAAAFURAAAAAN8JAgAAAYKse1oHCIhzhFcAL5YeCJCz1R8wAAACABIAWZCz1R8wAQAAAAABgqx7WN8R2iB7WgcAAAEJBAwjAAABAQAAnbt9CWxcgwworYef';
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?><sr:Response ${NS} xmlns:ra="http://www.dccinterface.co.uk/ResponseAndAlert" schemaVersion="5.1">` +
      '<sr:Header><sr:RequestID>90-B3-D5-1F-30-01-00-00:88-73-84-57-00-2F-96-1E:1660751141087</sr:RequestID>' +
      '<sr:ResponseID>88-73-84-57-00-2F-96-1E:90-B3-D5-1F-30-01-00-00:1660751141087</sr:ResponseID>' +
      '<sr:ResponseCode>I0</sr:ResponseCode><sr:ResponseDateTime>2022-08-17T15:45:42.790Z</sr:ResponseDateTime></sr:Header>' +
      `<sr:Body><sr:ResponseMessage><sr:ServiceReference>11.2</sr:ServiceReference><sr:ServiceReferenceVariant>11.2</sr:ServiceReferenceVariant><sr:GBCSPayload>${payload}</sr:GBCSPayload></sr:ResponseMessage></sr:Body>` +
      '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>NaXp&#13;\nrJNj</ds:SignatureValue></ds:Signature></sr:Response>';
    const m = parseDuisUserMessage(xml);
    expect(m).toMatchObject({ kind: 'response', responseCode: 'I0', srv: '11.2', requestId: { target: '88-73-84-57-00-2F-96-1E', counter: 1660751141087n } });
    expect(m.gbcsPayload?.[0]).toBe(0xdd);
    expect(m.gbcsPayload).toEqual(new Uint8Array(Buffer.from(payload, 'base64')));
  });

  it('reads a request in the default namespace (no prefix)', () => {
    const xml = request(goodHeader).replace(/sr:/g, '').replace('xmlns:sr=', 'xmlns=');
    expect(parseDuisRequest(xml)).toMatchObject({ srv: '11.2', body: { ReadFirmwareVersion: '' } });
  });

  it('accepts bytes', () => {
    expect(parseDuisRequest(new TextEncoder().encode(request(goodHeader))).srv).toBe('11.2');
  });
});

describe('parseDuisMessage: malformed input is a DuisError with a clear message', () => {
  it.each([
    ['empty text', '', 'not-well-formed', /line 1, column 1: the document is empty/],
    ['not XML', 'not xml', 'not-well-formed', /text before the root element/],
    ['unclosed Header', request(goodHeader).replace('</sr:Header>', ''), 'not-well-formed', /closing tag <\/sr:Request> does not match the open element <sr:Header>/],
    ['duplicate attribute', request(goodHeader).replace('<sr:Body>', '<sr:Body a="1" a="2">'), 'not-well-formed', /attribute a appears twice/],
    ['bare ampersand', request(goodHeader).replace('11.2</sr:ServiceReference>', '11 & 2</sr:ServiceReference>'), 'not-well-formed', /bare "&"/],
    ['DOCTYPE', '<!DOCTYPE x [<!ENTITY a "b">]><x/>', 'not-well-formed', /DOCTYPE/],
    ['two roots', request(goodHeader) + '<again/>', 'not-well-formed', /second root element/],
    ['not a DUIS root', '<x/>', 'not-duis', /a DUIS Request or Response root element, found "x"/],
    ['wrong namespace', request(goodHeader).replace(NS, 'xmlns:sr="urn:other"'), 'not-duis', /expected the DUIS namespace http:\/\/www\.dccinterface\.co\.uk\/ServiceUserGateway bound to prefix "sr", found "urn:other"/],
    ['missing CommandVariant', request(goodHeader.replace(/<sr:CommandVariant>1<\/sr:CommandVariant>/, '')), 'missing-element', /\(Request\/Header\/CommandVariant\): expected exactly one CommandVariant element, found none/],
    ['command variant 9', request(goodHeader.replace('>1</sr:CommandVariant>', '>9</sr:CommandVariant>')), 'invalid-value', /Request\/Header\/CommandVariant.*expected a command variant 1\.\.8, found "9"/],
    ['unknown SRV', request(goodHeader.replace(/>11\.2<\/sr:ServiceReferenceVariant>/, '>11.9</sr:ServiceReferenceVariant>')), 'unknown-srv', /Request\/Header\/ServiceReferenceVariant/],
    ['ServiceReference not of the SRV', request(goodHeader.replace('<sr:ServiceReference>11.2', '<sr:ServiceReference>4.1')), 'invalid-value', /expected 11\.2 \(the Service Reference of SRV 11\.2\), found "4\.1"/],
    ['negative counter', request(goodHeader.replace(':1000<', ':-1<')), 'bad-request-id', /Request\/Header\/RequestID.*decimal counter/],
    ['empty Body', request(goodHeader, '<sr:Body/>'), 'missing-element', /Request\/Body.*a Body holding the service request element/],
  ])('%s', (_label, xml, reason, message) => {
    const e = duisError(xml);
    expect(e.reason).toBe(reason);
    expect(e.message).toMatch(message);
    expect(e.message).not.toMatch(/\n\s+at /); // no stack in the message
  });

  it('names the position of well-formedness problems', () => {
    const e = duisError('<sr:Request>\n  <sr:Header>\n</sr:Request>');
    expect(e).toMatchObject({ reason: 'not-well-formed', line: 3, column: 1 });
    expect(e.message).toMatch(/^DUIS XML is not well-formed at line 3, column 1: closing tag <\/sr:Request> does not match the open element <sr:Header> \(opened at line 2, column 3\)/);
  });

  it('checks responses: code shape, date, ids, payload', () => {
    const resp = (header: string, body = '') => `<sr:Response ${NS}><sr:Header>${header}</sr:Header>${body}</sr:Response>`;
    const id = '<sr:RequestID>90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1</sr:RequestID>';
    const when = '<sr:ResponseDateTime>2024-01-01T00:00:00Z</sr:ResponseDateTime>';
    expect(duisError(resp(`${id}<sr:ResponseCode>OK</sr:ResponseCode>${when}`)).message).toMatch(/ResponseCode.*such as I0, I99 or E2, found "OK"/);
    expect(duisError(resp(`${id}<sr:ResponseCode>I0</sr:ResponseCode><sr:ResponseDateTime>yesterday</sr:ResponseDateTime>`)).reason).toBe('invalid-value');
    expect(duisError(resp(`<sr:ResponseCode>I0</sr:ResponseCode>${when}`)).message).toMatch(/a RequestID or a ResponseID/);
    const badPayload = '<sr:Body><sr:ResponseMessage><sr:ServiceReference>11.2</sr:ServiceReference><sr:ServiceReferenceVariant>11.2</sr:ServiceReferenceVariant><sr:GBCSPayload>not base64!</sr:GBCSPayload></sr:ResponseMessage></sr:Body>';
    const e = duisError(resp(`${id}<sr:ResponseCode>I0</sr:ResponseCode>${when}`, badPayload));
    expect(e).toMatchObject({ reason: 'bad-payload', element: 'Response/Body/ResponseMessage/GBCSPayload' });
    const alertNoId = '<sr:Body><sr:DeviceAlertMessage><sr:AlertCode>8F12</sr:AlertCode><sr:GBCSPayload>AAAA</sr:GBCSPayload></sr:DeviceAlertMessage></sr:Body>';
    expect(duisError(resp(`${id}<sr:ResponseCode>I0</sr:ResponseCode>${when}`, alertNoId)).message).toMatch(/ResponseID/);
  });

  it('refuses the wrong direction', () => {
    expect(() => parseDuisUserMessage(request(goodHeader))).toThrow(/expected a DUIS Response/);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(duisError(Uint8Array.from([0x3c, 0xff, 0xfe])).message).toMatch(/UTF-8/);
  });
});
