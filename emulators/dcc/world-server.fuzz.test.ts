// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Hardening (issue 8): mutated DUIS requests into the emulated DCC served over loopback HTTP
 * (the world server's default world, as `dit emulate` serves it, strict about XML signatures).
 * Each case builds a fresh, correctly signed request from an RTDS DUIS template (a new
 * RequestID counter, so a replay is never the reason for a refusal) and mutates its text with
 * fast-check: characters deleted, inserted (XML metacharacters, entity references, a DOCTYPE),
 * replaced, or the document cut short. Every answer must be an HTTP 4xx, or a DUIS response
 * with an E-code — or, only for a mutant that is still a well-formed request whose signature
 * verifies (a change inside the signature's whitespace, say), the DCC's acceptance. Never a
 * 5xx, never an answer that is not DUIS; and after the fuzz a valid request is still answered.
 *
 * 60 requests in the default run; 10,000 with DIT_HARDENING_FULL=1 (`npm run hardening`).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServiceRequest, type BuiltServiceRequest } from '../../harness/protocol/duis/build-request.ts';
import { duisEuiToHex } from '../../harness/protocol/duis/eui.ts';
import { parseDuisRequest, parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { signDuisRequest, verifyDuisSignature } from '../../harness/protocol/duis/xml-signature.ts';
import { deriveParty } from '../../harness/protocol/gbcs/keys.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { startWorldServer, type WorldServer } from './world-server.ts';

const FULL = process.env.DIT_HARDENING_FULL === '1';
const START = Date.UTC(2019, 3, 12, 9);
const SEED = 'fuzz';
const SUPPLIER = REMOTE_PARTY.supplier;
const TEMPLATES = ['ECS52_11.2', 'ECS17b_4.1.1_SINGLE', 'DBCH01_6.31', 'CS03CCritical_8.7.1', 'ECS17a_4.2'];

let server: WorldServer;
let templates: TemplateCatalogue;
let counter = BigInt(START);
const supplierDs = deriveParty(SEED, SUPPLIER).ds;

beforeAll(async () => {
  templates = await loadTemplateCatalogue();
  server = await startWorldServer({ host: '127.0.0.1', port: 0, defaultWorld: { seed: SEED, startMs: START } });
});
afterAll(async () => {
  await server?.close();
});

function signedRequest(templateKey: string): BuiltServiceRequest {
  const template = templates.get(templateKey);
  const built = buildServiceRequest({ template, originator: SUPPLIER, target: duisEuiToHex(template.request.header.requestId.targetId), counter: (counter += 1n) });
  return { ...built, xml: signDuisRequest(built.xml, { privateKey: supplierDs.privateKey!, publicKey: supplierDs.publicKey }) };
}

type TextMutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; char: string }
  | { kind: 'cut'; at: number };

const XMLISH = ['<', '>', '&', '&amp;', '&lol;', '"', "'", ']]>', '<![CDATA[x', '</', '<x>', '<?xml version="1.0"?>', '<!DOCTYPE d [<!ENTITY e "x">]>', '\u0000', '\uFFFF', 'E9', '-1', '99999999999999999999'];
const mutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...XMLISH), fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 1 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

function apply(xml: string, m: TextMutation): string {
  const at = m.at % (xml.length + 1);
  switch (m.kind) {
    case 'delete':
      return xml.slice(0, at) + xml.slice(at + m.length);
    case 'insert':
      return xml.slice(0, at) + m.text + xml.slice(at);
    case 'replace':
      return xml.slice(0, at) + m.char + xml.slice(at + 1);
    case 'cut':
      return xml.slice(0, at);
  }
}

/** Still a request the DCC may accept: well-formed DUIS carrying the supplier's valid signature. */
function stillValid(xml: string): boolean {
  try {
    parseDuisRequest(xml);
  } catch {
    return false;
  }
  return verifyDuisSignature(xml, supplierDs.publicKey).valid;
}

async function post(path: string, body: string): Promise<{ status: number; text: string }> {
  const r = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body });
  return { status: r.status, text: await r.text() };
}

describe('emulated DCC over loopback HTTP under mutated DUIS requests (hardening)', () => {
  it('answers every mutant with an HTTP 4xx or a DUIS E-code (or accepts a mutant that is still valid), and keeps serving', async () => {
    const tally = { http4xx: 0, duisError: 0, acceptedStillValid: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TEMPLATES), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (templateKey, mutations) => {
        const request = signedRequest(templateKey);
        const mutant = mutations.reduce(apply, request.xml);
        if (mutant === request.xml) return;
        const answer = await post(request.servicePath, mutant);
        if (answer.status >= 400 && answer.status < 500) {
          tally.http4xx += 1;
          return;
        }
        expect(answer.status, `HTTP status for ${JSON.stringify(mutations)} on ${templateKey}: ${answer.text.slice(0, 300)}`).toBe(200);
        const reply = parseDuisUserMessage(answer.text);
        const code = reply.responseCode;
        if (code?.startsWith('E')) {
          tally.duisError += 1;
          return;
        }
        expect(stillValid(mutant), `the DCC answered ${code} to a mutant that is not a valid signed request: ${JSON.stringify(mutations)} on ${templateKey}`).toBe(true);
        tally.acceptedStillValid += 1;
      }),
      { numRuns: FULL ? 10_000 : 60, seed: 8 },
    );
    console.log(`DUIS fuzz: ${JSON.stringify(tally)}`);
    // the server keeps serving: a valid request after the fuzz is answered
    const valid = signedRequest('ECS52_11.2');
    const after = await post(valid.servicePath, valid.xml);
    expect(after.status).toBe(200);
    const reply = parseDuisUserMessage(after.text);
    expect(reply.responseCode).toBe('I99');
  }, 600_000);
});
