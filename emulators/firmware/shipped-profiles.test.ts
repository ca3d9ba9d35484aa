// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The shipped profiles' faults, seen as a Service User sees them through the emulated DCC: the
 * world picks each device's profile by (model id, release id), and the faults that the read
 * suites (suites/read.dit.ts) and the HAN checks (suites/han-checks.ts) look for show up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServiceRequest } from '../../harness/protocol/duis/build-request.ts';
import { signDuisRequest } from '../../harness/protocol/duis/xml-signature.ts';
import type { DuisResponseMessage } from '../../harness/protocol/duis/message.ts';
import { parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { ecs17b } from '../../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { gcs38 } from '../../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { loadPremisesSpec, type PremisesSpec } from '../../harness/programme/premises-spec.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { endPartyCipher, openDeviceMessage } from '../testing/dcc-side.ts';
import { createEmulatedWorld, type WorldProfiles } from '../world.ts';
import { duisWorld } from '../testing/duis-world.ts';
import { gcs13a } from '../../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';

const START = Date.UTC(2019, 3, 12, 9);
const MINUTE = 60_000;
const spec = loadPremisesSpec();
const ESME = spec.meters.find((m) => m.type === 'ESME')!;
const GSME = spec.meters.find((m) => m.type === 'GSME')!;
/** suites/read.dit.ts: a sleepy meter answers within one wake interval plus a minute. */
const GSME_WINDOW = GSME.wakeIntervalMinutes! * MINUTE + MINUTE;

let templates: TemplateCatalogue;
beforeAll(async () => {
  templates = await loadTemplateCatalogue();
});

function world(profiles: WorldProfiles, seed = 'shipped', premises: PremisesSpec = spec) {
  const received: string[] = [];
  const w = createEmulatedWorld({ seed, startMs: START, premises, receiver: { deliver: async (xml) => void received.push(xml) }, profiles });
  let counter = BigInt(START);
  return {
    w,
    async send(key: string, target: string) {
      counter += 1n;
      const request = buildServiceRequest({ template: templates.get(key), originator: REMOTE_PARTY.supplier, target, counter });
      await w.dcc(new Request(`http://dcc.test${request.servicePath}`, { method: 'POST', body: signDuisRequest(request.xml, { privateKey: w.keys.keysOf(REMOTE_PARTY.supplier).ds.privateKey!, publicKey: w.keys.keysOf(REMOTE_PARTY.supplier).ds.publicKey }) }));
      return w.clock.now();
    },
    responses: () => received.map((xml) => parseDuisUserMessage(xml)).filter((m): m is DuisResponseMessage => m.kind === 'response'),
  };
}

/** GCS38 as suites/read.dit.ts sends it: the response, if any, and when it came, within the window. */
async function gsmeFirmwareRead(profiles: WorldProfiles, seed?: string, premises?: PremisesSpec) {
  const s = world(profiles, seed, premises);
  const sentAt = await s.send('GCS38_11.2', GSME.eui);
  await s.w.clock.advance(GSME_WINDOW);
  const [response] = s.responses();
  if (!response) return { s, response: null };
  const opened = openDeviceMessage(s.w.keys, response.gbcsPayload!);
  return { s, response, elapsed: Date.parse(response.responseDateTime) - sentAt, opened, fields: gcs38.decodeResponse(opened.frame.payload, { header: opened.frame }) };
}

/** The default description naming programme ids, as the planner's premises for a plan item do. */
function named(hub: { vendorId: string; releaseId: string }, gsme?: { modelId: string; releaseId: string }): PremisesSpec {
  return {
    ...spec,
    commsHub: { ...spec.commsHub, ...hub },
    meters: spec.meters.map((m) => (m.type === 'GSME' && gsme ? { ...m, ...gsme } : m)),
  };
}

describe('the world picks each device\'s profile from the ids the premises description names', () => {
  it('comms hub by vendor + release, meter by model + release; an override (null) removes one', () => {
    const premises = named({ vendorId: 'TOSH', releaseId: 'TOSH-12.25' }, { modelId: 'MM2-G868-OPT1', releaseId: 'MM2-G868-OPT1-1.0.3' });
    const s = world({}, 'named', premises);
    expect(s.w.premises.firmwareFaults.none).toBe(false);
    expect(s.w.premises.gsme.profile.responseLatencyMs).toBe(4_000);
    expect(s.w.premises.chf.profile.responseLatencyMs).toBe(600);
    const cleared = world({ commsHub: null }, 'named', premises);
    expect(cleared.w.premises.firmwareFaults.none).toBe(true);
    expect(cleared.w.premises.gsme.profile.responseLatencyMs).toBe(4_000);
  });

  it('refuses a named release that has no profile', () => {
    expect(() => world({}, 'named', named({ vendorId: 'WNC', releaseId: 'TOSH-12.25' }))).toThrow(/no firmware profile for comms hub release TOSH-12.25 of vendor WNC/);
    expect(() => world({}, 'named', named({ vendorId: 'WNC', releaseId: 'WNC-1.9' }, { modelId: 'MM2-G868-OPT1', releaseId: 'MM2-G868-OPT1-9' }))).toThrow(
      /no firmware profile for release MM2-G868-OPT1-9 on model MM2-G868-OPT1/,
    );
  });

  it('the default description names no ids: fault-free', () => {
    expect(world({}).w.premises.firmwareFaults.none).toBe(true);
  });
});

describe('TOSH 12.25 (withdrawn): its fault is visible', () => {
  const tosh1225: WorldProfiles = { commsHub: { model: 'TOSH-DBCH', release: 'TOSH-12.25' } };

  it('every GSME firmware-version response is lost (the hub named by the premises description)', async () => {
    const { response, s } = await gsmeFirmwareRead({}, 'shipped', named({ vendorId: 'TOSH', releaseId: 'TOSH-12.25' }));
    expect(response).toBeNull();
    expect(s.w.premises.firmwareFaults.log).toMatchObject([{ faultId: 'TOSH-12.25-GSME-RESPONSE-LOST', profileId: 'TOSH-DBCH-12.25', applied: true }]);
  });

  it('every GPF gas read carries a MAC the user cannot verify', async () => {
    const s = world(tosh1225);
    await s.send('GCS13a_4.1.1_RELIABLE_GPF', spec.commsHub.gpf);
    await s.w.clock.advance(MINUTE);
    expect(openDeviceMessage(s.w.keys, s.responses()[0]!.gbcsPayload!).mac).toBe('invalid');
  });

  it('12.26 claims the fix: the same reads succeed', async () => {
    const { response, fields } = await gsmeFirmwareRead({ commsHub: { model: 'TOSH-DBCH', release: 'TOSH-12.26' } });
    expect(response).not.toBeNull();
    expect(fields?.firmwareVersion).toEqual({ status: 'success', value: GSME.firmwareImage });
  });
});

describe('MM1 single-band firmware: the read suites see its defects', () => {
  it('MM1-E24 2.1.0: the active import register does not advance in an hour of supply', async () => {
    const s = world({ esme: { model: 'MM1-E24', release: 'MM1-E24-2.1.0' } });
    const read = async () => {
      await s.send('ECS17b_4.1.1_SINGLE', ESME.eui);
      await s.w.clock.advance(MINUTE);
      const opened = openDeviceMessage(s.w.keys, s.responses().at(-1)!.gbcsPayload!);
      const fields = ecs17b.decodeResponse(opened.frame.payload, { header: opened.frame, cipher: endPartyCipher(s.w.keys, opened.frame) });
      if (!fields.ok) throw new Error(fields.result);
      return fields.registers[0]!.value;
    };
    const before = await read();
    await s.w.clock.advance(60 * MINUTE);
    expect(await read()).toBe(before);
  });

  it('MM1-G24 1.7.0: GCS38 reports the previous release’s firmware version; the dual-band 2.0.0 reports the installed one', async () => {
    expect((await gsmeFirmwareRead({ gsme: { model: 'MM1-G24', release: 'MM1-G24-1.7.0' } })).fields?.firmwareVersion).toEqual({ status: 'success', value: '01060200' });
    expect((await gsmeFirmwareRead({ gsme: { model: 'MM1-G24', release: 'MM1-G24-2.0.0' } })).fields?.firmwareVersion).toEqual({ status: 'success', value: GSME.firmwareImage });
  });
});

describe('WNC 1.9: a GSME response now and then misses its window', () => {
  it('late for some seeds, on time for others, the same for the same seed', async () => {
    const wnc19: WorldProfiles = { commsHub: { model: 'WNC-DBCH', release: 'WNC-1.9' } };
    const outcome = async (seed: string) => ((await gsmeFirmwareRead(wnc19, seed)).response ? 'in-window' : 'late');
    const seeds = Array.from({ length: 12 }, (_, i) => `wnc-${i}`);
    const outcomes = await Promise.all(seeds.map(outcome));
    expect(outcomes).toContain('late');
    expect(outcomes).toContain('in-window');
    expect(await Promise.all(seeds.map(outcome))).toEqual(outcomes);
  });
});

describe('the HAN faults of the shipped profiles, as a Service User sees them', () => {
  it('EDMI 3.2: from ten minutes after the hub starts, GPF reads no longer follow the meter', async () => {
    const s = await duisWorld({ profiles: { commsHub: { model: 'EDMI-DBCH', release: 'EDMI-3.2' } } });
    const gpfRead = async () => {
      const { request } = await s.send('GCS13a_4.1.1_RELIABLE_GPF', spec.commsHub.gpf);
      await s.w.clock.advance(MINUTE);
      const opened = s.open(s.answerTo(request)!);
      return gcs13a.decodeResponse(opened.frame.payload, { header: opened.frame, cipher: endPartyCipher(s.w.keys, opened.frame) }).currentSummationDelivered;
    };
    await s.w.clock.advance(60 * MINUTE);
    const first = await gpfRead();
    await s.w.clock.advance(120 * MINUTE);
    expect(await gpfRead()).toEqual(first);
  });

  it('MM1-G24 1.6.2: the low battery alert arrives three times; 1.7.0 sends it once', async () => {
    const alerts = async (release: string) => {
      const s = await duisWorld({ profiles: { gsme: { model: 'MM1-G24', release } } });
      s.w.premises.gsme.setBatteryPercent(5);
      await s.w.clock.advance(5 * MINUTE);
      return s.alerts('8F1F').length;
    };
    expect(await alerts('MM1-G24-1.6.2')).toBe(3);
    expect(await alerts('MM1-G24-1.7.0')).toBe(1);
  });

  it('MM1-E24 2.0.4: after a power cut the ESME stays off the HAN for some seeds, never on 2.1.0', async () => {
    const answersAfterPowerCycle = async (release: string, seed: string) => {
      const s = await duisWorld({ seed, profiles: { esme: { model: 'MM1-E24', release } } });
      s.w.premises.esme.setPowered(false);
      await s.w.clock.advance(MINUTE);
      s.w.premises.esme.setPowered(true);
      const { request } = await s.send('ECS52_11.2', ESME.eui);
      await s.w.clock.advance(MINUTE);
      return s.answerTo(request) !== null;
    };
    const seeds = Array.from({ length: 8 }, (_, i) => `rejoin-${i}`);
    const outcomes = await Promise.all(seeds.map((seed) => answersAfterPowerCycle('MM1-E24-2.0.4', seed)));
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
    expect(await Promise.all(seeds.map((seed) => answersAfterPowerCycle('MM1-E24-2.1.0', seed)))).not.toContain(false);
  });

  it('TOSH 12.25: at every third wake with commands waiting, the CHF has lost them', async () => {
    const s = await duisWorld({ profiles: { commsHub: { model: 'TOSH-DBCH', release: 'TOSH-12.25' } } });
    for (let wake = 1; wake <= 3; wake++) {
      await s.send('GCS38_11.2', GSME.eui);
      await s.nextGsmeWake();
    }
    expect(s.w.premises.firmwareFaults.log.filter((r) => r.faultId === 'TOSH-12.25-SLEEPY-QUEUE-LOST')).toMatchObject([{ applied: true }]);
  });
});
