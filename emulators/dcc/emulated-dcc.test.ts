// SPDX-License-Identifier: GPL-3.0-or-later
import type { XMLData } from '@smartdcc/duis-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServiceRequest, type BuiltServiceRequest } from '../../harness/protocol/duis/build-request.ts';
import { formatRequestId, swapRequestId } from '../../harness/protocol/duis/request-id.ts';
import type { DuisDeviceAlertMessage, DuisResponseMessage, DuisUserMessage } from '../../harness/protocol/duis/message.ts';
import { parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { RESPONSE_CODE } from '../../harness/protocol/duis/response-codes.ts';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { signDuisRequest } from '../../harness/protocol/duis/xml-signature.ts';
import type { GbcsFrame } from '../../harness/protocol/gbcs/frame-types.ts';
import { bytesToHex, hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { deriveParty } from '../../harness/protocol/gbcs/keys.ts';
import { ccs01 } from '../../harness/protocol/gbcs/payload/use-cases/ccs01.ts';
import { cs14DeviceLogChanged } from '../../harness/protocol/gbcs/payload/use-cases/cs14-device-log-changed.ts';
import { ecs17b } from '../../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { ecs52 } from '../../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { gcs13a } from '../../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { gcs38 } from '../../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { openFrame, payloadCipherFor, sealFrame } from '../../harness/protocol/gbcs/secure-frame.ts';
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import { encodeGbcsPayload } from '../../harness/protocol/duis/gbcs-payload.ts';
import { ecs70 } from '../../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { ccs03 } from '../../harness/protocol/gbcs/payload/use-cases/ccs03.ts';
import { buildDccCommand } from './command-sealing.ts';
import { findSrvTransform, type InventoryHanDevice } from './srv-transforms.ts';
import { cs03a1, cs03c, cs04ac, JOIN_DEVICE_TYPE, JOIN_SERVICE_RESULT } from '../../harness/protocol/gbcs/payload/use-cases/join-service.ts';
import { signedPreCommandRequest } from '../testing/signed-pre-command.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../../harness/protocol/gbcs/payload/testing/rtds-payloads.ts';
import { publicKeyFromCertificate } from '../../harness/protocol/gbcs/keys.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import type { CommandReceipt } from '../device-message.ts';
import { derivedKeyDirectory } from '../key-directory.ts';
import { createPremises, DEFAULT_EUIS, type Premises, type Type1DeviceEntry } from '../premises.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import type { DccUser } from './dcc-users.ts';
import { createEmulatedDcc, type EmulatedDcc } from './emulated-dcc.ts';

const SEED = 'emulated-dcc';
const START = Date.UTC(2019, 3, 12, 9);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const SUPPLIER = REMOTE_PARTY.supplier;
const ACB = REMOTE_PARTY.accessControlBroker;

let templates: TemplateCatalogue;
beforeAll(async () => {
  templates = await loadTemplateCatalogue();
});

interface Setup {
  readonly clock: VirtualClock;
  readonly premises: Premises;
  readonly dcc: EmulatedDcc;
  /** Frames the premises was handed, with its receipts. */
  readonly handed: Array<{ frame: Uint8Array; receipt: CommandReceipt }>;
  /** DUIS XML the receiver took. */
  readonly received: string[];
  post(path: string, body: string): Promise<Response>;
  send(request: BuiltServiceRequest, path?: string): Promise<DuisUserMessage>;
  /** Built and signed with the originator's DS key (`signedBy`: another party's key; `unsigned`: none). */
  request(key: string, target: string, options?: { originator?: string; counter?: bigint; body?: XMLData; unsigned?: boolean; signedBy?: string }): BuiltServiceRequest;
}

/** `hanDevices`: the DCC's inventory as given; `type1Devices`: the premises' own, which the premises gives the DCC. */
function setup(options: { users?: readonly DccUser[]; commissioned?: boolean; acceptUnsigned?: boolean; hanDevices?: readonly InventoryHanDevice[]; type1Devices?: readonly Type1DeviceEntry[] } = {}): Setup {
  const clock = new VirtualClock(START);
  const keys = derivedKeyDirectory(SEED);
  const premises = createPremises({ seed: SEED, clock, keys, commissioned: options.commissioned ?? true, ...(options.type1Devices ? { devices: { type1Devices: options.type1Devices } } : {}) });
  const handed: Setup['handed'] = [];
  const received: string[] = [];
  const dcc = createEmulatedDcc({
    now: () => clock.now(),
    keys,
    receiver: { deliver: async (xml) => void received.push(xml) },
    premises: {
      devices: () => premises.devices(),
      ...(options.hanDevices ? { hanDevices: () => options.hanDevices! } : options.type1Devices ? { hanDevices: () => premises.hanDevices() } : {}),
      onDeviceMessage: (listener) => premises.onDeviceMessage(listener),
      handleCommand: async (frame) => {
        const receipt = await premises.handleCommand(frame);
        handed.push({ frame, receipt });
        return receipt;
      },
    },
    ...(options.users ? { users: options.users } : {}),
    ...(options.acceptUnsigned !== undefined ? { acceptUnsigned: options.acceptUnsigned } : {}),
  });
  let counter = BigInt(START);
  const post = (path: string, body: string) => dcc.handler(new Request(`http://dcc.test${path}`, { method: 'POST', body, headers: { 'content-type': 'application/xml' } }));
  return {
    clock,
    premises,
    dcc,
    handed,
    received,
    post,
    async send(request, path = request.servicePath) {
      const response = await post(path, request.xml);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/xml');
      return parseDuisUserMessage(await response.text());
    },
    request(key, target, o = {}) {
      counter += 1n;
      const built = buildServiceRequest({
        template: templates.get(key),
        originator: o.originator ?? SUPPLIER,
        target,
        counter: o.counter ?? counter,
        ...(o.body ? { body: o.body } : {}),
      });
      if (o.unsigned) return built;
      const { ds } = keys.keysOf(o.signedBy ?? o.originator ?? SUPPLIER);
      return { ...built, xml: signDuisRequest(built.xml, { privateKey: ds.privateKey!, publicKey: ds.publicKey }) };
    },
  };
}

/** Keys to check a device's response to the supplier as the supplier: its KA private, the device's KA public. */
function supplierKeysFor(device: string) {
  return { localKaPrivate: deriveParty(SEED, SUPPLIER).ka.privateKey!, peerKaPublic: deriveParty(SEED, device).ka.publicKey };
}

function responses(received: readonly string[]): DuisUserMessage[] {
  return received.map((xml) => parseDuisUserMessage(xml));
}

function openResponse(message: DuisUserMessage, device: string): GbcsFrame {
  expect(message.gbcsPayload).not.toBeNull();
  const opened = openFrame(message.gbcsPayload!, { mac: supplierKeysFor(device), signerDsPublic: deriveParty(SEED, device).ds.publicKey });
  expect(opened.mac).toBe('valid');
  expect(opened.signature).toBe('absent');
  return opened.frame;
}

describe('emulated DCC: service requests become GBCS commands and device responses come back as DUIS', () => {
  it('ECS52_11.2 to the ESME: I99 at once, then the device response whose MAC verifies and which carries the firmware version', async () => {
    const s = setup();
    const request = s.request('ECS52_11.2', DEFAULT_EUIS.esme);
    const ack = await s.send(request);
    expect(ack).toMatchObject({ kind: 'ack', responseCode: 'I99', srv: '11.2', responseDateTime: new Date(START).toISOString() });
    expect(ack.requestId).toEqual(request.requestId);
    expect(s.received).toHaveLength(0);

    // the command: MAC-only as RTDS ECS52, originator the user, counter the RequestID's
    expect(s.handed).toHaveLength(1);
    const command = openFrame(s.handed[0]!.frame, {
      mac: { localKaPrivate: deriveParty(SEED, DEFAULT_EUIS.esme).ka.privateKey!, peerKaPublic: deriveParty(SEED, ACB).ka.publicKey },
    });
    expect(command.mac).toBe('valid');
    expect(command.frame).toMatchObject({ cra: 1, originator: SUPPLIER, recipient: DEFAULT_EUIS.esme, counter: request.requestId.counter, messageCode: 0x0059, dateTime: null, supplementary: null, signature: null });
    expect(s.handed[0]!.receipt).toMatchObject({ accepted: true, route: 'ESME' });

    await s.clock.advance(5 * SECOND);
    const [response] = responses(s.received) as [DuisResponseMessage];
    expect(s.received).toHaveLength(1);
    expect(response).toMatchObject({ kind: 'response', responseCode: 'I0', srv: '11.2' });
    expect(response.requestId).toEqual(request.requestId);
    expect(response.responseId).toEqual(swapRequestId(request.requestId));
    const frame = openResponse(response, DEFAULT_EUIS.esme);
    expect(frame).toMatchObject({ cra: 2, originator: DEFAULT_EUIS.esme, recipient: SUPPLIER, counter: request.requestId.counter });
    expect(ecs52.decodeResponse(frame.payload, { header: frame })).toEqual({ ok: true, firmwareVersion: '0123ABCD' });
    expect(Date.parse(response.responseDateTime)).toBe(START + 2 * SECOND);
  });

  it('ECS17b_4.1.1 to the ESME: the registers decrypt with the supplier keys', async () => {
    const s = setup();
    const request = s.request('ECS17b_4.1.1_SINGLE', DEFAULT_EUIS.esme);
    expect((await s.send(request)).responseCode).toBe('I99');
    await s.clock.advance(5 * SECOND);
    const [response] = responses(s.received);
    const frame = openResponse(response!, DEFAULT_EUIS.esme);
    const fields = ecs17b.decodeResponse(frame.payload, { header: frame, cipher: payloadCipherFor(frame, supplierKeysFor(DEFAULT_EUIS.esme)) });
    expect(fields.ok).toBe(true);
    if (fields.ok) expect(fields.registers.length).toBeGreaterThan(0);
  });

  it('GCS13a to the GPF: answered from the mirror, the consumption decrypts', async () => {
    const s = setup();
    const request = s.request('GCS13a_4.1.1_RELIABLE_GPF', DEFAULT_EUIS.gpf);
    expect((await s.send(request)).responseCode).toBe('I99');
    expect(s.handed[0]!.receipt).toMatchObject({ accepted: true, route: 'GPF' });
    await s.clock.advance(5 * SECOND);
    const [response] = responses(s.received);
    expect(response!.requestId).toEqual(request.requestId);
    const frame = openResponse(response!, DEFAULT_EUIS.gpf);
    const fields = gcs13a.decodeResponse(frame.payload, { header: frame, cipher: payloadCipherFor(frame, supplierKeysFor(DEFAULT_EUIS.gpf)) });
    expect(fields.currentSummationDelivered.status).toBe('success');
  });

  it('GCS38 to the GSME: the response arrives only after the GSME wakes', async () => {
    const s = setup();
    const request = s.request('GCS38_11.2', DEFAULT_EUIS.gsme);
    expect((await s.send(request)).responseCode).toBe('I99');
    expect(s.handed[0]!.receipt).toMatchObject({ accepted: true, route: 'GSME-queued', responseDueAt: null });
    const wake = s.premises.gsme.nextWakeAt!;
    expect(wake).toBeGreaterThan(START);
    await s.clock.advanceTo(wake - 1);
    expect(s.received).toHaveLength(0);
    await s.clock.advanceTo(wake + MINUTE);
    expect(s.received).toHaveLength(1);
    const [response] = responses(s.received);
    const frame = openResponse(response!, DEFAULT_EUIS.gsme);
    expect(gcs38.decodeResponse(frame.payload, { header: frame }).firmwareVersion).toEqual({ status: 'success', value: '0123ABCD' });
  });

  it('CCS01_8.11 to the CHF: sent by the ACB for the user, answered, and the CHF raises CS14 0x8F12', async () => {
    const s = setup({ commissioned: false });
    const installCode = s.premises.installCodeOf(DEFAULT_EUIS.esme)!;
    const body = structuredClone(templates.get('CCS01_8.11').request.body) as XMLData;
    ((body['UpdateHANDeviceLog'] as XMLData)['AddDeviceToCHFWhitelist'] as XMLData)['InstallCode'] = installCode;
    const request = s.request('CCS01_8.11', DEFAULT_EUIS.chf, { body });
    expect((await s.send(request)).responseCode).toBe('I99');

    const command = openFrame(s.handed[0]!.frame, {
      mac: { localKaPrivate: deriveParty(SEED, DEFAULT_EUIS.chf).ka.privateKey!, peerKaPublic: deriveParty(SEED, ACB).ka.publicKey },
    });
    expect(command.mac).toBe('valid');
    expect(command.frame).toMatchObject({
      originator: ACB,
      recipient: DEFAULT_EUIS.chf,
      messageCode: 0x0001,
      supplementary: { remotePartyId: SUPPLIER, remotePartyCounter: request.requestId.counter },
    });
    expect(ccs01.decodeCommand(command.frame.payload, { header: command.frame })).toMatchObject({
      deviceId: DEFAULT_EUIS.esme,
      deviceType: 1,
      installCode: hexToBytes(installCode),
      joinTimeoutSeconds: 90,
      enableJoining: true,
    });

    await s.clock.advance(5 * SECOND);
    const messages = responses(s.received);
    const response = messages.find((m): m is DuisResponseMessage => m.kind === 'response');
    expect(response?.requestId).toEqual(request.requestId);
    const frame = openFrame(response!.gbcsPayload!).frame;
    expect(frame).toMatchObject({ cra: 2, originator: DEFAULT_EUIS.chf, recipient: ACB, supplementary: { remotePartyId: SUPPLIER } });
    expect(ccs01.decodeResponse(frame.payload, { header: frame })).toEqual({ registerDevice: 'success', setJoinTimeout: 'success', setEnableJoining: 'success' });

    const alert = messages.find((m): m is DuisDeviceAlertMessage => m.kind === 'device-alert');
    expect(alert).toMatchObject({ alertCode: '8F12', responseCode: 'I0' });
    expect(alert!.responseId).toMatchObject({ originator: '00-DB-12-34-56-78-90-A2', target: '90-B3-D5-1F-30-01-00-00' });
    const alertFrame = openFrame(alert!.gbcsPayload).frame;
    expect(cs14DeviceLogChanged.decodeAlert(alertFrame.payload, { header: alertFrame })).toBeTruthy();
  });

  it('DBCH01_6.31 to the CHF: the operating sub-GHz channel', async () => {
    const s = setup();
    const request = s.request('DBCH01_6.31', DEFAULT_EUIS.chf);
    expect((await s.send(request)).responseCode).toBe('I99');
    await s.clock.advance(5 * SECOND);
    const [response] = responses(s.received);
    expect(response!.requestId).toEqual(request.requestId);
    expect(openFrame(response!.gbcsPayload!).frame).toMatchObject({ originator: DEFAULT_EUIS.chf, recipient: ACB, messageCode: 0x010a });
  });

  it('answers 8.14.1 (non-device, /serviceD) with I0 and sends nothing to the premises', async () => {
    const s = setup();
    const request = s.request('8.14.1_COMMUNICATIONS_HUB_STATUS_UPDATE_INSTALL', ACB);
    expect(request.servicePath).toBe('/api/v1/serviceD');
    const answer = await s.send(request);
    expect(answer).toMatchObject({ kind: 'response', responseCode: 'I0', srv: '8.14.1' });
    expect(s.handed).toHaveLength(0);
  });

  it('8.14.3 fault return: the hub serves nothing any more (E5), and takes no install (E5); 8.14.2 no SM WAN: E20 until 8.14.1', async () => {
    const returned = setup();
    expect((await returned.send(returned.request('8.14.3_COMMUNICATIONS_HUB_STATUS_UPDATE_FAULT_RETURN', ACB))).responseCode).toBe('I0');
    for (const target of [DEFAULT_EUIS.chf, DEFAULT_EUIS.gpf, DEFAULT_EUIS.esme]) {
      const answer = await returned.send(returned.request(target === DEFAULT_EUIS.esme ? 'ECS52_11.2' : target === DEFAULT_EUIS.chf ? 'CCS06_8.9' : 'GCS13a_4.1.1_RELIABLE_GPF', target));
      expect(answer.responseCode, `request to ${target} behind a returned hub`).toBe(RESPONSE_CODE.invalidDeviceStatus);
    }
    expect((await returned.send(returned.request('8.14.1_COMMUNICATIONS_HUB_STATUS_UPDATE_INSTALL', ACB))).responseCode).toBe(RESPONSE_CODE.invalidDeviceStatus);
    expect(returned.handed).toHaveLength(0);

    const noWan = setup();
    expect((await noWan.send(noWan.request('8.14.2_COMMUNICATIONS_HUB_STATUS_UPDATE_INSTALL_NO_SM_WAN', ACB))).responseCode).toBe('I0');
    expect((await noWan.send(noWan.request('ECS52_11.2', DEFAULT_EUIS.esme))).responseCode).toBe(RESPONSE_CODE.cannotCommunicate);
    expect((await noWan.send(noWan.request('8.14.1_COMMUNICATIONS_HUB_STATUS_UPDATE_INSTALL', ACB))).responseCode).toBe('I0');
    expect((await noWan.send(noWan.request('ECS52_11.2', DEFAULT_EUIS.esme))).responseCode).toBe('I99');
  });

  it('restores the CHF Device Log (8.12.1 CCS03) from the last security details read (8.9 CCS07) of the hub', async () => {
    const s = setup();
    const read = s.request('CCS07_8.9', DEFAULT_EUIS.chf);
    expect((await s.send(read)).responseCode).toBe('I99');
    await s.clock.advance(MINUTE);
    s.premises.chf.removeDevice(DEFAULT_EUIS.esme);
    const restore = s.request('CCS03_8.12.1', DEFAULT_EUIS.chf, { body: { RestoreHANDeviceLog: { OldCHFID: '00-DB-12-34-56-78-90-A2' } } });
    expect((await s.send(restore)).responseCode).toBe('I99');
    const sent = decodeFrame(s.handed.at(-1)!.frame);
    expect(ccs03.decodeCommand(sent.payload, { header: sent }).devices.map((d) => d.deviceId)).toEqual([DEFAULT_EUIS.esme, DEFAULT_EUIS.gsme]);
    await s.clock.advance(MINUTE);
    expect(s.premises.chf.isJoined(DEFAULT_EUIS.esme)).toBe(true);
  });

  it('keeps the receipt of a command the premises refuses, and no response follows', async () => {
    const s = setup();
    s.premises.commsHub.setPowered(false);
    expect((await s.send(s.request('ECS52_11.2', DEFAULT_EUIS.esme))).responseCode).toBe('I99');
    await s.clock.advance(10 * MINUTE);
    expect(s.received).toHaveLength(0);
    const [entry] = s.dcc.trace.of('command');
    expect(entry?.receipt).toMatchObject({ accepted: false, reason: 'comms-hub-unpowered' });
  });

  it('is deterministic: the same seed gives the same DUIS bytes', async () => {
    const run = async () => {
      const s = setup();
      await s.send(s.request('ECS17b_4.1.1_SINGLE', DEFAULT_EUIS.esme));
      await s.clock.advance(5 * SECOND);
      return s.received;
    };
    expect(await run()).toEqual(await run());
  });
});

describe('emulated DCC: rejections are synchronous E-codes and no device sees the request', () => {
  async function rejected(s: Setup, request: BuiltServiceRequest | string, path = '/api/v1/serviceS') {
    const xml = typeof request === 'string' ? request : request.xml;
    const response = await s.post(typeof request === 'string' ? path : path === '/api/v1/serviceS' ? request.servicePath : path, xml);
    const text = await response.text();
    expect(s.handed).toHaveLength(0);
    expect(s.dcc.trace.of('rejected')).toHaveLength(1);
    return { response, text, message: response.status === 200 ? parseDuisUserMessage(text) : null };
  }

  it('E2 for a user whose role is not eligible for the SRV', async () => {
    const exporter = '90B3D51F30050000';
    const s = setup({ users: [{ eui: SUPPLIER, role: 'IS' }, { eui: exporter, role: 'ES' }] });
    const { message, text, response } = await rejected(s, s.request('ECS17b_4.1.1_SINGLE', DEFAULT_EUIS.esme, { originator: exporter }));
    expect(message).toMatchObject({ kind: 'error', responseCode: RESPONSE_CODE.roleNotEligible, srv: '4.1.1' });
    expect(text).toContain('<!-- dit emulated DCC: E2 role ES of 90-B3-D5-1F-30-05-00-00 may not send SRV 4.1.1');
    expect(response.headers.get('x-dit-rejection')).toMatch(/^E2 role ES/);
  });

  it('E1 for an originator that is no registered user', async () => {
    const s = setup();
    const { message } = await rejected(s, s.request('ECS52_11.2', DEFAULT_EUIS.esme, { originator: '90B3D51F300100FF' }));
    expect(message?.responseCode).toBe(RESPONSE_CODE.invalidUserRole);
  });

  it('E9004 for a request whose XML signature is broken: the reason says so and no device saw anything', async () => {
    const s = setup();
    const request = s.request('ECS52_11.2', DEFAULT_EUIS.esme);
    const broken = request.xml.replace(/<ds:SignatureValue>(.)/, (_m, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`);
    expect(broken).not.toBe(request.xml);
    const { message, text, response } = await rejected(s, { ...request, xml: broken });
    expect(message).toMatchObject({ kind: 'error', responseCode: RESPONSE_CODE.invalidXmlSignature, srv: '11.2', requestId: request.requestId });
    expect(text).toMatch(/E9004 XML signature of 90-B3-D5-1F-30-01-00-00 refused: the SignatureValue does not verify/);
    expect(response.headers.get('x-dit-rejection')).toMatch(/^E9004 /);
    // the rejected request did not consume its counter: the same request, correctly signed, passes
    expect((await s.send(request)).responseCode).toBe('I99');
  });

  it('E9004 for an unsigned request (strict mode), a tampered body and a signature by another party', async () => {
    const s = setup();
    const unsigned = await rejected(s, s.request('ECS52_11.2', DEFAULT_EUIS.esme, { unsigned: true }));
    expect(unsigned.message?.responseCode).toBe(RESPONSE_CODE.invalidXmlSignature);
    expect(unsigned.text).toMatch(/carries no XML signature/);
    const t = setup();
    const signed = t.request('ECS17b_4.1.1_SINGLE', DEFAULT_EUIS.esme);
    const tampered = signed.xml.replace('<sr:ReadInstantaneousImportRegisters/>', '<sr:ReadInstantaneousPrepayValues/>');
    expect(tampered).not.toBe(signed.xml);
    const altered = await rejected(t, tampered, signed.servicePath);
    expect(altered.message?.responseCode).toBe(RESPONSE_CODE.invalidXmlSignature);
    expect(altered.text).toMatch(/digest/);
    const u = setup();
    const forged = await rejected(u, u.request('ECS52_11.2', DEFAULT_EUIS.esme, { signedBy: ACB }));
    expect(forged.message?.responseCode).toBe(RESPONSE_CODE.invalidXmlSignature);
  });

  it('acceptUnsigned lets an unsigned request through but still refuses a broken signature', async () => {
    const s = setup({ acceptUnsigned: true });
    expect((await s.send(s.request('ECS52_11.2', DEFAULT_EUIS.esme, { unsigned: true }))).responseCode).toBe('I99');
    expect((await s.send(s.request('ECS52_11.2', DEFAULT_EUIS.esme))).responseCode).toBe('I99');
    const forged = await s.send(s.request('ECS52_11.2', DEFAULT_EUIS.esme, { signedBy: ACB }));
    expect(forged.responseCode).toBe(RESPONSE_CODE.invalidXmlSignature);
    expect(s.handed).toHaveLength(2);
  });

  it('E9002 for a replayed RequestID counter; the first request alone reached the premises', async () => {
    const s = setup();
    const first = s.request('ECS52_11.2', DEFAULT_EUIS.esme);
    expect((await s.send(first)).responseCode).toBe('I99');
    const replay = s.request('ECS52_11.2', DEFAULT_EUIS.esme, { counter: first.requestId.counter });
    const answer = await s.send(replay);
    expect(answer).toMatchObject({ kind: 'error', responseCode: RESPONSE_CODE.requestIdCounterNotIncreasing });
    expect(answer.requestId).toEqual(replay.requestId);
    expect(s.handed).toHaveLength(1);
    const older = await s.send(s.request('ECS17b_4.1.1_SINGLE', DEFAULT_EUIS.esme, { counter: first.requestId.counter - 1n }));
    expect(older.responseCode).toBe(RESPONSE_CODE.requestIdCounterNotIncreasing);
    expect(s.handed).toHaveLength(1);
  });

  it('E9001 for malformed XML that still names its RequestID; HTTP 400 for a body that is not DUIS at all', async () => {
    const s = setup();
    const request = s.request('ECS52_11.2', DEFAULT_EUIS.esme);
    const broken = request.xml.replace(/<\/sr:Body>/, '');
    const { message, text } = await rejected(s, broken);
    expect(message).toMatchObject({ kind: 'error', responseCode: RESPONSE_CODE.malformedRequest, srv: '11.2' });
    expect(message!.requestId).toEqual(request.requestId);
    expect(text).toMatch(/E9001 DUIS XML is not well-formed at line 1/);

    const t = setup();
    const garbage = await rejected(t, 'hello, DCC');
    expect(garbage.response.status).toBe(400);
    expect(garbage.text).toMatch(/^not a DUIS request the emulated DCC can answer: DUIS XML is not well-formed/);
  });

  it('E9003 for an SRV outside the request matrix', async () => {
    const s = setup();
    const request = s.request('ECS52_11.2', DEFAULT_EUIS.esme);
    const unknown = request.xml.replace(/>11\.2</g, '>99.9<');
    const { message } = await rejected(s, unknown);
    expect(message).toMatchObject({ kind: 'error', responseCode: RESPONSE_CODE.unknownSrv });
    expect(message!.requestId).toEqual(request.requestId);
  });

  it('E13 for a request on the wrong web service', async () => {
    const s = setup();
    const { message } = await rejected(s, s.request('ECS52_11.2', DEFAULT_EUIS.esme), '/api/v1/serviceD');
    expect(message?.responseCode).toBe(RESPONSE_CODE.wrongUrlForRequestType);
  });

  it('E19 for a target the DCC does not know; E11 for an SRV not emulated for the target type', async () => {
    const s = setup();
    expect((await rejected(s, s.request('ECS52_11.2', '00DB1234567890FF'))).message?.responseCode).toBe(RESPONSE_CODE.deviceUnknown);
    const t = setup();
    const { message, text } = await rejected(t, t.request('ECS52_11.2', DEFAULT_EUIS.gpf));
    expect(message?.responseCode).toBe(RESPONSE_CODE.srvNotForDeviceType);
    expect(text).toContain('SRV 11.2 to a GPF is not emulated (emulated targets: ESME, CHF, GSME)');
  });

  it('E12 for a command variant that does not fit the SRV', async () => {
    const s = setup();
    const request = buildServiceRequest({ template: templates.get('ECS52_11.2'), originator: SUPPLIER, target: DEFAULT_EUIS.esme, counter: BigInt(START), commandVariant: 4 });
    const { message } = await rejected(s, request);
    expect(message?.responseCode).toBe(RESPONSE_CODE.commandVariantNotApplicable);
  });

  it('a rejected request does not consume its counter', async () => {
    const s = setup();
    const request = s.request('ECS52_11.2', DEFAULT_EUIS.esme);
    await s.post('/api/v1/serviceD', request.xml);
    expect((await s.send(request)).responseCode).toBe('I99');
    expect(formatRequestId(request.requestId)).toBe(s.dcc.trace.of('command')[0]?.id);
  });
});

describe('emulated DCC: critical commands (CV 4 → pre-command → user signature → CV 5)', () => {
  const COMMISSION = 'ECS70Commission_8.1.1';
  const body = (at: number) => ({ CommissionDeviceSynchroniseClock: { CurrentDateTime: new Date(at).toISOString(), TolerancePeriod: '60' } });
  const supplierDs = () => deriveParty(SEED, SUPPLIER).ds;

  async function preCommand(s: Setup): Promise<{ request: BuiltServiceRequest; frame: GbcsFrame }> {
    const request = s.request(COMMISSION, DEFAULT_EUIS.esme, { body: body(s.clock.now()) });
    expect(request.servicePath).toBe('/api/v1/serviceT');
    const answer = await s.send(request);
    expect(answer).toMatchObject({ kind: 'response', responseCode: 'I0', gbcsPayloadElement: 'Response/Body/ResponseMessage/PreCommand/GBCSPayload' });
    expect(s.handed).toHaveLength(0);
    return { request, frame: decodeFrame(answer.gbcsPayload!) };
  }

  function signedPreCommand(s: Setup, request: BuiltServiceRequest, signed: Uint8Array): BuiltServiceRequest {
    const built = buildServiceRequest({
      template: templates.get(COMMISSION),
      originator: SUPPLIER,
      target: DEFAULT_EUIS.esme,
      counter: request.requestId.counter,
      commandVariant: 5,
      body: { SignedPreCommand: { GBCSPayload: encodeGbcsPayload(signed) } },
    });
    const { ds } = s.premises.keys.keysOf(SUPPLIER);
    return { ...built, xml: signDuisRequest(built.xml, { privateKey: ds.privateKey!, publicKey: ds.publicKey }) };
  }

  it('answers CV 4 with the pre-command (I0), MACs the signed pre-command (CV 5, I99) and the ESME answers ECS70, signed', async () => {
    const s = setup();
    const { request, frame } = await preCommand(s);
    expect(frame).toMatchObject({ preCommand: true, cra: 1, originator: SUPPLIER, recipient: DEFAULT_EUIS.esme, messageCode: 0x0062, counter: request.requestId.counter });
    const signed = sealFrame(frame, frame.payload, { sign: { dsPrivateKey: supplierDs().privateKey! } });
    const cv5 = signedPreCommand(s, request, signed);
    expect(cv5.servicePath).toBe('/api/v1/serviceS');
    expect((await s.send(cv5)).responseCode).toBe('I99');
    expect(s.handed[0]?.receipt).toMatchObject({ accepted: true, useCase: 'ECS70' });
    const command = openFrame(s.handed[0]!.frame, { mac: { localKaPrivate: deriveParty(SEED, DEFAULT_EUIS.esme).ka.privateKey!, peerKaPublic: deriveParty(SEED, ACB).ka.publicKey }, signerDsPublic: supplierDs().publicKey });
    expect([command.mac, command.signature]).toEqual(['valid', 'valid']);
    await s.clock.advance(MINUTE);
    const [response] = responses(s.received);
    const opened = openFrame(response!.gbcsPayload!, { signerDsPublic: deriveParty(SEED, DEFAULT_EUIS.esme).ds.publicKey });
    expect([opened.mac, opened.signature]).toEqual(['absent', 'valid']);
    expect(ecs70.decodeResponse(opened.frame.payload, { header: opened.frame })).toMatchObject({ adjustToPresetTime: 'success', status: { ok: true, value: 0 } });
    expect(s.dcc.trace.of('pre-command')).toHaveLength(1);
  });

  it('passes a wrongly signed pre-command on (I99); the ESME refuses it and nothing answers', async () => {
    const s = setup();
    const { request, frame } = await preCommand(s);
    const wrong = sealFrame(frame, frame.payload, { sign: { dsPrivateKey: deriveParty(SEED, ACB).ds.privateKey! } });
    expect((await s.send(signedPreCommand(s, request, wrong))).responseCode).toBe('I99');
    expect(s.handed[0]?.receipt).toMatchObject({ accepted: false, reason: 'signature-invalid' });
    await s.clock.advance(10 * MINUTE);
    expect(s.received).toHaveLength(0);
  });

  it('the ESME refuses a critical command without a signature (MAC only)', async () => {
    const s = setup();
    const transform = findSrvTransform('8.1.1', 'ESME')!;
    const fields = transform.commandFields(body(s.clock.now()), { deviceTypeOf: () => 'ESME' });
    const command = buildDccCommand({ transform, fields, user: SUPPLIER, requestCounter: BigInt(START), device: DEFAULT_EUIS.esme, nextAcbCounter: () => 1n }, s.premises.keys);
    expect(await s.premises.handleCommand(command.frame)).toMatchObject({ accepted: false, reason: 'signature-absent' });
  });

  it('E9001 for CV 5 without a pre-command issued for its RequestID, or with another frame than the one issued', async () => {
    const s = setup();
    const { request, frame } = await preCommand(s);
    const other = sealFrame({ ...frame, counter: frame.counter + 1n }, frame.payload, { sign: { dsPrivateKey: supplierDs().privateKey! } });
    const tampered = await s.send(signedPreCommand(s, request, other));
    expect(tampered.responseCode).toBe(RESPONSE_CODE.malformedRequest);
    const stray = s.request(COMMISSION, DEFAULT_EUIS.esme);
    const none = await s.send(signedPreCommand(s, stray, sealFrame(frame, frame.payload, { sign: { dsPrivateKey: supplierDs().privateKey! } })));
    expect(none.responseCode).toBe(RESPONSE_CODE.malformedRequest);
    expect(s.handed).toHaveLength(0);
  });
});

describe('emulated DCC: the critical join service (8.7.1 CS03A1 / CS03C, 8.8.1 CS04AC) and its inventory of Type 1 devices', () => {
  const HCALCS = '00DB12345678909A';
  const PPMID = '00DB123456789098';
  const join = (eui: string) => ({ JoinServiceCritical: { OtherDeviceID: eui.replace(/(..)(?!$)/g, '$1-') } });
  const unjoin = (eui: string) => ({ UnjoinServiceCritical: { OtherDeviceID: eui.replace(/(..)(?!$)/g, '$1-') } });

  /** CV 4 then, when the DCC answers the pre-command, CV 5; returns both answers. */
  async function critical(s: Setup, key: string, target: string, body: XMLData) {
    const request = s.request(key, target, { body });
    const pre = await s.send(request);
    if (pre.responseCode !== 'I0') return { pre, signed: null };
    const signed = await s.send(signedPreCommandRequest({ template: templates.get(key), request, preCommand: pre.gbcsPayload!, ds: deriveParty(SEED, SUPPLIER).ds }));
    return { pre, signed };
  }

  function lastResult(s: Setup, device: string, codec: typeof cs03a1 | typeof cs04ac): number {
    const opened = openFrame(responses(s.received).at(-1)!.gbcsPayload!, { signerDsPublic: deriveParty(SEED, device).ds.publicKey });
    expect([opened.mac, opened.signature]).toEqual(['absent', 'valid']);
    return codec.decodeResponse(opened.frame.payload, { header: opened.frame }).result;
  }

  it('E19 for an OtherDeviceID the inventory does not hold (the default premises has no PPMID or HCALCS); E11 for a party of the premises', async () => {
    const s = setup();
    const { pre, signed } = await critical(s, 'CS03A1_8.7.1', DEFAULT_EUIS.esme, join(HCALCS));
    expect(pre.responseCode).toBe(RESPONSE_CODE.deviceUnknown);
    expect(signed).toBeNull();
    expect((await critical(s, 'CS03A1_8.7.1', DEFAULT_EUIS.esme, join(DEFAULT_EUIS.gsme))).pre.responseCode).toBe(RESPONSE_CODE.srvNotForDeviceType);
    expect(s.handed).toHaveLength(0);
  });

  it('the ESME joins an HCALCS of the inventory (Method A), refuses it again as a PPMID (3), unjoins it (0), then answers 1', async () => {
    const s = setup({ hanDevices: [{ eui: HCALCS, type: 'HCALCS', kaCertificate: null }] });
    const { pre, signed } = await critical(s, 'CS03A1_8.7.1', DEFAULT_EUIS.esme, join(HCALCS));
    expect(pre.responseCode).toBe('I0');
    expect(cs03a1.decodeCommand(decodeFrame(pre.gbcsPayload!).payload, { header: decodeFrame(pre.gbcsPayload!) })).toEqual({ joinMethod: 0, otherDeviceId: HCALCS, otherDeviceType: JOIN_DEVICE_TYPE.HCALCS });
    expect(signed?.responseCode).toBe('I99');
    await s.clock.advance(MINUTE);
    expect(lastResult(s, DEFAULT_EUIS.esme, cs03a1)).toBe(JOIN_SERVICE_RESULT.success);
    expect(s.premises.esme.joinedDevices.get(HCALCS)).toMatchObject({ deviceType: JOIN_DEVICE_TYPE.HCALCS, joinMethod: 0 });

    s.premises.esme.joinedDevices.unjoin(HCALCS);
    s.premises.esme.joinedDevices.join(HCALCS, JOIN_DEVICE_TYPE.PPMID, s.clock.now());
    await critical(s, 'CS03A1_8.7.1', DEFAULT_EUIS.esme, join(HCALCS));
    await s.clock.advance(MINUTE);
    expect(lastResult(s, DEFAULT_EUIS.esme, cs03a1), 'joined before as another type').toBe(JOIN_SERVICE_RESULT.incompatibleWithExistingEntry);

    await critical(s, 'CS04ACCritical_8.8.1', DEFAULT_EUIS.esme, unjoin(HCALCS));
    await s.clock.advance(MINUTE);
    expect(lastResult(s, DEFAULT_EUIS.esme, cs04ac)).toBe(JOIN_SERVICE_RESULT.success);
    await critical(s, 'CS04ACCritical_8.8.1', DEFAULT_EUIS.esme, unjoin(HCALCS));
    await s.clock.advance(MINUTE);
    expect(lastResult(s, DEFAULT_EUIS.esme, cs04ac)).toBe(JOIN_SERVICE_RESULT.notJoined);
    expect(s.premises.esme.joinedDevices.size).toBe(0);
    expect(responses(s.received).filter((m) => m.kind === 'device-alert'), 'no alert follows a Method A join or unjoin [P]').toEqual([]);
  });

  it('the GSME answers a Method C join without a certificate (the DCC holds none) 11 at its next wake, and joins nothing', async () => {
    const s = setup({ hanDevices: [{ eui: PPMID, type: 'PPMID', kaCertificate: null }] });
    const { pre } = await critical(s, 'CS03CCritical_8.7.1', DEFAULT_EUIS.gsme, join(PPMID));
    expect(cs03c.decodeCommand(decodeFrame(pre.gbcsPayload!).payload, { header: decodeFrame(pre.gbcsPayload!) }), 'no certificate held: none sent').toEqual({ joinMethod: 3, otherDeviceId: PPMID, otherDeviceType: JOIN_DEVICE_TYPE.PPMID });
    await s.clock.advanceTo(s.premises.gsme.nextWakeAt! + MINUTE);
    expect(lastResult(s, DEFAULT_EUIS.gsme, cs03c)).toBe(JOIN_SERVICE_RESULT.invalidOrMissingCertificate);
    expect(s.premises.gsme.joinedDevices.has(PPMID)).toBe(false);
  });

  it("the premises' own PPMID: the DCC hands the GSME its emulated SMKI certificate (Method C), the GSME records its key; the ESME joins it by Method A and unjoins it", async () => {
    const s = setup({ type1Devices: [{ eui: PPMID, type: 'PPMID' }] });
    const held = s.premises.hanDevices()[0]!;
    const { pre } = await critical(s, 'CS03CCritical_8.7.1', DEFAULT_EUIS.gsme, join(PPMID));
    expect(cs03c.decodeCommand(decodeFrame(pre.gbcsPayload!).payload, { header: decodeFrame(pre.gbcsPayload!) })).toEqual({ joinMethod: 3, otherDeviceId: PPMID, otherDeviceType: JOIN_DEVICE_TYPE.PPMID, otherDeviceCertificate: held.kaCertificate });
    await s.clock.advanceTo(s.premises.gsme.nextWakeAt! + MINUTE);
    expect(lastResult(s, DEFAULT_EUIS.gsme, cs03c)).toBe(JOIN_SERVICE_RESULT.success);
    expect(s.premises.gsme.joinedDevices.get(PPMID)?.kaPublicKey).toEqual(s.premises.keys.keysOf(PPMID).ka.publicKey);

    await critical(s, 'CS03A1_8.7.1', DEFAULT_EUIS.esme, join(PPMID));
    await s.clock.advance(MINUTE);
    expect(lastResult(s, DEFAULT_EUIS.esme, cs03a1)).toBe(JOIN_SERVICE_RESULT.success);
    expect(s.premises.esme.joinedDevices.get(PPMID)).toMatchObject({ deviceType: JOIN_DEVICE_TYPE.PPMID, joinMethod: 0 });
    await critical(s, 'CS04ACCritical_8.8.1', DEFAULT_EUIS.esme, unjoin(PPMID));
    await s.clock.advance(MINUTE);
    expect(lastResult(s, DEFAULT_EUIS.esme, cs04ac)).toBe(JOIN_SERVICE_RESULT.success);
    expect(s.premises.esme.joinedDevices.has(PPMID)).toBe(false);
  });

  it.skipIf(rtdsAbsent)(`the GSME joins a PPMID (Method C) with the KA certificate the DCC holds (RTDS CS03CCritical's), recording its key (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, async () => {
    const rtds = rtdsPayload('8.7.1_CS03CCritical', 'CS03CCritical_8.7.1_SUCCESS_COMMAND');
    const certificate = cs03c.decodeCommand(rtds.payload, rtds).otherDeviceCertificate!;
    const s = setup({ hanDevices: [{ eui: PPMID, type: 'PPMID', kaCertificate: certificate }] });
    const { pre } = await critical(s, 'CS03CCritical_8.7.1', DEFAULT_EUIS.gsme, join(PPMID));
    expect(bytesToHex(decodeFrame(pre.gbcsPayload!).payload), 'the RTDS command payload').toBe(bytesToHex(rtds.payload));
    await s.clock.advanceTo(s.premises.gsme.nextWakeAt! + MINUTE);
    expect(lastResult(s, DEFAULT_EUIS.gsme, cs03c)).toBe(JOIN_SERVICE_RESULT.success);
    expect(s.premises.gsme.joinedDevices.get(PPMID)?.kaPublicKey).toEqual(publicKeyFromCertificate(certificate));
  });
});
