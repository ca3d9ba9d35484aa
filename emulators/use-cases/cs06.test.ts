// SPDX-License-Identifier: GPL-3.0-or-later
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { XMLData } from '@smartdcc/duis-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FirmwareImage } from '../../harness/programme/firmware-catalogue.ts';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import { bytesToHex, hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { decodeTypedMessage } from '../../harness/protocol/gbcs/payload/registry.ts';
import { CS06_CANCELLATION_DATE_TIME, type Cs06Command } from '../../harness/protocol/gbcs/payload/use-cases/cs06.ts';
import { gcs28Time } from '../../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { defaultRtdsDir, rtdsAvailable } from '../../harness/protocol/gbcs/rtds.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { buildPreCommand } from '../dcc/command-sealing.ts';
import { findSrvTransform } from '../dcc/srv-transforms.ts';
import type { DeviceMessageInfo } from '../device-message.ts';
import type { EmulatedDevice } from '../device.ts';
import { RESTART_MS } from '../firmware-activation.ts';
import { profileOfImage } from '../firmware/image-profile.ts';
import { shippedProfiles } from '../firmware/profile-loader.ts';
import { createPremises, DEFAULT_EUIS, type PremisesOptions } from '../premises.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { criticalCommand } from '../testing/critical-command.ts';
import { openDeviceMessage } from '../testing/dcc-side.ts';
import { derShape, headerShape } from '../testing/payload-shape.ts';
import { ESME_IMAGE, FIRMWARE_CATALOGUE, FIRMWARE_TEST_START, GSME_IMAGE } from '../testing/firmware-images.ts';

const START = FIRMWARE_TEST_START;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const catalogue = FIRMWARE_CATALOGUE;
const RTDS = defaultRtdsDir();
const AVAILABLE = rtdsAvailable(RTDS);

function world(options: Partial<PremisesOptions> = {}) {
  const clock = new VirtualClock(START);
  const messages: Array<{ frame: Uint8Array; info: DeviceMessageInfo }> = [];
  const premises = createPremises({ seed: 'cs06', clock, onDeviceMessage: (frame, info) => void messages.push({ frame, info }), ...options });
  let counter = BigInt(START);
  const typed = (kind: 'response' | 'alert', alertCode?: number) =>
    messages
      .filter((m) => m.info.kind === kind && (alertCode === undefined || m.info.alertCode === alertCode))
      .map((m) => {
        const opened = openDeviceMessage(premises.keys, m.frame);
        return { info: m.info, opened, fields: decodeTypedMessage({ ...opened.frame, payload: opened.frame.payload })?.fields };
      });
  async function hold(device: EmulatedDevice, image: FirmwareImage) {
    premises.distributeFirmware({ target: device.eui, image, requester: REMOTE_PARTY.supplier });
    const done = await clock.waitFor(() => premises.firmwareDistribution.heldImage(device.eui) === image, { within: 3 * HOUR });
    expect(done.met, `${device.deviceType} holds ${image.releaseId}`).toBe(true);
  }
  async function activate(device: EmulatedDevice, fields: Omit<Cs06Command, 'originatorCounter'>) {
    counter += 1n;
    const targetType = device.deviceType as 'ESME' | 'GSME' | 'CHF';
    const frame = criticalCommand(premises.keys, { srv: '11.3', targetType, device: device.eui, fields: { ...fields, originatorCounter: counter }, counter });
    expect(await premises.handleCommand(frame)).toMatchObject({ accepted: true, useCase: 'CS06' });
    return counter;
  }
  return { clock, premises, messages, typed, hold, activate };
}

