// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../harness/protocol/gbcs/frame-types.ts';
import { ccs01 } from '../harness/protocol/gbcs/payload/use-cases/ccs01.ts';
import { cs14DeviceLogChanged } from '../harness/protocol/gbcs/payload/use-cases/cs14-device-log-changed.ts';
import { dbch01 } from '../harness/protocol/gbcs/payload/use-cases/dbch01.ts';
import { ECS17B_COMMAND_FIELDS, ecs17b } from '../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { ecs52 } from '../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { gcs13a } from '../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { gcs38 } from '../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { NO_FIELDS } from '../harness/protocol/gbcs/payload/use-cases/use-case-codec.ts';
import { VirtualClock } from './clock/virtual-clock.ts';
import type { DeviceMessageInfo } from './device-message.ts';
import { createPremises, DEFAULT_EUIS, type PremisesOptions } from './premises.ts';
import { REMOTE_PARTY } from './remote-parties.ts';
import { commandHeader, endPartyCipher, openDeviceMessage, sealCommand } from './testing/dcc-side.ts';

const START = Date.UTC(2019, 3, 8);
const MINUTE = 60_000;

function world(options: Partial<PremisesOptions> = {}) {
  const clock = new VirtualClock(START);
  const messages: Array<{ frame: Uint8Array; info: DeviceMessageInfo }> = [];
  const premises = createPremises({
    seed: 'commands',
    clock,
    onDeviceMessage: (frame, info) => void messages.push({ frame, info }),
    ...options,
  });
  let counter = BigInt(START);
  const next = () => (counter += 1n);
  return { clock, premises, messages, keys: premises.keys, next };
}

type World = ReturnType<typeof world>;

function send(w: World, header: GbcsHeader, payload: Uint8Array) {
  return w.premises.handleCommand(sealCommand(w.keys, header, payload));
}

function ecs52Command(w: World, recipient: string, counter = w.next(), originator: string = REMOTE_PARTY.supplier) {
  const header = commandHeader({ recipient, messageCode: ecs52.messageCode, counter, originator });
  return { header, payload: ecs52.encodeCommand(NO_FIELDS, { header }) };
}

