// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Each fault primitive, declared in a profile, changes what the DUIS user sees exactly as
 * declared: an emulated world (premises + emulated DCC) driven by DUIS requests, its responses
 * and alerts read from the receiver and opened with the recipients' keys.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServiceRequest, type BuiltServiceRequest } from '../../harness/protocol/duis/build-request.ts';
import { signDuisRequest } from '../../harness/protocol/duis/xml-signature.ts';
import type { DuisDeviceAlertMessage, DuisResponseMessage, DuisUserMessage } from '../../harness/protocol/duis/message.ts';
import { parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { ccs01 } from '../../harness/protocol/gbcs/payload/use-cases/ccs01.ts';
import { cs14DeviceLogChanged } from '../../harness/protocol/gbcs/payload/use-cases/cs14-device-log-changed.ts';
import { ecs17b } from '../../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { ecs52 } from '../../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { gcs13a } from '../../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { gcs38 } from '../../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import type { OpenedFrame } from '../../harness/protocol/gbcs/secure-frame.ts';
import { headerDateTimeMs } from '../../harness/protocol/gbcs/header-date-time.ts';
import { cosemDateTimeToDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ecs70 } from '../../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { gcs28 } from '../../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { loadPremisesSpec } from '../../harness/programme/premises-spec.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { endPartyCipher, openDeviceMessage } from '../testing/dcc-side.ts';
import { signedPreCommandRequest } from '../testing/signed-pre-command.ts';
import { testFault, testProfile } from '../testing/test-profiles.ts';
import { createEmulatedWorld, type WorldProfiles } from '../world.ts';
import type { Fault, FaultOf } from './profile-schema.ts';

const START = Date.UTC(2019, 3, 12, 9);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const SUPPLIER = REMOTE_PARTY.supplier;
const spec = loadPremisesSpec();
const HUB = spec.commsHub;
const ESME = spec.meters.find((m) => m.type === 'ESME')!;
const GSME = spec.meters.find((m) => m.type === 'GSME')!;

let templates: TemplateCatalogue;
beforeAll(async () => {
  templates = await loadTemplateCatalogue();
});

function world(profiles: WorldProfiles = {}, seed = 'profile-faults') {
  const received: string[] = [];
  const w = createEmulatedWorld({ seed, startMs: START, receiver: { deliver: async (xml) => void received.push(xml) }, profiles });
  let counter = BigInt(START);
  return {
    w,
    received,
    async send(key: string, target: string, body?: XMLData) {
      counter += 1n;
      const request = buildServiceRequest({ template: templates.get(key), originator: SUPPLIER, target, counter, ...(body ? { body } : {}) });
      const reply = await w.dcc(new Request(`http://dcc.test${request.servicePath}`, { method: 'POST', body: signDuisRequest(request.xml, { privateKey: w.keys.keysOf(SUPPLIER).ds.privateKey!, publicKey: w.keys.keysOf(SUPPLIER).ds.publicKey }), headers: { 'content-type': 'application/xml' } }));
      const ack = parseDuisUserMessage(await reply.text());
      expect(ack.responseCode, `DCC answer to ${key}`).toBe('I99');
      return request;
    },
    /** A critical request: CV 4, the pre-command signed with the supplier's DS key, CV 5 (I99). */
    async sendCritical(key: string, target: string, body: XMLData) {
      counter += 1n;
      const ds = w.keys.keysOf(SUPPLIER).ds;
      const post = async (request: BuiltServiceRequest) => {
        const xml = request.commandVariant === 5 ? request.xml : signDuisRequest(request.xml, { privateKey: ds.privateKey!, publicKey: ds.publicKey });
        return parseDuisUserMessage(await (await w.dcc(new Request(`http://dcc.test${request.servicePath}`, { method: 'POST', body: xml, headers: { 'content-type': 'application/xml' } }))).text());
      };
      const request = buildServiceRequest({ template: templates.get(key), originator: SUPPLIER, target, counter, body });
      const pre = await post(request);
      expect(pre.responseCode, `pre-command of ${key}`).toBe('I0');
      const cv5 = signedPreCommandRequest({ template: templates.get(key), request, preCommand: pre.gbcsPayload!, ds });
      expect((await post(cv5)).responseCode, `DCC answer to the signed ${key}`).toBe('I99');
    },
    messages(): DuisUserMessage[] {
      return received.map((xml) => parseDuisUserMessage(xml));
    },
    responses(): DuisResponseMessage[] {
      return this.messages().filter((m): m is DuisResponseMessage => m.kind === 'response');
    },
    alerts(): DuisDeviceAlertMessage[] {
      return this.messages().filter((m): m is DuisDeviceAlertMessage => m.kind === 'device-alert');
    },
    /** Opens a device message's GBCS frame as its recipient would (MAC checked). */
    open(message: DuisUserMessage): OpenedFrame {
      expect(message.gbcsPayload).not.toBeNull();
      return openDeviceMessage(w.keys, message.gbcsPayload!);
    },
  };
}

type World = ReturnType<typeof world>;

function hubWith(...faults: Fault[]): WorldProfiles {
  return { commsHub: testProfile({ id: 'TEST-HUB', kind: 'comms-hub', faults }) };
}
function esmeWith(...faults: Fault[]): WorldProfiles {
  return { esme: testProfile({ id: 'TEST-ESME', kind: 'meter', faults }) };
}
function gsmeWith(...faults: Fault[]): WorldProfiles {
  return { gsme: testProfile({ id: 'TEST-GSME', kind: 'meter', faults }) };
}

async function readFirmwareVersion(s: World, target: string) {
  await s.send('ECS52_11.2', target);
  await s.w.clock.advance(MINUTE);
  const [response] = s.responses();
  const opened = s.open(response!);
  return { response: response!, opened, fields: ecs52.decodeResponse(opened.frame.payload, { header: opened.frame }) };
}

/** Sends GCS38 and lets the GSME wake once (plus its latency). */
async function readGsmeFirmware(s: World) {
  await s.send('GCS38_11.2', GSME.eui);
  await s.w.clock.advanceTo(s.w.premises.gsme.nextWakeAt! + MINUTE);
}

function differingOffsets(a: Uint8Array, b: Uint8Array): number[] {
  expect(a.length).toBe(b.length);
  return [...a.keys()].filter((i) => a[i] !== b[i]);
}

describe('profiles apply only when given', () => {
  it('the default world is fault-free: no profile, an empty fault log, default timings', async () => {
    const s = world();
    expect(s.w.premises.firmwareFaults.none).toBe(true);
    const { fields, opened, response } = await readFirmwareVersion(s, ESME.eui);
    expect(opened.mac).toBe('valid');
    expect(fields).toEqual({ ok: true, firmwareVersion: ESME.firmwareImage });
    expect(Date.parse(response.responseDateTime)).toBe(START + 2 * SECOND);
    expect(s.w.premises.firmwareFaults.log).toEqual([]);
  });

  it('a profile sets timings: its values over the defaults, the premises description over both', async () => {
    const s = world({
      esme: testProfile({ kind: 'meter', timings: { ESME: { responseLatencyMs: 7_000 } } }),
      gsme: testProfile({ id: 'G', kind: 'meter', timings: { GSME: { wakeIntervalMs: 5 * MINUTE, responseLatencyMs: 4_000 } } }),
    });
    expect(s.w.premises.esme.profile.responseLatencyMs).toBe(7_000);
    expect(s.w.premises.gsme.profile.responseLatencyMs).toBe(4_000);
    expect(s.w.premises.gsme.wakeIntervalMs).toBe(GSME.wakeIntervalMinutes! * MINUTE);
    const { response } = await readFirmwareVersion(s, ESME.eui);
    expect(Date.parse(response.responseDateTime)).toBe(START + 7 * SECOND);
  });

  it('refuses a meter profile on the comms hub', () => {
    expect(() => world({ commsHub: testProfile({ kind: 'meter' }) })).toThrow(/the commsHub is given profile TEST-PROFILE, a meter profile/);
  });
});

describe('drop', () => {
  it('response: the user gets I99 and then nothing, though the device acted', async () => {
    const s = world(hubWith(testFault<FaultOf<'drop'>>({ id: 'D1', useCase: 'GCS38', direction: 'response', deviceTypes: ['GSME'], primitive: 'drop' })));
    await readGsmeFirmware(s);
    expect(s.received).toHaveLength(0);
    expect(s.w.premises.firmwareFaults.log).toMatchObject([{ faultId: 'D1', primitive: 'drop', direction: 'response', device: GSME.eui, deviceType: 'GSME', applied: true, messageCode: '0x0084' }]);
    // the GPF still answers GCS13a: the fault is bound to its use case
    await s.send('GCS13a_4.1.1_RELIABLE_GPF', HUB.gpf);
    await s.w.clock.advance(MINUTE);
    expect(s.responses()).toHaveLength(1);
  });

  it('command: the device never sees it; the DCC trace says why, no response follows', async () => {
    const s = world(esmeWith(testFault<FaultOf<'drop'>>({ id: 'D2', useCase: 'ECS52', direction: 'command', primitive: 'drop' })));
    await s.send('ECS52_11.2', ESME.eui);
    await s.w.clock.advance(10 * MINUTE);
    expect(s.received).toHaveLength(0);
    expect(s.w.dccTrace.of('command')[0]?.receipt).toMatchObject({ accepted: false, reason: 'firmware-fault', detail: expect.stringContaining('fault D2 of profile TEST-ESME drops the command') });
    expect(s.w.premises.esme.lastAcceptedCounter(SUPPLIER)).toBeNull();
  });
});

describe('delay', () => {
  it('response: arrives delayMs after its latency, the content intact', async () => {
    const s = world(esmeWith(testFault<FaultOf<'delay'>>({ id: 'L1', useCase: 'ECS52', direction: 'response', primitive: 'delay', delayMs: 90 * SECOND })));
    await s.send('ECS52_11.2', ESME.eui);
    await s.w.clock.advance(2 * SECOND + 90 * SECOND - 1);
    expect(s.received).toHaveLength(0);
    await s.w.clock.advance(1);
    const [response] = s.responses();
    expect(Date.parse(response!.responseDateTime)).toBe(START + 92 * SECOND);
    const opened = s.open(response!);
    expect(opened.mac).toBe('valid');
    expect(ecs52.decodeResponse(opened.frame.payload, { header: opened.frame })).toEqual({ ok: true, firmwareVersion: ESME.firmwareImage });
  });

  it('command: the device acts on it delayMs later; the response header time says so', async () => {
    const s = world(esmeWith(testFault<FaultOf<'delay'>>({ id: 'L2', useCase: 'ECS17b', direction: 'command', primitive: 'delay', delayMs: 10 * SECOND })));
    await s.send('ECS17b_4.1.1_SINGLE', ESME.eui);
    expect(s.w.dccTrace.of('command')[0]?.receipt).toMatchObject({ accepted: true, responseDueAt: START + 12 * SECOND });
    await s.w.clock.advance(MINUTE);
    const [response] = s.responses();
    expect(Date.parse(response!.responseDateTime)).toBe(START + 12 * SECOND);
    const opened = s.open(response!);
    expect(opened.mac).toBe('valid');
    expect(ecs17b.decodeResponse(opened.frame.payload, { header: opened.frame, cipher: endPartyCipher(s.w.keys, opened.frame) }).ok).toBe(true);
  });

  it('alert: CS14 leaves delayMs after the alert latency', async () => {
    const s = world(hubWith(testFault<FaultOf<'delay'>>({ id: 'L3', useCase: 'CS14', direction: 'alert', alertCode: '8F12', primitive: 'delay', delayMs: 5 * MINUTE })));
    await addEsmeToDeviceLog(s);
    await s.w.clock.advance(MINUTE);
    expect(s.alerts()).toHaveLength(0);
    await s.w.clock.advance(5 * MINUTE);
    const [alert] = s.alerts();
    expect(alert).toMatchObject({ alertCode: '8F12' });
    expect(Date.parse(alert!.responseDateTime)).toBe(START + SECOND + 5 * MINUTE);
  });
});

describe('corrupt', () => {
  it('mac on a response: the user sees the MAC fail; only the declared number of tag bytes differ from a clean run', async () => {
    const fault = testFault<FaultOf<'corrupt'>>({ id: 'C1', useCase: 'GCS13a', direction: 'response', deviceTypes: ['GPF'], primitive: 'corrupt', target: 'mac', bytes: 2 });
    const run = async (profiles: WorldProfiles) => {
      const s = world(profiles);
      await s.send('GCS13a_4.1.1_RELIABLE_GPF', HUB.gpf);
      await s.w.clock.advance(MINUTE);
      return { s, message: s.responses()[0]! };
    };
    const faulty = await run(hubWith(fault));
    const clean = await run({});
    expect(faulty.s.open(faulty.message).mac).toBe('invalid');
    expect(clean.s.open(clean.message).mac).toBe('valid');
    const offsets = differingOffsets(faulty.message.gbcsPayload!, clean.message.gbcsPayload!);
    expect(offsets).toHaveLength(2);
    for (const o of offsets) expect(o).toBeGreaterThanOrEqual(clean.message.gbcsPayload!.length - 12);
  });

  it('payload of a response: sealed over the flipped payload, so the MAC holds and the content does not', async () => {
    const fault = testFault<FaultOf<'corrupt'>>({ id: 'C2', useCase: 'ECS52', direction: 'response', primitive: 'corrupt', target: 'payload', bytes: 1 });
    const faulty = await readFirmwareVersionRaw(world(esmeWith(fault)));
    const clean = await readFirmwareVersionRaw(world());
    expect(faulty.opened.mac).toBe('valid');
    expect(differingOffsets(faulty.opened.frame.payload, clean.opened.frame.payload)).toHaveLength(1);
    expect(faulty.log).toMatchObject([{ faultId: 'C2', applied: true, detail: expect.stringMatching(/^payload bytes \+\d+ flipped before sealing$/) }]);
    const decode = (o: OpenedFrame) => {
      try {
        return ecs52.decodeResponse(o.frame.payload, { header: o.frame });
      } catch (e) {
        return (e as Error).name;
      }
    };
    expect(decode(faulty.opened)).not.toEqual(decode(clean.opened));
  });

  it('a command: its MAC no longer verifies, the device refuses it silently', async () => {
    const s = world(esmeWith(testFault<FaultOf<'corrupt'>>({ id: 'C3', useCase: 'ECS52', direction: 'command', primitive: 'corrupt', target: 'payload' })));
    await s.send('ECS52_11.2', ESME.eui);
    await s.w.clock.advance(MINUTE);
    expect(s.received).toHaveLength(0);
    expect(s.w.dccTrace.of('command')[0]?.receipt).toMatchObject({ accepted: false, reason: 'mac-invalid' });
  });

  it('mac on an alert: the CS14 alert arrives, its MAC fails for the ACB', async () => {
    const s = world(hubWith(testFault<FaultOf<'corrupt'>>({ id: 'C4', useCase: 'CS14', direction: 'alert', primitive: 'corrupt', target: 'mac' })));
    await addEsmeToDeviceLog(s);
    await s.w.clock.advance(MINUTE);
    const [alert] = s.alerts();
    expect(s.open(alert!).mac).toBe('invalid');
  });
});

describe('omit-alert', () => {
  it('the Device Log changes and CCS01 is answered, but no CS14 0x8F12 reaches the user', async () => {
    const s = world(hubWith(testFault<FaultOf<'omit-alert'>>({ id: 'O1', useCase: 'CS14', direction: 'alert', alertCode: '8F12', primitive: 'omit-alert' })));
    await addEsmeToDeviceLog(s);
    await s.w.clock.advance(MINUTE);
    expect(s.responses()).toHaveLength(1);
    expect(s.alerts()).toHaveLength(0);
    expect(s.w.premises.firmwareFaults.log).toMatchObject([{ faultId: 'O1', applied: true, detail: 'the alert is not raised' }]);
    const clean = world();
    await addEsmeToDeviceLog(clean);
    await clean.w.clock.advance(MINUTE);
    expect(clean.alerts()).toHaveLength(1);
  });
});

describe('wrong-value', () => {
  it('a response field (ECS52 firmware version) reports the declared constant', async () => {
    const s = world(esmeWith(testFault<FaultOf<'wrong-value'>>({ id: 'W1', useCase: 'ECS52', direction: 'response', primitive: 'wrong-value', field: 'firmwareVersion', replacement: { kind: 'constant', value: '00000204' } })));
    const { opened, fields } = await readFirmwareVersion(s, ESME.eui);
    expect(opened.mac).toBe('valid');
    expect(fields).toEqual({ ok: true, firmwareVersion: '00000204' });
    expect(s.w.premises.firmwareFaults.log[0]?.detail).toBe(`firmwareVersion: "${ESME.firmwareImage}" → "00000204"`);
  });

  it('a nested ZCL field (GCS38 firmwareVersion.value) on the GSME', async () => {
    const s = world(gsmeWith(testFault<FaultOf<'wrong-value'>>({ id: 'W2', useCase: 'GCS38', direction: 'response', primitive: 'wrong-value', field: 'firmwareVersion.value', replacement: { kind: 'constant', value: '01060200' } })));
    await readGsmeFirmware(s);
    const opened = s.open(s.responses()[0]!);
    expect(gcs38.decodeResponse(opened.frame.payload, { header: opened.frame }).firmwareVersion).toEqual({ status: 'success', value: '01060200' });
  });

  it('frozen: the register keeps the value of the first read; offset: shifted by the declared amount', async () => {
    const read = async (s: World) => {
      await s.send('ECS17b_4.1.1_SINGLE', ESME.eui);
      await s.w.clock.advance(MINUTE);
      const opened = s.open(s.responses().at(-1)!);
      const fields = ecs17b.decodeResponse(opened.frame.payload, { header: opened.frame, cipher: endPartyCipher(s.w.keys, opened.frame) });
      if (!fields.ok) throw new Error(`ECS17b answered ${fields.result}`);
      return fields.registers.map((r) => r.value);
    };
    const frozen = world(esmeWith(testFault<FaultOf<'wrong-value'>>({ id: 'W3', useCase: 'ECS17b', direction: 'response', primitive: 'wrong-value', field: 'registers.0.value', replacement: { kind: 'frozen' } })));
    const clean = world();
    const [f1, c1] = [await read(frozen), await read(clean)];
    expect(f1).toEqual(c1);
    await frozen.w.clock.advance(60 * MINUTE);
    await clean.w.clock.advance(60 * MINUTE);
    const [f2, c2] = [await read(frozen), await read(clean)];
    expect(c2[0]).toBeGreaterThan(c1[0]!);
    expect(f2[0]).toBe(f1[0]);
    expect(f2.slice(1)).toEqual(c2.slice(1));

    const offset = world(esmeWith(testFault<FaultOf<'wrong-value'>>({ id: 'W4', useCase: 'ECS17b', direction: 'response', primitive: 'wrong-value', field: 'registers.1.value', replacement: { kind: 'offset', by: -5 } })));
    const o1 = await read(offset);
    expect(o1[1]).toBe(c1[1]! - 5);
  });

  it('a command field: CCS01 adds the device the firmware misread, and CS14 lists it', async () => {
    const s = world(hubWith(testFault<FaultOf<'wrong-value'>>({ id: 'W5', useCase: 'CCS01', direction: 'command', primitive: 'wrong-value', field: 'deviceId', replacement: { kind: 'constant', value: '00DB1234567890FF' } })));
    await addEsmeToDeviceLog(s);
    await s.w.clock.advance(MINUTE);
    const opened = s.open(s.alerts()[0]!);
    const alert = cs14DeviceLogChanged.decodeAlert(opened.frame.payload, { header: opened.frame });
    expect(alert.devices.map((d) => d.deviceId)).toContain('00DB1234567890FF');
    expect(s.w.premises.chf.deviceLog.get('00DB1234567890FF')).toBeDefined();
  });

  it('an alert field: the CS14 log identifier', async () => {
    const s = world(hubWith(testFault<FaultOf<'wrong-value'>>({ id: 'W6', useCase: 'CS14', direction: 'alert', primitive: 'wrong-value', field: 'logIdentifier', replacement: { kind: 'constant', value: '0000000000000000' } })));
    await addEsmeToDeviceLog(s);
    await s.w.clock.advance(MINUTE);
    const opened = s.open(s.alerts()[0]!);
    expect(opened.mac).toBe('valid');
    expect(cs14DeviceLogChanged.decodeAlert(opened.frame.payload, { header: opened.frame }).logIdentifier).toBe('0000000000000000');
  });

  it('a field the message lacks: not applied, and the log says why', async () => {
    const s = world(esmeWith(testFault<FaultOf<'wrong-value'>>({ id: 'W7', useCase: 'ECS52', direction: 'response', primitive: 'wrong-value', field: 'firmwareVersoin', replacement: { kind: 'constant', value: '00' } })));
    const { fields } = await readFirmwareVersion(s, ESME.eui);
    expect(fields).toEqual({ ok: true, firmwareVersion: ESME.firmwareImage });
    expect(s.w.premises.firmwareFaults.log).toMatchObject([{ faultId: 'W7', applied: false, detail: 'field firmwareVersoin is absent from this ECS52 response' }]);
  });
});

describe('reject', () => {
  it('ECS52: an error response with the declared result', async () => {
    const s = world(esmeWith(testFault<FaultOf<'reject'>>({ id: 'R1', useCase: 'ECS52', direction: 'command', primitive: 'reject', result: 'temporary-failure' })));
    const { opened, fields } = await readFirmwareVersion(s, ESME.eui);
    expect(opened.mac).toBe('valid');
    expect(fields).toEqual({ ok: false, result: 'temporary-failure' });
  });

  it('GCS13a on the GPF: every attribute not-authorized by default', async () => {
    const s = world(hubWith(testFault<FaultOf<'reject'>>({ id: 'R2', useCase: 'GCS13a', direction: 'command', deviceTypes: ['GPF'], primitive: 'reject' })));
    await s.send('GCS13a_4.1.1_RELIABLE_GPF', HUB.gpf);
    await s.w.clock.advance(MINUTE);
    const opened = s.open(s.responses()[0]!);
    const fields = gcs13a.decodeResponse(opened.frame.payload, { header: opened.frame, cipher: endPartyCipher(s.w.keys, opened.frame) });
    expect(fields.currentSummationDelivered).toEqual({ status: 'not-authorized' });
    expect(fields.divisor).toEqual({ status: 'not-authorized' });
  });

  it('CCS01: refused, the Device Log left alone, so no CS14 alert', async () => {
    const s = world(hubWith(testFault<FaultOf<'reject'>>({ id: 'R3', useCase: 'CCS01', direction: 'command', primitive: 'reject' })));
    const before = s.w.premises.chf.deviceLog.get(ESME.eui);
    await addEsmeToDeviceLog(s);
    await s.w.clock.advance(MINUTE);
    const opened = s.open(s.responses()[0]!);
    expect(ccs01.decodeResponse(opened.frame.payload, { header: opened.frame })).toEqual({
      registerDevice: 'read-write-denied',
      setJoinTimeout: 'read-write-denied',
      setEnableJoining: 'read-write-denied',
    });
    expect(s.alerts()).toHaveLength(0);
    expect(s.w.premises.chf.deviceLog.get(ESME.eui)).toEqual(before);
  });
});

describe('clock-drift', () => {
  const DAY = 24 * 60 * MINUTE;
  const synchronise = (at: number, toleranceS: number) => ({ SynchroniseClock: { CurrentDateTime: new Date(at).toISOString(), TolerancePeriod: String(toleranceS) } });
  /** The newest response's header date-time minus the time it was sent (the meter's clock error). */
  const headerError = (s: World) => {
    const response = s.responses().at(-1)!;
    return headerDateTimeMs(s.open(response).frame)! - Date.parse(response.responseDateTime);
  };

  it('ESME 90 s/day fast: a read a day later is 90 s ahead (outside 60 s); 6.11 sets it back; it drifts on from there', async () => {
    const s = world(esmeWith(testFault<FaultOf<'clock-drift'>>({ id: 'K1', primitive: 'clock-drift', secondsPerDay: 90 })));
    await s.w.clock.advance(DAY);
    await s.send('ECS17b_4.1.1_SINGLE', ESME.eui);
    await s.w.clock.advance(MINUTE);
    // the response leaves 2 s (the ESME's latency) after the meter stamped it
    expect(headerError(s)).toBe(90 * SECOND - 2 * SECOND);

    await s.sendCritical('ECS70_6.11', ESME.eui, synchronise(s.w.clock.now(), 60));
    await s.w.clock.advance(MINUTE);
    const opened = s.open(s.responses().at(-1)!);
    const set = ecs70.decodeResponse(opened.frame.payload, { header: opened.frame });
    expect(set.adjustToPresetTime).toBe('success');
    const setAt = START + DAY + MINUTE;
    expect(set.time.ok && cosemDateTimeToDate(set.time.value)!.getTime()).toBe(setAt);

    await s.w.clock.advanceTo(setAt + DAY);
    await s.send('ECS17b_4.1.1_SINGLE', ESME.eui);
    await s.w.clock.advance(MINUTE);
    expect(headerError(s), 'a day after the setting, 90 s fast again').toBe(90 * SECOND - 2 * SECOND);
    expect(s.w.premises.firmwareFaults.log).toMatchObject([{ faultId: 'K1', primitive: 'clock-drift', direction: null, device: ESME.eui, applied: true, at: START }]);
  });

  it('GSME two hours behind (a fixed offset): its GCS13a time and a 6.11 outside the interval say so; a 6.11 at the right time fixes it', async () => {
    const s = world(gsmeWith(testFault<FaultOf<'clock-drift'>>({ id: 'K2', primitive: 'clock-drift', offsetSeconds: -7200 })));
    const wakeAndAnswer = () => s.w.clock.advanceTo(s.w.premises.gsme.nextWakeAt! + MINUTE);
    await s.send('GCS13a_4.1.1_UNRELIABLE', GSME.eui);
    await wakeAndAnswer();
    // the GSME stamps to the hundredth at its wake and answers 3 s later
    expect(Math.abs(headerError(s) + 7203 * SECOND)).toBeLessThan(10);

    // CurrentDateTime three hours early: the hub's time lies outside [current, current + 3600 s]
    await s.sendCritical('GCS28_6.11', GSME.eui, synchronise(s.w.clock.now() - 3 * 60 * MINUTE, 3600));
    await wakeAndAnswer();
    let opened = s.open(s.responses().at(-1)!);
    let fields = gcs28.decodeResponse(opened.frame.payload, { header: opened.frame });
    expect(fields.result).toBe(2);
    const wokeAt = s.w.premises.gsme.lastWakeAt!;
    expect(Date.parse(fields.time)).toBe(Math.floor((wokeAt - 7200 * SECOND) / 1000) * 1000);

    await s.sendCritical('GCS28_6.11', GSME.eui, synchronise(s.w.clock.now(), 3600));
    await wakeAndAnswer();
    opened = s.open(s.responses().at(-1)!);
    fields = gcs28.decodeResponse(opened.frame.payload, { header: opened.frame });
    expect(fields.result).toBe(0);
    expect(Date.parse(fields.time)).toBe(Math.floor(s.w.premises.gsme.lastWakeAt! / 1000) * 1000);
  });

  it('a profile without clock-drift leaves the meter clocks on the virtual clock', async () => {
    const s = world(esmeWith(testFault<FaultOf<'drop'>>({ id: 'K3', useCase: 'ECS52', direction: 'command', primitive: 'drop' })));
    await s.w.clock.advance(DAY);
    await s.send('ECS17b_4.1.1_SINGLE', ESME.eui);
    await s.w.clock.advance(MINUTE);
    expect(headerError(s)).toBe(-2 * SECOND);
  });
});

describe('triggers', () => {
  it('every N-th matching message, counted per fault', async () => {
    const s = world(esmeWith(testFault<FaultOf<'wrong-value'>>({ id: 'T1', useCase: 'ECS52', direction: 'response', primitive: 'wrong-value', field: 'firmwareVersion', replacement: { kind: 'constant', value: 'FFFFFFFF' }, trigger: { every: 2 } })));
    const versions: string[] = [];
    for (let i = 0; i < 4; i++) {
      await s.send('ECS52_11.2', ESME.eui);
      await s.w.clock.advance(MINUTE);
      const opened = s.open(s.responses().at(-1)!);
      const fields = ecs52.decodeResponse(opened.frame.payload, { header: opened.frame });
      versions.push(fields.ok ? fields.firmwareVersion : fields.result);
    }
    expect(versions).toEqual([ESME.firmwareImage, 'FFFFFFFF', ESME.firmwareImage, 'FFFFFFFF']);
  });

  it('after virtual time T only', async () => {
    const s = world(esmeWith(testFault<FaultOf<'drop'>>({ id: 'T2', useCase: 'ECS52', direction: 'response', primitive: 'drop', trigger: { afterMs: 30 * MINUTE } })));
    await s.send('ECS52_11.2', ESME.eui);
    await s.w.clock.advance(MINUTE);
    expect(s.responses()).toHaveLength(1);
    await s.w.clock.advance(30 * MINUTE);
    await s.send('ECS52_11.2', ESME.eui);
    await s.w.clock.advance(MINUTE);
    expect(s.responses()).toHaveLength(1);
  });
});

describe('determinism', () => {
  const corruptPayload = esmeWith(testFault<FaultOf<'corrupt'>>({ id: 'X1', useCase: 'ECS17b', direction: 'response', primitive: 'corrupt', target: 'payload', bytes: 3 }));
  const run = async (seed: string, profiles: WorldProfiles) => {
    const s = world(profiles, seed);
    await s.send('ECS17b_4.1.1_SINGLE', ESME.eui);
    await s.w.clock.advance(MINUTE);
    return { received: s.received, log: s.w.premises.firmwareFaults.log };
  };

  it('the same seed gives the same faulty bytes, DUIS included; another seed flips other bytes', async () => {
    const a = await run('seed-a', corruptPayload);
    const b = await run('seed-a', corruptPayload);
    expect(a.received).toHaveLength(1);
    expect(b.received).toEqual(a.received);
    expect(b.log).toEqual(a.log);
    const c = await run('seed-c', corruptPayload);
    expect(c.log[0]?.detail).not.toBe(a.log[0]?.detail);
  });

  it('a probability draws from the seed: the same seed, the same outcomes', async () => {
    const flaky = esmeWith(testFault<FaultOf<'drop'>>({ id: 'X2', useCase: 'ECS52', direction: 'response', primitive: 'drop', probability: 0.5 }));
    const outcomes = async (seed: string) => {
      const s = world(flaky, seed);
      for (let i = 0; i < 12; i++) {
        await s.send('ECS52_11.2', ESME.eui);
        await s.w.clock.advance(MINUTE);
      }
      return s.w.premises.firmwareFaults.log.map((r) => r.at);
    };
    const first = await outcomes('flaky');
    expect(await outcomes('flaky')).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(12);
  });
});

/** ECS52 to the ESME: the opened frame (not decoded) and the fault log. */
async function readFirmwareVersionRaw(s: World): Promise<{ opened: OpenedFrame; log: typeof s.w.premises.firmwareFaults.log }> {
  await s.send('ECS52_11.2', ESME.eui);
  await s.w.clock.advance(MINUTE);
  return { opened: s.open(s.responses()[0]!), log: s.w.premises.firmwareFaults.log };
}

/** SRV 8.11 (CCS01) re-adding the ESME to the CHF Device Log with its install code. */
async function addEsmeToDeviceLog(s: World): Promise<void> {
  const body = structuredClone(templates.get('CCS01_8.11').request.body) as XMLData;
  const add = (body['UpdateHANDeviceLog'] as XMLData)['AddDeviceToCHFWhitelist'] as XMLData;
  add['InstallCode'] = s.w.premises.installCodeOf(ESME.eui)!;
  await s.send('CCS01_8.11', HUB.chf, body);
}
