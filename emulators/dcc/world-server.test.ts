// SPDX-License-Identifier: GPL-3.0-or-later
import { X509Certificate } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Bench } from '../../harness/bench/bench.ts';
import { createHttpBenchDriver } from '../../harness/bench/http-bench-driver.ts';
import { buildServiceRequest, type BuiltServiceRequest } from '../../harness/protocol/duis/build-request.ts';
import { routePosts } from '../../harness/protocol/duis/http-route.ts';
import { serveFetchHandler } from '../../harness/protocol/duis/http-serve.ts';
import { parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { signDuisRequest } from '../../harness/protocol/duis/xml-signature.ts';
import { loadPremisesSpec, type1DeviceOfType } from '../../harness/programme/premises-spec.ts';
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import { deriveParty, publicKeyObject } from '../../harness/protocol/gbcs/keys.ts';
import { cs03c } from '../../harness/protocol/gbcs/payload/use-cases/join-service.ts';
import { emulatedDeviceCa } from '../smki/emulated-device-ca.ts';
import { openFrame } from '../../harness/protocol/gbcs/secure-frame.ts';
import { ecs52 } from '../../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { startWorldServer, type WorldServer } from './world-server.ts';

const START = Date.UTC(2019, 3, 12, 9);
const SUPPLIER = REMOTE_PARTY.supplier;
const spec = loadPremisesSpec();
const ESME = spec.meters.find((m) => m.type === 'ESME')!.eui;
const GSME = spec.meters.find((m) => m.type === 'GSME')!.eui;

let templates: TemplateCatalogue;
beforeAll(async () => {
  templates = await loadTemplateCatalogue();
});

interface Receiver {
  readonly url: string;
  readonly got: string[];
  close(): Promise<void>;
}

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function receiver(): Promise<Receiver> {
  const got: string[] = [];
  const served = await serveFetchHandler({
    handler: routePosts({
      paths: ['/rx'],
      handler: async (request) => {
        got.push(await request.text());
        return new Response(null, { status: 204 });
      },
    }),
  });
  const r = { url: `${served.url}/rx`, got, close: () => served.close() };
  open.push(r);
  return r;
}

async function server(options: Parameters<typeof startWorldServer>[0] = {}): Promise<WorldServer> {
  const s = await startWorldServer({ host: '127.0.0.1', port: 0, ...options });
  open.push(s);
  return s;
}

interface CreatedWorld {
  readonly id: string;
  readonly duisBaseUrl: string;
  readonly benchUrl: string;
  readonly receiverUrl: string | null;
}

async function createWorld(s: WorldServer, body: object): Promise<CreatedWorld> {
  const r = await fetch(`${s.url}/worlds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status).toBe(201);
  return (await r.json()) as CreatedWorld;
}

/** ECS52 from the supplier, signed with the supplier's DS key of the world's seed (none: unsigned). */
function ecs52Request(seed: string | null, target = ESME, counter = BigInt(START)): BuiltServiceRequest {
  const built = buildServiceRequest({ template: templates.get('ECS52_11.2'), originator: SUPPLIER, target, counter });
  if (seed === null) return built;
  const { ds } = deriveParty(seed, SUPPLIER);
  return { ...built, xml: signDuisRequest(built.xml, { privateKey: ds.privateKey!, publicKey: ds.publicKey }) };
}

async function sendDuis(baseUrl: string, request: BuiltServiceRequest) {
  const r = await fetch(`${baseUrl}${request.servicePath}`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: request.xml });
  expect(r.status).toBe(200);
  return parseDuisUserMessage(await r.text());
}

function macWith(seed: string, payload: Uint8Array, device = ESME) {
  return openFrame(payload, { mac: { localKaPrivate: deriveParty(seed, SUPPLIER).ka.privateKey!, peerKaPublic: deriveParty(seed, device).ka.publicKey } });
}

async function jsonOf(r: Response): Promise<Record<string, unknown>> {
  return (await r.json()) as Record<string, unknown>;
}

describe('world server: isolated worlds over loopback HTTP', () => {
  it('hosts two worlds side by side: each has its own clock, DCC state, keys and receiver', async () => {
    const s = await server();
    const [rxA, rxB] = await Promise.all([receiver(), receiver()]);
    const [a, b] = await Promise.all([
      createWorld(s, { seed: 'world-a', startMs: START, receiverUrl: rxA.url }),
      createWorld(s, { seed: 'world-b', startMs: START, premises: spec, receiverUrl: rxB.url }),
    ]);
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ duisBaseUrl: `${s.url}/worlds/${a.id}`, benchUrl: `${s.url}/worlds/${a.id}/bench`, receiverUrl: rxA.url });

    // the same RequestID in both worlds: each DCC has its own counter log
    const [ackA, ackB] = await Promise.all([sendDuis(a.duisBaseUrl, ecs52Request('world-a')), sendDuis(b.duisBaseUrl, ecs52Request('world-b'))]);
    expect([ackA.responseCode, ackB.responseCode]).toEqual(['I99', 'I99']);

    const [benchA, benchB] = await Promise.all([createHttpBenchDriver(a.benchUrl), createHttpBenchDriver(b.benchUrl)]);
    await benchA.advance(60_000);
    expect(benchA.now()).toBe(START + 60_000);
    expect(rxA.got).toHaveLength(1);
    expect(rxB.got).toHaveLength(0);
    expect(benchB.now()).toBe(START);
    // the time, and when world B's next event is due (its ESME answers 2 s after the command)
    expect(await jsonOf(await fetch(`${b.benchUrl}/now`))).toEqual({ now: START, nextDueAt: START + 2_000 });

    await benchB.advance(60_000);
    expect(rxB.got).toHaveLength(1);
    const payloadA = parseDuisUserMessage(rxA.got[0]!).gbcsPayload!;
    const payloadB = parseDuisUserMessage(rxB.got[0]!).gbcsPayload!;
    expect(macWith('world-a', payloadA).mac).toBe('valid');
    expect(macWith('world-b', payloadB).mac).toBe('valid');
    expect(macWith('world-a', payloadB).mac).toBe('invalid');
    const frame = macWith('world-b', payloadB).frame;
    expect(ecs52.decodeResponse(frame.payload, { header: frame })).toEqual({ ok: true, firmwareVersion: '0123ABCD' });

    const listed = await jsonOf(await fetch(`${s.url}/worlds`));
    expect((listed['worlds'] as unknown[]).length).toBe(2);
  });

  it('drives the physical world through the bench endpoints', async () => {
    const s = await server();
    const rx = await receiver();
    const w = await createWorld(s, { seed: 'bench', startMs: START, receiverUrl: rx.url });
    const caps = await jsonOf(await fetch(`${w.benchUrl}/capabilities`));
    expect(caps).toMatchObject({ name: 'loopback', capabilities: ['supply-power', 'battery', 'radio-loss', 'clock', 'interference', 'duty-cycle-pressure', 'local-delivery'], now: START });
    expect(caps['nextDueAt']).toBeGreaterThan(START); // the GSME's first wake

    const bench = new Bench(await createHttpBenchDriver(w.benchUrl));
    expect(bench.name).toBe('loopback');
    await bench.transmitFiller(GSME, 20_000);
    await expect(bench.transmitFiller('00DB1234567890A3', 20_000)).rejects.toThrow(/not a meter on the HAN/);
    await bench.powerOff(ESME);
    expect((await sendDuis(w.duisBaseUrl, ecs52Request('bench'))).responseCode).toBe('I99');
    await bench.advance(10 * 60_000);
    expect(rx.got).toHaveLength(0);
    const trace = await jsonOf(await fetch(`${w.duisBaseUrl}/trace`));
    expect(trace['entries']).toEqual(
      expect.arrayContaining([expect.objectContaining({ event: 'command', receipt: expect.objectContaining({ accepted: false, reason: 'device-unreachable' }) })]),
    );

    await bench.powerOn(ESME);
    await bench.setBattery(GSME, 15);
    await bench.radioLoss(GSME);
    await bench.radioRestore(GSME);
    await expect(bench.setBattery(ESME, 50)).rejects.toThrow(RangeError);
    await expect(bench.powerOff(GSME)).rejects.toThrow(/battery powered/);
    await bench.interfere({ page: 28, channel: 1 }, -70);
    await bench.clearInterference({ page: 28, channel: 1 });
    await expect(bench.interfere({ page: 32, channel: 1 }, -70)).rejects.toThrow(new RangeError('GB sub-GHz channel pages are 28–31, got 32'));

    // local delivery: the command the DCC returned (CV 2) handed to the ESME, its response back over HTTP
    const local = buildServiceRequest({ template: templates.get('ECS17b_4.1.1'), originator: SUPPLIER, target: ESME, counter: BigInt(START) + 1n });
    const { ds } = deriveParty('bench', SUPPLIER);
    const answer = await sendDuis(w.duisBaseUrl, { ...local, xml: signDuisRequest(local.xml, { privateKey: ds.privateKey!, publicKey: ds.publicKey }) });
    expect(answer).toMatchObject({ responseCode: 'I0', gbcsPayloadElement: 'Response/Body/ResponseMessage/LocalCommand/GBCSPayload' });
    const delivered = await bench.deliverLocally(ESME, answer.gbcsPayload!);
    expect(macWith('bench', delivered.response!)).toMatchObject({ mac: 'valid', frame: { cra: 2, originator: ESME } });
    const badCommand = await fetch(`${w.benchUrl}/local-delivery`, { method: 'POST', body: JSON.stringify({ device: ESME, command: 'XYZ' }) });
    expect(badCommand.status).toBe(400);
    expect((await jsonOf(badCommand))['error']).toMatch(/a GBCS frame as hex/);

    const badJson = await fetch(`${w.benchUrl}/advance`, { method: 'POST', body: '{ms:' });
    expect(badJson.status).toBe(400);
    expect((await jsonOf(badJson))['error']).toMatch(/not JSON/);
    const negative = await fetch(`${w.benchUrl}/advance`, { method: 'POST', body: JSON.stringify({ ms: -1 }) });
    expect(negative.status).toBe(400);
    expect((await jsonOf(negative))['error']).toMatch(/ms/);
    const wrongMethod = await fetch(`${w.benchUrl}/advance`);
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
    await wrongMethod.text();
    const unknown = await fetch(`${w.benchUrl}/teleport`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    await unknown.text();
  });

  it('answers 404 for an unknown world, 400 for a bad world request, and forgets a deleted world', async () => {
    const s = await server();
    const missing = await fetch(`${s.url}/worlds/w99/bench/now`);
    expect(missing.status).toBe(404);
    expect((await jsonOf(missing))['error']).toMatch(/no world "w99".*POST \/worlds/);
    const duis = await fetch(`${s.url}/worlds/w99/api/v1/serviceS`, { method: 'POST', body: ecs52Request(null).xml });
    expect(duis.status).toBe(404);
    await duis.text();

    const badJson = await fetch(`${s.url}/worlds`, { method: 'POST', body: 'seed=1' });
    expect(badJson.status).toBe(400);
    expect((await jsonOf(badJson))['error']).toMatch(/POST \/worlds: the body is not JSON/);
    const noStart = await fetch(`${s.url}/worlds`, { method: 'POST', body: JSON.stringify({ seed: 'x' }) });
    expect(noStart.status).toBe(400);
    expect((await jsonOf(noStart))['error']).toMatch(/startMs/);
    const badPremises = await fetch(`${s.url}/worlds`, { method: 'POST', body: JSON.stringify({ seed: 'x', startMs: START, premises: { commsHub: {} } }) });
    expect(badPremises.status).toBe(400);
    expect((await jsonOf(badPremises))['error']).toMatch(/body\.premises: not a valid premises description/);

    const w = await createWorld(s, { seed: 'gone', startMs: START });
    const deleted = await fetch(w.duisBaseUrl, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    const after = await fetch(`${w.benchUrl}/now`);
    expect(after.status).toBe(404);
    await after.text();
  });

  it('checks XML signatures strictly by default; acceptUnsigned: true in POST /worlds lets an unsigned request through', async () => {
    const s = await server();
    const strict = await createWorld(s, { seed: 'strict', startMs: START });
    const refused = await sendDuis(strict.duisBaseUrl, ecs52Request(null));
    expect(refused.responseCode).toBe('E9004');
    const lenient = await createWorld(s, { seed: 'lenient', startMs: START, acceptUnsigned: true });
    expect((await sendDuis(lenient.duisBaseUrl, ecs52Request(null))).responseCode).toBe('I99');
    // a signature made with another world's keys is present but invalid: refused even so
    expect((await sendDuis(lenient.duisBaseUrl, ecs52Request('strict', ESME, BigInt(START) + 1n))).responseCode).toBe('E9004');
    const badFlag = await fetch(`${s.url}/worlds`, { method: 'POST', body: JSON.stringify({ seed: 'x', startMs: START, acceptUnsigned: 'yes' }) });
    expect(badFlag.status).toBe(400);
    expect((await jsonOf(badFlag))['error']).toMatch(/acceptUnsigned/);
  });

  it("holds the Type 1 devices of the world's premises description: 8.7.1 naming its PPMID gets the pre-command with the PPMID's certificate; without them, E19", async () => {
    const s = await server();
    const cs03cRequest = (seed: string) => {
      const built = buildServiceRequest({ template: templates.get('CS03CCritical_8.7.1'), originator: SUPPLIER, target: GSME, counter: BigInt(START) });
      const { ds } = deriveParty(seed, SUPPLIER);
      return { ...built, xml: signDuisRequest(built.xml, { privateKey: ds.privateKey!, publicKey: ds.publicKey }) };
    };
    const described = await createWorld(s, { seed: 'type1', startMs: START, premises: spec });
    const pre = await sendDuis(described.duisBaseUrl, cs03cRequest('type1'));
    expect(pre.responseCode).toBe('I0');
    const frame = decodeFrame(pre.gbcsPayload!);
    const { otherDeviceId, otherDeviceCertificate } = cs03c.decodeCommand(frame.payload, { header: frame });
    expect(otherDeviceId).toBe(type1DeviceOfType(spec, 'PPMID')!.eui);
    expect(new X509Certificate(Buffer.from(otherDeviceCertificate!)).verify(publicKeyObject(emulatedDeviceCa('type1').publicKey))).toBe(true);

    const { type1Devices: _, ...withoutType1 } = spec;
    const bare = await createWorld(s, { seed: 'no-type1', startMs: START, premises: withoutType1 });
    expect((await sendDuis(bare.duisBaseUrl, cs03cRequest('no-type1'))).responseCode).toBe('E19');
    const bad = await fetch(`${s.url}/worlds`, { method: 'POST', body: JSON.stringify({ seed: 'x', startMs: START, premises: { ...spec, type1Devices: [{ type: 'IHD', eui: ESME }] } }) });
    expect(bad.status).toBe(400);
    expect((await jsonOf(bad))['error']).toMatch(/expected one of "PPMID"\|"HCALCS";\s+→ at type1Devices\[0\]\.type/);
  });

  it('records a failed delivery when no receiver is set, and delivers once one is', async () => {
    const s = await server();
    const w = await createWorld(s, { seed: 'late-receiver', startMs: START });
    expect(w.receiverUrl).toBeNull();
    const bench = await createHttpBenchDriver(w.benchUrl);
    expect((await sendDuis(w.duisBaseUrl, ecs52Request('late-receiver'))).responseCode).toBe('I99');
    await bench.advance(60_000);
    const trace = await jsonOf(await fetch(`${w.duisBaseUrl}/trace`));
    expect(trace['entries']).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'delivery-failed', detail: expect.stringMatching(/no receiver URL/) })]));

    const rx = await receiver();
    const set = await fetch(`${w.duisBaseUrl}/receiver`, { method: 'PUT', body: JSON.stringify({ url: rx.url }) });
    expect(await jsonOf(set)).toEqual({ url: rx.url });
    expect((await sendDuis(w.duisBaseUrl, ecs52Request('late-receiver', ESME, BigInt(START) + 60_001n))).responseCode).toBe('I99');
    await bench.advance(60_000);
    expect(rx.got).toHaveLength(1);
    const bad = await fetch(`${w.duisBaseUrl}/receiver`, { method: 'PUT', body: JSON.stringify({ url: 'ftp://x' }) });
    expect(bad.status).toBe(400);
    await bad.text();
  });
});

describe('world server: the default world at the root (DCC Boxed shape)', () => {
  it('serves DUIS, the bench and the receiver setting at the root', async () => {
    const s = await server({ defaultWorld: { seed: 'default', startMs: START } });
    const rx = await receiver();
    const set = await fetch(`${s.url}/dit/receiver`, { method: 'POST', body: JSON.stringify({ url: rx.url }) });
    expect(set.status).toBe(200);
    await set.text();
    const request = ecs52Request('default');
    const ack = await sendDuis(s.url, request);
    expect(ack.responseCode).toBe('I99');
    const bench = await createHttpBenchDriver(`${s.url}/bench`);
    await bench.advance(60_000);
    expect(rx.got).toHaveLength(1);
    const response = parseDuisUserMessage(rx.got[0]!);
    expect(response.requestId).toEqual(request.requestId);
    expect(macWith('default', response.gbcsPayload!).mac).toBe('valid');

    const index = await jsonOf(await fetch(`${s.url}/`));
    expect(index).toMatchObject({ worlds: 0, defaultWorld: { id: 'default', receiverUrl: rx.url, now: START + 60_000 } });
    const notDuisPath = await fetch(`${s.url}/api/v1/serviceX`, { method: 'POST', body: request.xml });
    expect(notDuisPath.status).toBe(404);
    await notDuisPath.text();
  });

  it('takes the receiver URL at start, and without a default world the root DUIS path is 404', async () => {
    const rx = await receiver();
    const s = await server({ defaultWorld: { seed: 'default', startMs: START, premises: spec, receiverUrl: rx.url } });
    expect(await jsonOf(await fetch(`${s.url}/dit/receiver`))).toEqual({ url: rx.url });
    const bare = await server();
    const r = await fetch(`${bare.url}/api/v1/serviceS`, { method: 'POST', body: ecs52Request(null).xml });
    expect(r.status).toBe(404);
    expect((await jsonOf(r))['error']).toMatch(/no default world/);
  });
});
