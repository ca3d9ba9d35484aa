// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { parseDuis } from '@smartdcc/duis-parser';
import {
  buildAcknowledgement,
  buildDccAlert,
  buildDeviceAlert,
  buildDeviceResponse,
  buildLocalCommand,
  buildPreCommand,
  buildRejection,
  buildSuccess,
  DCC_ALERT_ORIGINATOR,
  powerOutageAlertContent,
} from './build-response.ts';
import { parseDuisUserMessage } from './parse.ts';
import type { RequestId } from './request-id.ts';
import { RESPONSE_CODE } from './response-codes.ts';

const SUPPLIER = '90-B3-D5-1F-30-01-00-00';
const ESME = '00-DB-12-34-56-78-90-A0';
const CHF = '00-DB-12-34-56-78-90-A2';
const request: RequestId = { originator: SUPPLIER, target: ESME, counter: 1_700_000_000_000n };
const at = Date.UTC(2024, 0, 2, 3, 4, 5, 678);
/** A MAC-protected GBCS response frame head (bytes only matter as bytes here). */
const frame = Uint8Array.from([0xdd, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x55, 0x11, 0x00, 0x00, 0x00, 0x00, 0xdf, 0x09, 0x02, 0xff, 0x00]);

describe('DCC responses build → parse', () => {
  it('acknowledgement I99 echoes RequestID and SRV, in schema element order', () => {
    const xml = buildAcknowledgement({ requestId: request, srv: '11.2', at });
    expect(xml.indexOf('<sr:RequestID>')).toBeLessThan(xml.indexOf('<sr:ResponseCode>'));
    expect(xml).toContain('<sr:ResponseDateTime>2024-01-02T03:04:05.678Z</sr:ResponseDateTime>');
    // duis-parser itself reads it back
    expect(parseDuis('simplified', xml)).toMatchObject({ header: { type: 'response', responseCode: 'I99' } });
    expect(parseDuisUserMessage(xml)).toMatchObject({
      kind: 'ack',
      requestId: request,
      responseId: null,
      responseCode: 'I99',
      srv: '11.2',
      serviceReference: '11.2',
      gbcsPayload: null,
      schemaVersion: '5.1',
    });
  });

  it('success I0 carries content; rejection carries the E code', () => {
    const ok = parseDuisUserMessage(buildSuccess({ requestId: request, srv: '8.14.1', at, content: { Note: 'a & b < c' } }));
    expect(ok).toMatchObject({ kind: 'response', responseCode: 'I0', srv: '8.14.1', serviceReference: '8.14', body: { ResponseMessage: { Note: 'a & b < c' } } });
    const rejected = parseDuisUserMessage(buildRejection({ requestId: request, srv: '4.1.1', at, responseCode: RESPONSE_CODE.roleNotEligible }));
    expect(rejected).toMatchObject({ kind: 'error', responseCode: 'E2', srv: '4.1.1' });
    expect(() => buildRejection({ requestId: request, srv: '4.1.1', at, responseCode: 'I0' })).toThrow(/needs an E code/);
  });

  it('device response carries the GBCS frame base64 in ResponseMessage/GBCSPayload', () => {
    const xml = buildDeviceResponse({ requestId: request, srv: '4.1.1', at, gbcsPayload: frame });
    expect(xml).toContain(`<sr:GBCSPayload>${Buffer.from(frame).toString('base64')}</sr:GBCSPayload>`);
    const m = parseDuisUserMessage(xml);
    expect(m).toMatchObject({
      kind: 'response',
      responseCode: 'I0',
      requestId: request,
      responseId: { originator: ESME, target: SUPPLIER, counter: request.counter },
      gbcsPayloadElement: 'Response/Body/ResponseMessage/GBCSPayload',
    });
    expect(m.gbcsPayload).toEqual(frame);
  });

  it('pre-command (serviceT answer) carries the frame to sign', () => {
    const m = parseDuisUserMessage(buildPreCommand({ requestId: request, srv: '11.3', at, gbcsPayload: frame, gbcsVersion: '2.0' }));
    expect(m).toMatchObject({ kind: 'response', gbcsPayloadElement: 'Response/Body/ResponseMessage/PreCommand/GBCSPayload', body: { ResponseMessage: { PreCommand: { GBCSVersion: '2.0' } } } });
    expect(m.gbcsPayload).toEqual(frame);
  });

  it('command for local delivery: I0 (CV 2, 6) or I99 (CV 3, 7) with the frame in ResponseMessage/LocalCommand/GBCSPayload', () => {
    for (const responseCode of [RESPONSE_CODE.success, RESPONSE_CODE.acknowledged] as const) {
      const xml = buildLocalCommand({ requestId: request, srv: '4.1.1', at, gbcsPayload: frame, responseCode });
      expect(parseDuis('simplified', xml)).toMatchObject({ body: { ResponseMessage: { LocalCommand: { GBCSPayload: Buffer.from(frame).toString('base64') } } } });
      const m = parseDuisUserMessage(xml);
      expect(m).toMatchObject({ kind: responseCode === 'I0' ? 'response' : 'ack', responseCode, requestId: request, gbcsPayloadElement: 'Response/Body/ResponseMessage/LocalCommand/GBCSPayload' });
      expect(m.gbcsPayload).toEqual(frame);
    }
  });

  it('device alert: ResponseID device:user:counter, AlertCode and GBCS payload', () => {
    const xml = buildDeviceAlert({ device: CHF, recipient: SUPPLIER, counter: 77n, alertCode: '8f12', gbcsPayload: frame, at });
    const m = parseDuisUserMessage(xml);
    expect(m).toMatchObject({ kind: 'device-alert', alertCode: '8F12', requestId: null, responseId: { originator: CHF, target: SUPPLIER, counter: 77n }, responseCode: 'I0' });
    expect(m.gbcsPayload).toEqual(frame);
    expect(() => buildDeviceAlert({ device: CHF, recipient: SUPPLIER, counter: 1n, alertCode: 'X', gbcsPayload: frame, at })).toThrow(/four hex digits/);
  });

  it('DCC alert AD1 carries the comms hub id, outage start and MPxNs', () => {
    const content = powerOutageAlertContent({ commsHubId: '00DB1234567890A2', startedAt: at - 180_000, mpxns: ['1234567890123', '9876543210'] });
    const m = parseDuisUserMessage(buildDccAlert({ recipient: SUPPLIER, counter: 5n, alertCode: 'AD1', content, at }));
    expect(m).toMatchObject({
      kind: 'dcc-alert',
      alertCode: 'AD1',
      responseId: { originator: DCC_ALERT_ORIGINATOR, target: SUPPLIER, counter: 5n },
      gbcsPayload: null,
    });
    if (m.kind !== 'dcc-alert') throw new Error('unreachable');
    expect(m.dccAlert).toEqual({
      PowerOutageEvent: { CommsHubID: CHF, PowerOutageStartDateTime: '2024-01-02T03:01:05.678Z', MPxN: ['1234567890123', '9876543210'] },
    });
    expect(() => buildDccAlert({ recipient: SUPPLIER, counter: 5n, alertCode: 'Z9', content, at })).toThrow(/AD1 or N<digits>/);
  });
});