describe('Premises.handleCommand: routes and responses', () => {
  it('answers ECS17b from the ESME after its latency, MACed for the supplier, registers encrypted', async () => {
    const w = world({ devices: { esme: { consumption: { activeImportW: 1200, initialActiveImportWh: 5000, reactiveImportVar: 0, initialReactiveImportVarh: 7 } } } });
    await w.clock.advance(30 * MINUTE);
    const header = commandHeader({ recipient: DEFAULT_EUIS.esme, messageCode: ecs17b.messageCode, counter: w.next() });
    const receipt = await send(w, header, ecs17b.encodeCommand(ECS17B_COMMAND_FIELDS, { header }));
    expect(receipt).toMatchObject({ accepted: true, useCase: 'ECS17b', route: 'ESME', responseDueAt: w.clock.now() + 2_000 });
    expect(w.messages).toHaveLength(0);
    await w.clock.advance(2_000);
    expect(w.messages).toHaveLength(1);
    const [{ frame, info }] = w.messages as [{ frame: Uint8Array; info: DeviceMessageInfo }];
    expect(info).toMatchObject({ kind: 'response', useCase: 'ECS17b', originator: DEFAULT_EUIS.esme, recipient: REMOTE_PARTY.supplier, at: START + 30 * MINUTE + 2_000 });
    const opened = openDeviceMessage(w.keys, frame);
    expect(opened.mac).toBe('valid');
    expect(opened.signature).toBe('absent');
    expect(opened.frame).toMatchObject({ cra: 2, counter: header.counter, originator: DEFAULT_EUIS.esme, recipient: REMOTE_PARTY.supplier, messageCode: 0x0027 });
    expect(opened.frame.dateTime).toHaveLength(12);
    const rsp = ecs17b.decodeResponse(opened.frame.payload, { header: opened.frame, cipher: endPartyCipher(w.keys, opened.frame) });
    expect(rsp).toEqual({
      ok: true,
      registers: [
        { value: 5600, scaler: 0, unit: 'Wh' },
        { value: 7, scaler: 0, unit: 'varh' },
      ],
    });
  });

  it('answers ECS52 from the ESME and from the CHF (hub firmware)', async () => {
    const w = world({ devices: { commsHub: { firmwareVersion: '0C1A0002' }, esme: { firmwareVersion: '0123ABCD' } } });
    for (const recipient of [DEFAULT_EUIS.esme, DEFAULT_EUIS.chf]) {
      const { header, payload } = ecs52Command(w, recipient);
      expect(await send(w, header, payload)).toMatchObject({ accepted: true, recipient });
    }
    await w.clock.advance(5_000);
    const versions = w.messages.map(({ frame }) => {
      const { frame: f, mac } = openDeviceMessage(w.keys, frame);
      expect(mac).toBe('valid');
      expect(f.dateTime).toBeNull();
      return [f.originator, ecs52.decodeResponse(f.payload, { header: f })];
    });
    expect(versions).toEqual([
      [DEFAULT_EUIS.chf, { ok: true, firmwareVersion: '0C1A0002' }],
      [DEFAULT_EUIS.esme, { ok: true, firmwareVersion: '0123ABCD' }],
    ]);
  });

  it('answers GCS13a at once from the GPF mirror, which lags the meter until its next wake', async () => {
    const w = world({ devices: { gsme: { firstWakeAfterMs: 30 * MINUTE, consumption: { litresPerHour: 600, initialLitres: 12_345 } } } });
    await w.clock.advance(20 * MINUTE);
    const header = commandHeader({ recipient: DEFAULT_EUIS.gpf, messageCode: gcs13a.messageCode, counter: w.next() });
    const receipt = await send(w, header, gcs13a.encodeCommand({ sequenceNumber: 7 }, { header }));
    expect(receipt).toMatchObject({ accepted: true, route: 'GPF', responseDueAt: START + 20 * MINUTE + 800 });
    await w.clock.advance(800);
    const { frame, mac } = openDeviceMessage(w.keys, (w.messages[0] as { frame: Uint8Array }).frame);
    expect(mac).toBe('valid');
    expect(frame.dateTime).toHaveLength(12);
    expect(gcs13a.decodeResponse(frame.payload, { header: frame, cipher: endPartyCipher(w.keys, frame) })).toEqual({
      sequenceNumber: 7,
      divisor: { status: 'success', value: 1000 },
      multiplier: { status: 'success', value: 1 },
      unitOfMeasure: { status: 'success', value: 'm3' },
      currentSummationDelivered: { status: 'success', value: 12_345 },
    });
    expect(w.premises.gsme.summation).toBe(12_545);
  });

  it('queues GCS38 for the GSME and answers it at the next wake plus the GSME latency', async () => {
    const w = world({ devices: { gsme: { firstWakeAfterMs: 10 * MINUTE, firmwareVersion: '0123ABCE' } } });
    const header = commandHeader({ recipient: DEFAULT_EUIS.gsme, messageCode: gcs38.messageCode, counter: w.next() });
    const receipt = await send(w, header, gcs38.encodeCommand({ sequenceNumber: 3 }, { header }));
    expect(receipt).toMatchObject({ accepted: true, route: 'GSME-queued', responseDueAt: null });
    expect(w.premises.chf.sleepyBuffer.pendingFor(DEFAULT_EUIS.gsme)).toHaveLength(1);
    await w.clock.advance(10 * MINUTE);
    expect(w.messages).toHaveLength(0);
    const arrived = await w.clock.waitFor(() => w.messages.length > 0, { within: 60 * MINUTE });
    expect(arrived).toMatchObject({ met: true, at: START + 10 * MINUTE + 3_000 });
    const { frame, mac } = openDeviceMessage(w.keys, (w.messages[0] as { frame: Uint8Array }).frame);
    expect(mac).toBe('valid');
    expect(frame).toMatchObject({ originator: DEFAULT_EUIS.gsme, counter: header.counter, dateTime: null });
    expect(gcs38.decodeResponse(frame.payload, { header: frame })).toEqual({ sequenceNumber: 3, firmwareVersion: { status: 'success', value: '0123ABCE' } });
  });

  it('answers DBCH01 from the CHF with its sub-GHz channel and the supplementary party carried back', async () => {
    const w = world({ devices: { commsHub: { channels: { channel24GHz: 15, subGhz: { page: 28, channel: 5 } } } } });
    const supplementary = { remotePartyId: REMOTE_PARTY.supplier, remotePartyCounter: 1000n };
    const header = commandHeader({ recipient: DEFAULT_EUIS.chf, messageCode: dbch01.messageCode, counter: w.next(), originator: REMOTE_PARTY.accessControlBroker, supplementary });
    expect(await send(w, header, dbch01.encodeCommand(NO_FIELDS, { header }))).toMatchObject({ accepted: true, route: 'CHF' });
    await w.clock.advance(500);
    const { frame, mac } = openDeviceMessage(w.keys, (w.messages[0] as { frame: Uint8Array }).frame);
    expect(mac).toBe('valid');
    expect(frame).toMatchObject({ recipient: REMOTE_PARTY.accessControlBroker, supplementary });
    expect(dbch01.decodeResponse(frame.payload, { header: frame })).toMatchObject({ ok: true, channel: { mask: 0xe0000020, page: 28, channels: [5] } });
  });

  it('CCS01 on an uncommissioned premises: response, CS14 alert, the meter joins, CS14 again', async () => {
    const w = world({ commissioned: false });
    const esme = DEFAULT_EUIS.esme;
    const installCode = Buffer.from(w.premises.installCodeOf(esme) ?? '', 'hex');
    const supplementary = { remotePartyId: REMOTE_PARTY.supplier, remotePartyCounter: 1002n };
    const header = commandHeader({ recipient: DEFAULT_EUIS.chf, messageCode: ccs01.messageCode, counter: w.next(), originator: REMOTE_PARTY.accessControlBroker, supplementary });
    const payload = ccs01.encodeCommand(
      { deviceId: esme, deviceType: 1, installCode, registrationOption: 0, joinTimeoutSeconds: 90, enableJoining: true },
      { header },
    );
    expect(await send(w, header, payload)).toMatchObject({ accepted: true, useCase: 'CCS01', route: 'CHF' });
    expect(w.premises.chf.deviceLog.get(esme)).toMatchObject({ state: 'whitelisted', joinWindowExpiresAt: START + 90_000 });
    await w.clock.advance(60_000);
    expect(w.messages.map((m) => [m.info.kind, m.info.useCase, m.info.at - START])).toEqual([
      ['response', 'CCS01', 500],
      ['alert', 'CS14', 1_000],
      ['alert', 'CS14', 21_000],
    ]);
    expect(w.premises.chf.isJoined(esme)).toBe(true);
    const response = openDeviceMessage(w.keys, (w.messages[0] as { frame: Uint8Array }).frame);
    expect(ccs01.decodeResponse(response.frame.payload, { header: response.frame })).toEqual({
      registerDevice: 'success',
      setJoinTimeout: 'success',
      setEnableJoining: 'success',
    });
    const alert = openDeviceMessage(w.keys, (w.messages[2] as { frame: Uint8Array }).frame);
    expect(alert.mac).toBe('valid');
    expect(alert.frame).toMatchObject({ cra: 3, originator: DEFAULT_EUIS.chf, recipient: REMOTE_PARTY.accessControlBroker, messageCode: 0x0018, dateTime: null });
    const decoded = cs14DeviceLogChanged.decodeAlert(alert.frame.payload, { header: alert.frame });
    expect(decoded.devices.map((d) => d.deviceId)).toEqual([esme]);
    const first = openDeviceMessage(w.keys, (w.messages[1] as { frame: Uint8Array }).frame);
    expect(alert.frame.counter > first.frame.counter).toBe(true);
  });

  it('a meter out of reach does not join in its window', async () => {
    const w = world({ commissioned: false });
    w.premises.esme.linkUp = false;
    const esme = DEFAULT_EUIS.esme;
    const header = commandHeader({ recipient: DEFAULT_EUIS.chf, messageCode: ccs01.messageCode, counter: w.next(), originator: REMOTE_PARTY.accessControlBroker });
    const installCode = Buffer.from(w.premises.installCodeOf(esme) ?? '', 'hex');
    await send(w, header, ccs01.encodeCommand({ deviceId: esme, deviceType: 1, installCode, registrationOption: 0, joinTimeoutSeconds: 90, enableJoining: true }, { header }));
    await w.clock.advance(5 * MINUTE);
    expect(w.premises.chf.isJoined(esme)).toBe(false);
    expect(w.messages.map((m) => m.info.useCase)).toEqual(['CCS01', 'CS14']);
  });
});

