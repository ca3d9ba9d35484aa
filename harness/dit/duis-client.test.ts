// SPDX-License-Identifier: GPL-3.0-or-later
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAcknowledgement, buildLocalCommand, buildPreCommand } from '../protocol/duis/build-response.ts';
import { encodeGbcsPayload } from '../protocol/duis/gbcs-payload.ts';
import type { DuisRequestMessage } from '../protocol/duis/message.ts';
import { parseDuisRequest } from '../protocol/duis/parse.ts';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../protocol/duis/templates.ts';
import { hasDuisSignature, verifyDuisSignature } from '../protocol/duis/xml-signature.ts';
import { deriveParty } from '../protocol/gbcs/keys.ts';
import { sealFrame } from '../protocol/gbcs/secure-frame.ts';
import { DuisInbox } from '../transport/inbox.ts';
import type { Transport } from '../transport/transport.ts';
import { DuisClient, type DuisClientOptions } from './duis-client.ts';

const SUPPLIER = '90B3D51F30010000';
const START = Date.UTC(2019, 3, 12, 9);
const user = { eui: SUPPLIER, keys: deriveParty('duis-client', SUPPLIER) };

let templates: TemplateCatalogue;
beforeAll(async () => {
  templates = await loadTemplateCatalogue();
});

/** A transport that keeps what it is sent and answers HTTP 200 with a body that is not DUIS. */
function recordingTransport(sent: string[]): Transport {
  const inbox = new DuisInbox(async () => undefined);
  return {
    kind: 'in-process',
    baseUrl: 'http://dcc.test',
    receiver: { url: 'http://receiver.test' } as unknown as Transport['receiver'],
    inbox,
    send: async (_path, xml) => {
      sent.push(xml);
      return { status: 200, body: 'ok', contentType: 'text/plain' };
    },
    awaitResponse: () => Promise.reject(new Error('not used')),
    close: async () => undefined,
  };
}

function client(sent: string[], options: Partial<DuisClientOptions> = {}): DuisClient {
  let now = START;
  return new DuisClient({ transport: recordingTransport(sent), templates, user, keys: () => undefined, now: () => (now += 1), ...options });
}

describe('DuisClient XML signatures', () => {
  it("signs every request with the user's DS key by default, deterministically, and the trace holds the signed XML", async () => {
    const sent: string[] = [];
    const c = client(sent);
    const exchange = await c.send('ECS52_11.2');
    expect(verifyDuisSignature(sent[0]!, user.keys.ds.publicKey)).toEqual({ valid: true });
    expect(exchange.request.xml).toBe(sent[0]);
    expect(c.trace.all.find((e) => e.direction === 'user→dcc')?.body).toBe(sent[0]);
    const again: string[] = [];
    await client(again).send('ECS52_11.2');
    expect(again[0]).toBe(sent[0]);
  });

  it("sends unsigned with sign: false, and sendBuilt sends 'none' or 'broken' on demand", async () => {
    const sent: string[] = [];
    await client(sent, { sign: false }).send('ECS52_11.2');
    expect(hasDuisSignature(sent[0]!)).toBe(false);
    const c = client(sent);
    const first = await c.send('ECS52_11.2', { signature: 'none' });
    expect(hasDuisSignature(sent[1]!)).toBe(false);
    await c.sendBuilt(first.request, { signature: 'broken' });
    expect(hasDuisSignature(sent[2]!)).toBe(true);
    expect(verifyDuisSignature(sent[2]!, user.keys.ds.publicKey)).toMatchObject({ valid: false, reason: expect.stringMatching(/SignatureValue/) });
  });
});

describe('DuisClient local delivery', () => {
  /** A transport that answers every request with what `answer` builds from its parsed RequestID and SRV. */
  function scripted(sent: Array<{ path: string; xml: string }>, answer: (path: string, request: DuisRequestMessage) => string): Transport {
    return {
      ...recordingTransport([]),
      send: async (path, xml) => {
        sent.push({ path, xml });
        return { status: 200, body: answer(path, parseDuisRequest(new TextEncoder().encode(xml))), contentType: 'application/xml' };
      },
    };
  }
  const command = Uint8Array.of(0xdd, 0x00, 0x01);
  const at = START;

  it('reads the command for local delivery off the answer and returns the device response with SRV 8.13 to the DCC', async () => {
    const sent: Array<{ path: string; xml: string }> = [];
    const transport = scripted(sent, (_path, r) =>
      r.srv === '8.13' ? buildAcknowledgement({ requestId: r.requestId, srv: r.srv, at }) : buildLocalCommand({ requestId: r.requestId, srv: r.srv, at, gbcsPayload: command, responseCode: 'I0' }),
    );
    const c = client([], { transport });
    const local = await c.send('ECS17b_4.1.1');
    expect(sent[0]!.path).toBe('/api/v1/serviceD');
    expect(local.code).toBe('I0');
    expect(local.localCommand).toEqual(command);
    const response = Uint8Array.of(0xdf, 0x09, 0x02);
    const returned = await c.returnLocalResponse(local, response);
    expect(returned.code).toBe('I99');
    const request = parseDuisRequest(new TextEncoder().encode(sent[1]!.xml));
    expect(sent[1]!.path).toBe('/api/v1/serviceD');
    expect(request).toMatchObject({ srv: '8.13', commandVariant: 8, requestId: { target: '90-B3-D5-1F-30-00-00-02' } });
    expect(request.body).toEqual({ ReturnLocalCommandResponse: { OriginalRequestID: local.request.requestIdText, DeviceGBCSResponse: encodeGbcsPayload(response) } });
    // an answer without a command for local delivery has no response to return
    await expect(c.returnLocalResponse(returned, response)).rejects.toThrow(/no command for local delivery/);
  });

  it('sends a critical request CV 4, then the signed pre-command as the variant asked (6: to /serviceD)', async () => {
    const sent: Array<{ path: string; xml: string }> = [];
    const transport = scripted(sent, (path, r) => {
      if (path === '/api/v1/serviceT') {
        const header = { cra: 1 as const, originator: SUPPLIER, recipient: '00DB1234567890A0', counter: r.requestId.counter, dateTime: null, messageCode: 0x0062, supplementary: null };
        return buildPreCommand({ requestId: r.requestId, srv: r.srv, at, gbcsPayload: sealFrame(header, Uint8Array.of(0x01), { preCommand: true }), gbcsVersion: '4.0' });
      }
      return buildLocalCommand({ requestId: r.requestId, srv: r.srv, at, gbcsPayload: command, responseCode: 'I0' });
    });
    const c = client([], { transport });
    const exchange = await c.sendCritical('ECS70Commission_8.1.1', { signedCommandVariant: 6 });
    expect(sent.map((s) => s.path)).toEqual(['/api/v1/serviceT', '/api/v1/serviceD']);
    expect(exchange.request).toMatchObject({ commandVariant: 6 });
    expect(exchange.localCommand).toEqual(command);
  });
});