describe('CS06 activate firmware on the emulated devices', () => {
  it('immediate on the ESME: success with the new version, 0x8F43 after the restart; ECS52 then reads it', async () => {
    const w = world();
    await w.hold(w.premises.esme, ESME_IMAGE);
    const at = w.clock.now();
    await w.activate(w.premises.esme, { manufacturerImageHash: ESME_IMAGE.imageHash, executionDateTime: null });
    await w.clock.advance(MINUTE);
    const [response] = w.typed('response');
    expect(response?.fields).toEqual({ kind: 'outcome', result: 'success', firmwareVersion: ESME_IMAGE.versionOctets });
    expect([response?.opened.mac, response?.opened.signature]).toEqual(['absent', 'valid']);
    expect(w.premises.esme.firmwareVersion).toBe(ESME_IMAGE.versionOctets);
    const [changed] = w.typed('alert', 0x8f43);
    expect(changed?.opened.frame).toMatchObject({ originator: w.premises.esme.eui, recipient: REMOTE_PARTY.supplier, messageCode: 0x1001 });
    expect(changed!.info.at - at).toBeGreaterThanOrEqual(RESTART_MS);
  });

  it('refuses with what GBCS names: no image held, hash mismatch — the version unchanged', async () => {
    const w = world();
    await w.activate(w.premises.esme, { manufacturerImageHash: ESME_IMAGE.imageHash, executionDateTime: null });
    await w.hold(w.premises.esme, ESME_IMAGE);
    await w.activate(w.premises.esme, { manufacturerImageHash: GSME_IMAGE.imageHash, executionDateTime: null });
    await w.clock.advance(MINUTE);
    expect(w.typed('response').map((r) => r.fields)).toEqual([
      { kind: 'outcome', result: 'no-image-held', firmwareVersion: '0123ABCD' },
      { kind: 'outcome', result: 'hash-mismatch', firmwareVersion: '0123ABCD' },
    ]);
    expect(w.typed('alert', 0x8f43)).toEqual([]);
  });

  it('future dated: accepted; at the time 0x00CA 0x8F66 with the outcome, then 0x8F43; a cancelled one does nothing', async () => {
    const w = world();
    await w.hold(w.premises.esme, ESME_IMAGE);
    const due = Math.ceil((w.clock.now() + 2 * HOUR) / 1000) * 1000;
    const iso = gcs28Time(due);
    const counter = await w.activate(w.premises.esme, { manufacturerImageHash: ESME_IMAGE.imageHash, executionDateTime: iso });
    await w.clock.advance(MINUTE);
    expect(w.typed('response')[0]?.fields).toEqual({ kind: 'accepted' });
    expect(w.premises.firmwareActivation.pendingAt(w.premises.esme)).toBe(due);
    await w.clock.advanceTo(due - 1);
    expect(w.premises.esme.firmwareVersion).toBe('0123ABCD');
    await w.clock.advance(MINUTE);
    const [actioned] = w.typed('alert', 0x8f66);
    expect(actioned?.opened.frame).toMatchObject({ messageCode: 0x00ca, recipient: REMOTE_PARTY.supplier });
    expect([actioned?.opened.mac, actioned?.opened.signature]).toEqual(['absent', 'valid']);
    expect(actioned?.fields).toEqual({ executionDateTime: iso, originatorCounter: counter, outcome: { result: 'success', firmwareVersion: ESME_IMAGE.versionOctets } });
    expect(w.typed('alert', 0x8f43)).toHaveLength(1);

    const c = world();
    await c.hold(c.premises.esme, ESME_IMAGE);
    await c.activate(c.premises.esme, { manufacturerImageHash: ESME_IMAGE.imageHash, executionDateTime: gcs28Time(c.clock.now() + HOUR) });
    await c.activate(c.premises.esme, { manufacturerImageHash: ESME_IMAGE.imageHash, executionDateTime: CS06_CANCELLATION_DATE_TIME });
    await c.clock.advance(2 * HOUR);
    expect(c.typed('response').map((r) => r.fields)).toEqual([{ kind: 'accepted' }, { kind: 'accepted' }]);
    expect(c.typed('alert').filter((a) => a.info.alertCode === 0x8f66 || a.info.alertCode === 0x8f43)).toEqual([]);
    expect(c.premises.esme.firmwareVersion).toBe('0123ABCD');
  });

  it('future dated without the image: 0x8F67 with "no image held" at the time', async () => {
    const w = world();
    const iso = gcs28Time(START + HOUR);
    await w.activate(w.premises.esme, { manufacturerImageHash: ESME_IMAGE.imageHash, executionDateTime: iso });
    await w.clock.advance(2 * HOUR);
    expect(w.typed('alert', 0x8f67)[0]?.fields).toMatchObject({ executionDateTime: iso, outcome: { result: 'no-image-held', firmwareVersion: '0123ABCD' } });
  });

  it('the GSME activates at its next wake; GCS38 would read the new version', async () => {
    const w = world();
    await w.hold(w.premises.gsme, GSME_IMAGE);
    await w.activate(w.premises.gsme, { manufacturerImageHash: GSME_IMAGE.imageHash, executionDateTime: null });
    expect(w.premises.gsme.firmwareVersion).toBe('0123ABCD');
    await w.clock.advanceTo(w.premises.gsme.nextWakeAt! + MINUTE);
    expect(w.typed('response')[0]?.fields).toEqual({ kind: 'outcome', result: 'success', firmwareVersion: GSME_IMAGE.versionOctets });
    expect(w.premises.gsme.firmwareVersion).toBe(GSME_IMAGE.versionOctets);
    expect(w.typed('alert', 0x8f43)[0]?.opened.frame.messageCode).toBe(0x1001);
  });

  it('a Release 1 comms hub (WNC 1.8, GBCS 1.1) upgraded to Release 2 (WNC 1.9): new version, and 1.9\'s profile replaces 1.8\'s', async () => {
    const profiles = shippedProfiles();
    const r1 = catalogue.byRelease('WNC-1.8')!;
    const r2 = catalogue.byRelease('WNC-1.9')!;
    expect([r1.gbcs, r2.gbcs]).toEqual(['1.1', '2.0']);
    const w = world({
      devices: { commsHub: { firmwareVersion: r1.versionOctets } },
      profiles: { commsHub: profileOfImage(r1, profiles)! },
      firmwareProfileOf: (_d, image) => profileOfImage(image, profiles),
    });
    const cs14 = () => w.messages.filter((m) => m.info.alertCode === 0x8f12).length;
    const addDevice = () => w.premises.chf.addDevice({ eui: '00DB1234567890B0', deviceType: 'ESME', installCode: '00'.repeat(16), joinTimeoutMs: MINUTE });
    addDevice();
    await w.clock.advance(MINUTE);
    expect(cs14(), 'WNC 1.8 omits CS14 (its profile)').toBe(0);
    await w.hold(w.premises.chf, r2);
    await w.activate(w.premises.chf, { manufacturerImageHash: r2.imageHash, executionDateTime: null });
    await w.clock.advance(MINUTE);
    expect(w.typed('response')[0]?.fields).toEqual({ kind: 'outcome', result: 'success', firmwareVersion: r2.versionOctets });
    expect([w.premises.chf.firmwareVersion, w.premises.gpf.firmwareVersion]).toEqual([r2.versionOctets, r2.versionOctets]);
    expect(w.typed('alert', 0x8f43)[0]?.opened.frame).toMatchObject({ originator: w.premises.chf.eui, messageCode: 0x1001 });
    addDevice();
    await w.clock.advance(MINUTE);
    expect(cs14(), 'WNC 1.9 raises CS14').toBe(1);
  });
});