describe('Premises.handleCommand: refusals (no response follows)', () => {
  it('refuses a MAC made with the wrong keys', async () => {
    const w = world();
    const { header, payload } = ecs52Command(w, DEFAULT_EUIS.esme);
    const other = createPremises({ seed: 'another world', clock: new VirtualClock(START) });
    const forged = sealCommand(other.keys, header, payload);
    expect(await w.premises.handleCommand(forged)).toMatchObject({ accepted: false, reason: 'mac-invalid' });
    await w.clock.advance(MINUTE);
    expect(w.messages).toHaveLength(0);
  });

  it('refuses a replayed or older counter from the same originator, but not from another', async () => {
    const w = world();
    const first = ecs52Command(w, DEFAULT_EUIS.esme, 5000n);
    expect(await send(w, first.header, first.payload)).toMatchObject({ accepted: true });
    expect(await send(w, first.header, first.payload)).toMatchObject({ accepted: false, reason: 'counter-not-increasing' });
    const older = ecs52Command(w, DEFAULT_EUIS.esme, 4999n);
    expect(await send(w, older.header, older.payload)).toMatchObject({ accepted: false, reason: 'counter-not-increasing' });
    const otherOriginator = ecs52Command(w, DEFAULT_EUIS.esme, 10n, '90B3D51F30020000');
    expect(await send(w, otherOriginator.header, otherOriginator.payload)).toMatchObject({ accepted: true });
    expect(w.premises.esme.lastAcceptedCounter(REMOTE_PARTY.supplier)).toBe(5000n);
  });

  it('refuses a command from an originator it holds no credentials for: the meter raises 0x8F30, the counter is not consumed', async () => {
    const w = world();
    const stranger = ecs52Command(w, DEFAULT_EUIS.esme, 7000n, '90B3D51F30030000');
    expect(await send(w, stranger.header, stranger.payload)).toMatchObject({ accepted: false, reason: 'no-authority', detail: /alert 0x8F30 raised/ });
    await w.clock.advance(MINUTE);
    expect(w.messages.map((m) => m.info)).toMatchObject([{ kind: 'alert', useCase: 'GCA', alertCode: 0x8f30, originator: DEFAULT_EUIS.esme, recipient: REMOTE_PARTY.supplier }]);
    expect(w.premises.esme.lastAcceptedCounter('90B3D51F30030000')).toBeNull();
    const toChf = ecs52Command(w, DEFAULT_EUIS.chf, 7001n, '90B3D51F30030000');
    expect(await send(w, toChf.header, toChf.payload)).toMatchObject({ accepted: false, reason: 'no-authority' });
  });

  it('reports what it cannot queue for the GSME: no mirror, and a full queue', async () => {
    const w = world({ commissioned: false });
    w.premises.chf.addDevice({ eui: DEFAULT_EUIS.gsme, deviceType: 'GSME', installCode: w.premises.installCodeOf(DEFAULT_EUIS.gsme)!, joinTimeoutMs: 90_000 });
    await w.clock.advance(MINUTE);
    const header = commandHeader({ recipient: DEFAULT_EUIS.gsme, messageCode: gcs38.messageCode, counter: w.next() });
    expect(await send(w, header, gcs38.encodeCommand({ sequenceNumber: 1 }, { header }))).toMatchObject({ accepted: false, reason: 'no-mirror', reported: true });
  });

  it('refuses what it cannot route or does not implement, naming why', async () => {
    const w = world();
    const unknown = ecs52Command(w, '00DB1234567890FF');
    expect(await send(w, unknown.header, unknown.payload)).toMatchObject({ accepted: false, reason: 'unknown-recipient' });
    const toGsme = ecs52Command(w, DEFAULT_EUIS.gsme);
    expect(await send(w, toGsme.header, toGsme.payload)).toMatchObject({ accepted: false, reason: 'wrong-recipient-type' });
    const unsupported = commandHeader({ recipient: DEFAULT_EUIS.esme, messageCode: 0x001a, counter: w.next() });
    expect(await send(w, unsupported, Uint8Array.of(0xd9))).toMatchObject({ accepted: false, reason: 'unsupported-message', detail: /0x001A/ });
    const garbled = commandHeader({ recipient: DEFAULT_EUIS.esme, messageCode: ecs52.messageCode, counter: w.next() });
    expect(await send(w, garbled, Uint8Array.of(0xd9, 0x20))).toMatchObject({ accepted: false, reason: 'malformed-payload' });
    expect(await w.premises.handleCommand(Uint8Array.of(1, 2, 3))).toMatchObject({ accepted: false, reason: 'malformed-frame' });
    const { header, payload } = ecs52Command(w, DEFAULT_EUIS.esme);
    const unmacd = (await import('../harness/protocol/gbcs/secure-frame.ts')).sealFrame(header, payload);
    expect(await w.premises.handleCommand(unmacd)).toMatchObject({ accepted: false, reason: 'mac-absent' });
  });

  it('refuses while the hub is off or the ESME cannot be reached, without consuming the counter', async () => {
    const w = world();
    const cmd = ecs52Command(w, DEFAULT_EUIS.esme, 7000n);
    w.premises.commsHub.setPowered(false);
    expect(await send(w, cmd.header, cmd.payload)).toMatchObject({ accepted: false, reason: 'comms-hub-unpowered' });
    w.premises.commsHub.setPowered(true);
    w.premises.esme.setPowered(false);
    expect(await send(w, cmd.header, cmd.payload)).toMatchObject({ accepted: false, reason: 'device-unreachable', detail: /without power/ });
    w.premises.esme.setPowered(true);
    w.premises.esme.linkUp = false;
    expect(await send(w, cmd.header, cmd.payload)).toMatchObject({ accepted: false, reason: 'device-unreachable', detail: /out of HAN reach/ });
    w.premises.esme.linkUp = true;
    expect(await send(w, cmd.header, cmd.payload)).toMatchObject({ accepted: true });
  });

  it('refuses GSME commands past the sleepy queue limit', async () => {
    const w = world({ devices: { gsme: { firstWakeAfterMs: 30 * MINUTE } } });
    const limit = w.premises.chf.sleepyBuffer.limitPerDevice;
    for (let i = 0; i <= limit; i++) {
      const header = commandHeader({ recipient: DEFAULT_EUIS.gsme, messageCode: gcs38.messageCode, counter: w.next() });
      const receipt = await send(w, header, gcs38.encodeCommand({ sequenceNumber: i }, { header }));
      expect(receipt.accepted).toBe(i < limit);
      if (!receipt.accepted) expect(receipt).toMatchObject({ reason: 'sleepy-queue-full', reported: true });
    }
    await w.clock.advance(31 * MINUTE);
    expect(w.messages).toHaveLength(limit);
  });
});

describe('determinism', () => {
  it('the same seed and the same commands give byte-identical device messages', async () => {
    const run = async () => {
      const w = world();
      await w.clock.advance(3 * MINUTE);
      const header = commandHeader({ recipient: DEFAULT_EUIS.esme, messageCode: ecs17b.messageCode, counter: w.next() });
      await send(w, header, ecs17b.encodeCommand(ECS17B_COMMAND_FIELDS, { header }));
      const g = commandHeader({ recipient: DEFAULT_EUIS.gpf, messageCode: gcs13a.messageCode, counter: w.next() });
      await send(w, g, gcs13a.encodeCommand({ sequenceNumber: 1 }, { header: g }));
      await w.clock.advance(MINUTE);
      return w.messages.map((m) => Buffer.from(m.frame).toString('hex'));
    };
    const a = await run();
    expect(a).toHaveLength(2);
    expect(await run()).toEqual(a);
  });
});
