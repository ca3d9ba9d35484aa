// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Firmware over the air, as a Service User does it: SRV 11.1 Update Firmware (non-device, CV 8)
 * names an image of the DCC's firmware catalogue for the meter's model; the DCC answers I0 and the
 * comms hub sends the image to the meter over the HAN (a ZigBee OTA upgrade, block by block). The
 * meter tells the user it holds and verified the image (FDRA 0x8F72, with the hash it calculated)
 * and the CHF tells the DCC the transfer succeeded (CCS08 0x8F8A, relayed to the user). SRV 11.3
 * (CS06, critical) activates it — now or at an ExecutionDateTime (then the 0x00CA alert 0x8F66) —
 * the meter reports 0x8F43 "executing firmware changed" once it runs it, and SRV 11.2 reads the new
 * version. The catalogue is the programme's (harness/programme/firmware-catalogue.ts): the suite
 * picks a release of the meter's model other than the one it runs.
 *
 * Timing on 868 MHz (FW-GSME-868-OTA): the transfer is measured from the DCC's I0 to the FDRA and
 * checked against two floors and a ceiling, and recorded as the test's measurements:
 * - size ÷ rate: the image's bits at the sub-GHz data rate (100 kbit/s [P: DOMAIN.md]);
 * - the duty-cycle budget: every 64-byte block costs the hub an Image Block Response of 81 bytes
 *   plus 57 bytes of MAC/NWK/APS/PHY overhead on the air [P: emulators/radio/airtime.ts]; the hub
 *   keeps its own usage below the Limited threshold (1.3 % of any hour: 46.8 s [V: RTDS DBCH04])
 *   [P], so an image needing more hub airtime than that waits for the first hour's airtime to
 *   leave the window: at least one hour per budget's worth beyond the first;
 * - the ceiling: the same budget arithmetic for a lossy link, whose retransmissions cost the hub
 *   airtime too (up to half as much again: LOSSY_LINK_AIRTIME_FACTOR [P]; a seeded link can need
 *   one more hour of budget than a clean one), plus every block's unpaced cycle (request,
 *   response, 20 ms turnaround [P]), plus the GSME's wake interval (it starts at its next wake)
 *   and a margin.
 */
import * as allure from 'allure-js-commons';
import { expect } from 'vitest';
import { ditCase, type DitContext } from '../harness/dit/dit-case.ts';
import type { DuisClient, DuisExchange } from '../harness/dit/duis-client.ts';
import { expectDeviceAlert, expectDeviceResponse, expectNoUnexpectedMessages, expectQuietFor } from '../harness/dit/expectations.ts';
import { defaultFirmwareCatalogue, versionOctetsOf, type FirmwareImage } from '../harness/programme/firmware-catalogue.ts';
import { ccs08TransferFailed, ccs08TransferSucceeded } from '../harness/protocol/gbcs/payload/use-cases/ccs08.ts';
import { cs06, cs06FutureDatedActioned } from '../harness/protocol/gbcs/payload/use-cases/cs06.ts';
import { gncaExecutingFirmwareChangedDlms, gncaExecutingFirmwareChangedGbz } from '../harness/protocol/gbcs/payload/use-cases/executing-firmware-changed-alert.ts';
import { fdraVerifiedDlms, fdraVerifiedGbz } from '../harness/protocol/gbcs/payload/use-cases/firmware-distribution-receipt-alert.ts';
import { gcs28Time } from '../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { sendCriticalRequest } from './critical-requests.ts';
import { readFirmwareVersion, readGsmeFirmwareVersion } from './firmware-version-reads.ts';
import { sleepyWindow } from './han-checks.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A 2.4 GHz ESME image (256 KiB) arrives in about two minutes: ten is the window. */
const ESME_TRANSFER_WINDOW_MS = 10 * MINUTE;
const MAINS_WINDOW_MS = MINUTE;
/** Alerts leave a device within seconds of their event; the 0x8F43 after its restart (10 s [P]). */
const ALERT_WINDOW_MS = 2 * MINUTE;