describe.skipIf(!AVAILABLE)('CS06 against RTDS 11.3_CS06', () => {
  let templates: TemplateCatalogue;
  beforeAll(async () => {
    templates = await loadTemplateCatalogue();
  });
  const rtdsHex = (name: string) => readFileSync(join(RTDS, 'RTDS-4.5.0', '11.3_CS06', `${name}_GBCS.HEX`), 'utf8').replace(/\s+/g, '').toUpperCase();

  it('each template becomes its RTDS pre-command, byte for byte', () => {
    for (const [key, stem] of [
      ['CS06_11.3_IMMEDIATE', 'CS06_11.3_IMMEDIATE_SUCCESS'],
      ['CS06_11.3_FUTURE_DATED', 'CS06_11.3_FUTURE_DATED_SUCCESS'],
      ['CS06_11.3_CANCELLATION', 'CS06_11.3_CANCELLATION_SUCCESS'],
    ] as const) {
      const template = templates.get(key);
      const counter = template.request.header.requestId.counter;
      const transform = findSrvTransform('11.3', 'ESME')!;
      const fields = transform.commandFields(structuredClone(template.request.body) as XMLData, { deviceTypeOf: () => 'ESME', requestCounter: counter });
      const pre = buildPreCommand({ transform, fields, user: REMOTE_PARTY.supplier, requestCounter: counter, device: DEFAULT_EUIS.esme, nextAcbCounter: () => 1n });
      expect(bytesToHex(pre.frame), key).toBe(rtdsHex(`${stem}_PRECOMMAND`));
    }
  });

  it('the emulated responses are shaped as RTDS: outcome (immediate) and NULL (future dated), signed, header date-time', async () => {
    const w = world();
    await w.activate(w.premises.esme, { manufacturerImageHash: ESME_IMAGE.imageHash, executionDateTime: null });
    await w.activate(w.premises.esme, { manufacturerImageHash: ESME_IMAGE.imageHash, executionDateTime: '2030-01-15T09:00:00Z' });
    await w.clock.advance(MINUTE);
    const [immediate, future] = w.typed('response');
    for (const [ours, name] of [
      [immediate, 'CS06_11.3_IMMEDIATE_ERROR_RESPONSE'],
      [future, 'CS06_11.3_FUTURE_DATED_SUCCESS_RESPONSE'],
    ] as const) {
      const rtds = decodeFrame(hexToBytes(rtdsHex(name)));
      expect(headerShape(ours!.opened.frame)).toEqual(headerShape(rtds));
      expect(derShape(ours!.opened.frame.payload)).toEqual(derShape(rtds.payload));
    }
  });
});
