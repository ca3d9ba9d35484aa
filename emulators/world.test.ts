// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { Bench } from '../harness/bench/bench.ts';
import { buildServiceRequest } from '../harness/protocol/duis/build-request.ts';
import { signDuisRequest } from '../harness/protocol/duis/xml-signature.ts';
import { parseDuisUserMessage } from '../harness/protocol/duis/parse.ts';
import { loadTemplateCatalogue } from '../harness/protocol/duis/templates.ts';
import { loadPremisesSpec } from '../harness/programme/premises-spec.ts';
import { deriveParty } from '../harness/protocol/gbcs/keys.ts';
import { openFrame } from '../harness/protocol/gbcs/secure-frame.ts';
import { ecs52 } from '../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { REMOTE_PARTY } from './remote-parties.ts';
import { createEmulatedWorld } from './world.ts';

const START = Date.UTC(2019, 3, 12, 9);
const spec = loadPremisesSpec();
const esme = spec.meters.find((m) => m.type === 'ESME')!;

function world(seed: string) {
  const received: string[] = [];
  const w = createEmulatedWorld({ seed, startMs: START, premises: spec, receiver: { deliver: async (xml) => void received.push(xml) } });
  return { w, received };
}

describe('createEmulatedWorld', () => {
  it('builds the premises the description names, under one clock, with the seed-derived keys', async () => {
    const { w } = world('world-1');
    expect(w.clock.now()).toBe(START);
    expect(w.premises.devices().map((d) => [d.deviceType, d.eui, d.firmwareVersion])).toEqual([
      ['CHF', spec.commsHub.chf, spec.commsHub.firmwareImage],
      ['GPF', spec.commsHub.gpf, spec.commsHub.firmwareImage],
      ['ESME', esme.eui, esme.firmwareImage],
      ['GSME', spec.meters.find((m) => m.type === 'GSME')!.eui, spec.meters.find((m) => m.type === 'GSME')!.firmwareImage],
    ]);
    for (const eui of [esme.eui, REMOTE_PARTY.supplier, REMOTE_PARTY.accessControlBroker]) {
      expect(w.keys.keysOf(eui)).toEqual(deriveParty('world-1', eui));
    }
    expect(w.benchDriver.now()).toBe(START);
    await w.close();
  });

  it('answers DUIS through its DCC and delivers the device response as time passes on the Bench', async () => {
    const { w, received } = world('world-2');
    const templates = await loadTemplateCatalogue();
    const request = buildServiceRequest({ template: templates.get('ECS52_11.2'), originator: REMOTE_PARTY.supplier, target: esme.eui, counter: BigInt(START) });
    const reply = await w.dcc(new Request(`http://dcc.test${request.servicePath}`, { method: 'POST', body: signDuisRequest(request.xml, { privateKey: w.keys.keysOf(REMOTE_PARTY.supplier).ds.privateKey!, publicKey: w.keys.keysOf(REMOTE_PARTY.supplier).ds.publicKey }) }));
    expect(parseDuisUserMessage(await reply.text()).responseCode).toBe('I99');
    await new Bench(w.benchDriver).advance(60_000);
    expect(received).toHaveLength(1);
    const payload = parseDuisUserMessage(received[0]!).gbcsPayload!;
    const opened = openFrame(payload, {
      mac: { localKaPrivate: deriveParty('world-2', REMOTE_PARTY.supplier).ka.privateKey!, peerKaPublic: deriveParty('world-2', esme.eui).ka.publicKey },
    });
    expect(opened.mac).toBe('valid');
    expect(ecs52.decodeResponse(opened.frame.payload, { header: opened.frame })).toEqual({ ok: true, firmwareVersion: esme.firmwareImage });
    expect(w.dccTrace.of('relayed')).toHaveLength(1);
    await w.close();
  });

  it('close() detaches the DCC and stops the premises on the clock', async () => {
    const { w } = world('world-3');
    expect(w.clock.pendingCount).toBeGreaterThan(0);
    await w.close();
    await w.close();
    expect(w.clock.pendingCount).toBe(0);
  });
});