/** [P] The sub-GHz data rate (DOMAIN.md) and what one OTA block costs the hub on the air (see the header). */
const SUB_GHZ_BITS_PER_SECOND = 100_000;
const OTA_BLOCK_DATA_BYTES = 64;
const OTA_RESPONSE_ON_AIR_BYTES = 81 + 57;
const OTA_REQUEST_ON_AIR_BYTES = 17 + 57;
const OTA_TURNAROUND_MS = 20;
/** The hub's budget: below Limited, 1.3 % of a rolling hour [V: RTDS DBCH04 1.30 %; P: the hub paces below it]. */
const HUB_BUDGET_MS_PER_HOUR = 0.013 * HOUR;
/** Hub airtime of a lossy link relative to a clean one (retransmitted blocks) [P]. */
const LOSSY_LINK_AIRTIME_FACTOR = 1.5;

/** The catalogue image for the meter's model it does not run yet (the newest such release), or a skip. */
function nextImage({ meter, skip }: DitContext): FirmwareImage {
  const modelId = meter.modelId ?? meter.model;
  return newestNotRunning(defaultFirmwareCatalogue().forDevice({ kind: 'meter', modelId }), meter) ?? skip(`the firmware catalogue has no other release for model ${modelId}`);
}

/** The newest of `images` the device (its version and the octets it reports) does not run yet. */
function newestNotRunning(images: readonly FirmwareImage[], running: { readonly firmware: string; readonly firmwareImage: string }): FirmwareImage | undefined {
  const runs = (i: FirmwareImage) => i.versionOctets === running.firmwareImage.toUpperCase() || i.version === running.firmware;
  return images.filter((i) => !runs(i)).at(-1);
}

/** SRV 11.1 for `target` naming `versionOctets`. */
function updateFirmware(duis: DuisClient, target: string, versionOctets: string): Promise<DuisExchange> {
  return duis.sendRequest('11.1', { target, body: { UpdateFirmware: { FirmwareVersion: versionOctets } } });
}

/** The DCC's I0, then the meter's FDRA 0x8F72 (its hash: the image's) and the CHF's CCS08 0x8F8A; returns when the FDRA arrived. */
async function distribute(duis: DuisClient, ctx: DitContext, image: FirmwareImage, windowMs: number): Promise<{ acceptedAt: number; receivedAt: number }> {
  const { meter, premises } = ctx;
  const update = await updateFirmware(duis, meter.eui, image.versionOctets);
  expect(update.code, `SRV 11.1 for ${image.releaseId} accepted by the DCC`).toBe('I0');
  const acceptedAt = duis.now();
  const expected = { from: meter.eui, within: windowMs, mac: 'absent', signature: 'valid' } as const;
  const receipt = meter.type === 'GSME' ? await expectDeviceAlert(duis, fdraVerifiedGbz, expected) : await expectDeviceAlert(duis, fdraVerifiedDlms, expected);
  expect(receipt.fields.calculatedImageHash, 'the hash the meter calculated over the image').toBe(image.imageHash);
  const transfer = await expectDeviceAlert(duis, ccs08TransferSucceeded, { from: premises.commsHub.chf, within: ALERT_WINDOW_MS, mac: 'absent', signature: 'valid' });
  expect(transfer.fields, 'CCS08: the image went to the meter').toMatchObject({ entityId: meter.eui, firmwareVersion: image.versionOctets, result: 'success' });
  return { acceptedAt, receivedAt: receipt.arrivedAt };
}

/** SRV 11.3 through the critical flow: the CS06 response `target` (a meter, or the CHF for the hub) sends within `windowMs`. */
async function activate(duis: DuisClient, target: string, template: string, body: Record<string, string>, windowMs: number, who = 'meter') {
  const exchange = await sendCriticalRequest(duis, template, { target, body: { ActivateFirmware: body } });
  const response = await exchange.response({ within: windowMs });
  expect(response.signature, `the ${who} signs its CS06 response`).toBe('valid');
  return expectDeviceResponse(response, cs06, { from: target, mac: 'absent', within: windowMs });
}

