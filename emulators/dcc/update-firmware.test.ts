// SPDX-License-Identifier: GPL-3.0-or-later
import type { XMLData } from '@smartdcc/duis-parser';
import { describe, expect, it } from 'vitest';
import { defaultFirmwareCatalogue, versionOctetsOf } from '../../harness/programme/firmware-catalogue.ts';
import { buildServiceRequest } from '../../harness/protocol/duis/build-request.ts';
import { parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { signDuisRequest } from '../../harness/protocol/duis/xml-signature.ts';
import { DEFAULT_EUIS } from '../premises.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { DUIS_WORLD_START } from '../testing/duis-world.ts';
import { createEmulatedWorld } from '../world.ts';

const catalogue = defaultFirmwareCatalogue();

function world() {
  const received: string[] = [];
  const w = createEmulatedWorld({ seed: 'update-firmware', startMs: DUIS_WORLD_START, receiver: { deliver: async (xml) => void received.push(xml) } });
  let counter = BigInt(DUIS_WORLD_START);
  async function updateFirmware(target: string, body: XMLData) {
    counter += 1n;
    const request = buildServiceRequest({
      request: { header: { type: 'request', requestId: { originatorId: REMOTE_PARTY.supplier, targetId: target, counter }, commandVariant: 8, serviceReference: '11.1', serviceReferenceVariant: '11.1' }, body },
      originator: REMOTE_PARTY.supplier,
      target,
      counter,
    });
    const { ds } = w.keys.keysOf(REMOTE_PARTY.supplier);
    const xml = signDuisRequest(request.xml, { privateKey: ds.privateKey!, publicKey: ds.publicKey });
    const reply = await w.dcc(new Request(`http://dcc.test${request.servicePath}`, { method: 'POST', body: xml, headers: { 'content-type': 'application/xml' } }));
    const text = await reply.text();
    return { answer: parseDuisUserMessage(text), text };
  }
  return { w, received, updateFirmware };
}

describe('SRV 11.1 Update Firmware at the emulated DCC', () => {
  it('an image of the catalogue for the device model: I0, the comms hub takes it; alerts follow', async () => {
    const { w, received, updateFirmware } = world();
    const image = catalogue.byRelease('MM1-E24-3.0.0')!;
    const { answer } = await updateFirmware(DEFAULT_EUIS.esme, { UpdateFirmware: { FirmwareVersion: image.versionOctets } });
    expect(answer.responseCode).toBe('I0');
    expect(w.premises.firmwareDistribution.transferTo(DEFAULT_EUIS.esme)?.image).toBe(image);
    await w.clock.advance(10 * 60_000);
    const alerts = received.map((x) => parseDuisUserMessage(x)).filter((m) => m.kind === 'device-alert').map((m) => m.alertCode);
    expect(alerts.sort()).toEqual(['8F72', '8F8A']);
    expect(w.dccTrace.entries().some((e) => e.event === 'non-device' && e.srv === '11.1')).toBe(true);
  });

  it('refuses what the catalogue does not list for the model (E9005, the reason said), an unknown target (E19), the GPF (E11)', async () => {
    const { w, updateFirmware } = world();
    const unknown = await updateFirmware(DEFAULT_EUIS.esme, { UpdateFirmware: { FirmwareVersion: versionOctetsOf('9.9.9') } });
    expect(unknown.answer.responseCode).toBe('E9005');
    expect(unknown.text).toMatch(/in no release of the firmware catalogue/);
    const other = await updateFirmware(DEFAULT_EUIS.esme, { UpdateFirmware: { FirmwareVersion: versionOctetsOf('1.0.3') } });
    expect(other.answer.responseCode).toBe('E9005');
    expect(other.text).toMatch(/for model MM2-G868-OPT1.*not for model MM1-E24/);
    expect((await updateFirmware('00DB1234567890FF', { UpdateFirmware: { FirmwareVersion: versionOctetsOf('3.0.0') } })).answer.responseCode).toBe('E19');
    expect((await updateFirmware(DEFAULT_EUIS.gpf, { UpdateFirmware: { FirmwareVersion: versionOctetsOf('1.9') } })).answer.responseCode).toBe('E11');
    expect((await updateFirmware(DEFAULT_EUIS.esme, { UpdateFirmware: { FirmwareVersion: 'two point one' } })).answer.responseCode).toBe('E9001');
    expect(w.premises.firmwareDistribution.transferTo(DEFAULT_EUIS.esme), 'nothing distributed').toBeUndefined();
  });

  it("the comms hub's own firmware: by the hub vendor's releases", async () => {
    const { w, updateFirmware } = world();
    expect((await updateFirmware(DEFAULT_EUIS.chf, { UpdateFirmware: { FirmwareVersion: versionOctetsOf('1.9') } })).answer.responseCode).toBe('I0');
    await w.clock.advance(5 * 60_000);
    expect(w.premises.firmwareDistribution.heldImage(DEFAULT_EUIS.chf)?.releaseId).toBe('WNC-1.9');
    expect((await updateFirmware(DEFAULT_EUIS.chf, { UpdateFirmware: { FirmwareVersion: versionOctetsOf('3.2') } })).answer.responseCode, "EDMI's, not WNC's").toBe('E9005');
  });
});
