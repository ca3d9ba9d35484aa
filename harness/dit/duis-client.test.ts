// SPDX-License-Identifier: GPL-3.0-or-later
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../protocol/duis/templates.ts';
import { hasDuisSignature, verifyDuisSignature } from '../protocol/duis/xml-signature.ts';
import { deriveParty } from '../protocol/gbcs/keys.ts';
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