ditCase(
  {
    id: 'FW-ESME-UPDATE-ACTIVATE',
    title: 'ESME firmware over the air: 11.1 distributes a catalogue image over 2.4 GHz, 11.3 activates it, 0x8F43, 11.2 reads the new version',
    useCase: 'CS06',
    srv: '11.3',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz'],
    tags: ['confidence', 'formal', 'regression'],
    severity: 2,
  },
  async (ctx) => {
    const { duis, meter } = ctx;
    const image = nextImage(ctx);
    await distribute(duis, ctx, image, ESME_TRANSFER_WINDOW_MS);
    expect(await readFirmwareVersion(duis, meter.eui, 'valid'), 'distribution alone changes nothing').toBe(meter.firmwareImage);
    const outcome = await activate(duis, ctx.meter.eui, 'CS06_11.3_IMMEDIATE', { FirmwareHash: image.imageHash }, MAINS_WINDOW_MS);
    expect(outcome, 'CS06: activated, running the new version').toEqual({ kind: 'outcome', result: 'success', firmwareVersion: image.versionOctets });
    await expectDeviceAlert(duis, gncaExecutingFirmwareChangedDlms, { from: meter.eui, within: ALERT_WINDOW_MS });
    expect(await readFirmwareVersion(duis, meter.eui, 'valid'), '11.2 reads the new version').toBe(image.versionOctets);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'FW-GSME-868-OTA',
    title: 'GSME firmware over 868 MHz: the transfer takes the time its size and the hub’s duty-cycle budget imply; activated at the next wake, 11.2 reads it',
    useCase: 'CS06',
    srv: '11.1',
    deviceTypes: ['GSME'],
    bands: ['868MHz'],
    tags: ['formal', 'regression'],
    severity: 2,
  },
  async (ctx) => {
    const { duis, meter } = ctx;
    const image = nextImage(ctx);
    const wakeMs = (meter.wakeIntervalMinutes ?? 30) * MINUTE;
    const blocks = Math.ceil(image.sizeBytes / OTA_BLOCK_DATA_BYTES);
    const toMs = (bytes: number) => (bytes * 8 * 1000) / SUB_GHZ_BITS_PER_SECOND;
    const hubAirtimeMs = blocks * toMs(OTA_RESPONSE_ON_AIR_BYTES);
    const sizeRateFloorMs = toMs(image.sizeBytes);
    const dutyCycleFloorMs = (Math.ceil(hubAirtimeMs / HUB_BUDGET_MS_PER_HOUR) - 1) * HOUR;
    const unpacedMs = blocks * (toMs(OTA_REQUEST_ON_AIR_BYTES) + toMs(OTA_RESPONSE_ON_AIR_BYTES) + OTA_TURNAROUND_MS);
    const lossyLinkBudgetMs = (Math.ceil((hubAirtimeMs * LOSSY_LINK_AIRTIME_FACTOR) / HUB_BUDGET_MS_PER_HOUR) - 1) * HOUR;
    const ceilingMs = lossyLinkBudgetMs + unpacedMs + wakeMs + 10 * MINUTE;

    const { acceptedAt, receivedAt } = await distribute(duis, ctx, image, ceilingMs);
    const transferMs = receivedAt - acceptedAt;
    const measurements = { image: image.releaseId, sizeBytes: image.sizeBytes, blocks, hubAirtimeMs, sizeRateFloorMs, dutyCycleFloorMs, unpacedMs, ceilingMs, transferMs, transferMinutes: transferMs / MINUTE };
    await allure.attachment('measurements: 868 MHz firmware transfer', JSON.stringify(measurements, null, 2), 'application/json');
    expect(transferMs, 'transfer time ≥ the image at the sub-GHz rate (ms)').toBeGreaterThanOrEqual(sizeRateFloorMs);
    expect(transferMs, "transfer time ≥ what the hub's duty-cycle budget allows (ms)").toBeGreaterThanOrEqual(dutyCycleFloorMs);
    expect(transferMs, 'transfer time ≤ lossy-link budget + unpaced blocks + one wake + margin (ms)').toBeLessThanOrEqual(ceilingMs);

    const window = wakeMs + MINUTE;
    const outcome = await activate(duis, ctx.meter.eui, 'CS06_11.3_IMMEDIATE', { FirmwareHash: image.imageHash }, window);
    expect(outcome, 'CS06 at the next wake: activated').toEqual({ kind: 'outcome', result: 'success', firmwareVersion: image.versionOctets });
    await expectDeviceAlert(duis, gncaExecutingFirmwareChangedGbz, { from: meter.eui, within: ALERT_WINDOW_MS });
    expect(await readGsmeFirmwareVersion(duis, meter.eui, window), '11.2 (GCS38) reads the new version').toBe(image.versionOctets);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'FW-ESME-FUTURE-DATED-ACTIVATION',
    title: 'ESME future-dated activation: CS06 accepted, the image runs at its ExecutionDateTime with 0x00CA 0x8F66 and 0x8F43, not before',
    useCase: 'CS06',
    srv: '11.3',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz'],
    tags: ['formal', 'regression'],
    severity: 2,
  },
  async (ctx) => {
    const { duis, bench, meter } = ctx;
    const image = nextImage(ctx);
    await distribute(duis, ctx, image, ESME_TRANSFER_WINDOW_MS);
    const executionAt = Math.ceil((duis.now() + HOUR) / 60_000) * 60_000;
    const execution = gcs28Time(executionAt);
    const accepted = await activate(duis, ctx.meter.eui, 'CS06_11.3_FUTURE_DATED', { ExecutionDateTime: new Date(executionAt).toISOString(), FirmwareHash: image.imageHash }, MAINS_WINDOW_MS);
    expect(accepted, 'a future-dated CS06 is accepted, not yet acted on').toEqual({ kind: 'accepted' });
    await expectQuietFor(duis, bench, executionAt - duis.now() - MINUTE);
    expect(await readFirmwareVersion(duis, meter.eui, 'valid'), 'before its time: the old version').toBe(meter.firmwareImage);
    const actioned = await expectDeviceAlert(duis, cs06FutureDatedActioned, { from: meter.eui, within: 3 * MINUTE, mac: 'absent', signature: 'valid' });
    expect(actioned.fields, '0x8F66: the activation took place at its time').toMatchObject({ executionDateTime: execution, outcome: { result: 'success', firmwareVersion: image.versionOctets } });
    await expectDeviceAlert(duis, gncaExecutingFirmwareChangedDlms, { from: meter.eui, within: ALERT_WINDOW_MS });
    expect(await readFirmwareVersion(duis, meter.eui, 'valid'), '11.2 reads the new version').toBe(image.versionOctets);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'FW-ESME-INTERRUPTED-TRANSFER',
    title: 'ESME supply cut mid-image: the transfer resumes from the last block when the supply returns and completes',
    useCase: 'CCS08',
    srv: '11.1',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz'],
    tags: ['formal', 'regression'],
    severity: 2,
    needs: ['supply-power'],
  },
  async (ctx) => {
    const { duis, bench, meter } = ctx;
    const image = nextImage(ctx);
    const update = await updateFirmware(duis, meter.eui, image.versionOctets);
    expect(update.code, 'SRV 11.1 accepted').toBe('I0');
    const start = duis.now();
    await bench.advance(30_000);
    // two minutes: shorter than the 3 minutes after which the ESME reports a supply outage
    await bench.powerOff(meter.eui);
    await bench.advance(2 * MINUTE);
    await bench.powerOn(meter.eui);
    const receipt = await expectDeviceAlert(duis, fdraVerifiedDlms, { from: meter.eui, within: ESME_TRANSFER_WINDOW_MS, mac: 'absent', signature: 'valid' });
    expect(receipt.fields.calculatedImageHash, 'the whole image arrived').toBe(image.imageHash);
    expect(receipt.arrivedAt - start, 'the outage adds to the transfer (ms)').toBeGreaterThan(2 * MINUTE);
    await expectDeviceAlert(duis, ccs08TransferSucceeded, { from: ctx.premises.commsHub.chf, within: ALERT_WINDOW_MS, mac: 'absent', signature: 'valid' });
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'FW-GSME-RADIO-LOSS-TRANSFER-FAILS',
    title: 'GSME off the HAN for more than a day after 11.1: the CHF gives the transfer up, CCS08 0x8F89 file transfer failure, no receipt',
    useCase: 'CCS08',
    srv: '11.1',
    deviceTypes: ['GSME'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['formal', 'regression'],
    severity: 3,
    needs: ['radio-loss', 'clock'],
  },
  async (ctx) => {
    const { duis, bench, meter, premises } = ctx;
    const image = nextImage(ctx);
    await bench.radioLoss(meter.eui);
    const update = await updateFirmware(duis, meter.eui, image.versionOctets);
    expect(update.code, 'SRV 11.1 accepted').toBe('I0');
    const failed = await expectDeviceAlert(duis, ccs08TransferFailed, { from: premises.commsHub.chf, within: 25 * HOUR, mac: 'absent', signature: 'valid' });
    expect(failed.fields, 'CCS08 0x8F89 names the meter and the reason').toMatchObject({ entityId: meter.eui, firmwareVersion: image.versionOctets, result: 'file-transfer-failure' });
    await bench.radioRestore(meter.eui);
    await expectQuietFor(duis, bench, sleepyWindow(meter));
  },
);

ditCase(
  {
    id: 'FW-NOT-IN-CATALOGUE',
    title: '11.1 naming a version the firmware catalogue does not hold for the meter’s model is refused by the DCC (E9005), nothing follows',
    useCase: 'CCS08',
    srv: '11.1',
    deviceTypes: ['ESME', 'GSME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['confidence', 'formal', 'regression'],
    severity: 3,
  },
  async ({ duis, bench, meter }) => {
    const modelId = meter.modelId ?? meter.model;
    const catalogue = defaultFirmwareCatalogue();
    const unknown = await updateFirmware(duis, meter.eui, versionOctetsOf('99.99.99'));
    expect(unknown.code, 'a version in no release: refused at the DCC edge').toBe('E9005');
    const other = catalogue.images.find((i) => i.target.kind === 'meter' && i.target.modelId !== modelId && !catalogue.lookup({ kind: 'meter', modelId }, i.versionOctets).ok);
    if (other) {
      const wrong = await updateFirmware(duis, meter.eui, other.versionOctets);
      expect(wrong.code, `${other.releaseId} is another model's firmware: refused`).toBe('E9005');
    }
    await expectQuietFor(duis, bench, HOUR);
  },
);

/** The comms hub image of its vendor it does not run yet (the newest such release), or a skip. */
function nextHubImage({ premises, skip }: DitContext): FirmwareImage {
  const hub = premises.commsHub;
  const vendorId = hub.vendorId ?? hub.vendor;
  return newestNotRunning(defaultFirmwareCatalogue().forDevice({ kind: 'comms-hub', vendorId }), hub) ?? skip(`the firmware catalogue has no other comms hub release of vendor ${vendorId}`);
}

ditCase(
  {
    id: 'FW-CHF-UPDATE-ACTIVATE',
    title: 'Comms hub firmware: 11.1 distributes the next hub release over the WAN (0x8F72 from the CHF), 11.3 activates it, 0x8F43, 11.2 reads it (a Release 1 → Release 2 move when the image is GBCS 2.x)',
    useCase: 'CS06',
    srv: '11.3',
    deviceTypes: ['CHF'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['formal', 'regression'],
    // a hub that cannot take new firmware blocks every later fix: no workaround short of replacing it
    severity: 1,
  },
  async (ctx) => {
    const { duis, premises, measure } = ctx;
    const chf = premises.commsHub.chf;
    const image = nextHubImage(ctx);
    const update = await updateFirmware(duis, chf, image.versionOctets);
    measure(`SRV 11.1 for ${image.releaseId}: DCC response code`, update.code, { equals: 'I0' });
    const receipt = await expectDeviceAlert(duis, fdraVerifiedDlms, { from: chf, within: ESME_TRANSFER_WINDOW_MS, mac: 'absent', signature: 'valid' });
    measure('image hash the comms hub calculated', receipt.fields.calculatedImageHash, { equals: image.imageHash });
    measure('comms hub firmware before activation', await readFirmwareVersion(duis, chf, 'uncheckable'), { equals: premises.commsHub.firmwareImage });
    const outcome = await activate(duis, chf, 'CS06_11.3_IMMEDIATE', { FirmwareHash: image.imageHash }, MAINS_WINDOW_MS, 'CHF');
    expect(outcome, 'CS06: activated, running the new version').toEqual({ kind: 'outcome', result: 'success', firmwareVersion: image.versionOctets });
    await expectDeviceAlert(duis, gncaExecutingFirmwareChangedDlms, { from: chf, within: ALERT_WINDOW_MS });
    measure('comms hub firmware after activation', await readFirmwareVersion(duis, chf, 'uncheckable'), { equals: image.versionOctets });
    expectNoUnexpectedMessages(duis);
  },
);
