// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The comms hub's device logs, as a Service User reads and restores them through DUIS alone
 * (DOMAIN.md "Joining and commissioning", step 6; SRV 8.9 and 8.12):
 *
 * - the CHF Device Log read (8.9, CCS06) lists every meter with its link: signal strength
 *   (RSSI max ≥ average ≥ min, LQI), band and last-communication time; the security details
 *   read (8.9 ReadSecurityDetails, CCS07) gives the CHF and GPF Device Logs with their key
 *   material; a meter removed (8.11 Remove, CCS02, to the Historic Device Log) leaves the read
 *   and gets no response; restoring the CHF Device Log (8.12.1, CCS03) from the hub's own logs
 *   brings it back — CS14 0x8F12 lists it, the read lists it, it answers again — and restoring
 *   the GPF Device Log (8.12.2, GCS59) answers success for every device restored;
 * - the GSME's device log (8.9, CS07, at its next wake) lists a display it has joined (8.7.2,
 *   CS03B).
 */
import { expect } from 'vitest';
import { ditCase } from '../harness/dit/dit-case.ts';
import type { DuisClient, DuisExchange, SendOptions } from '../harness/dit/duis-client.ts';
import { expectDeviceResponse, expectNoUnexpectedMessages } from '../harness/dit/expectations.ts';
import { toDuisEui } from '../harness/protocol/duis/eui.ts';
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import { ccs03 } from '../harness/protocol/gbcs/payload/use-cases/ccs03.ts';
import { ccs06, CCS06_BAND_CODE, type ChfDeviceLogLink } from '../harness/protocol/gbcs/payload/use-cases/ccs06.ts';
import { ccs07 } from '../harness/protocol/gbcs/payload/use-cases/ccs07.ts';
import { cs07 } from '../harness/protocol/gbcs/payload/use-cases/cs07.ts';
import { ecs17b } from '../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { gcs59, GCS59_RESULT } from '../harness/protocol/gbcs/payload/use-cases/gcs59.ts';
import { cs03b, JOIN_SERVICE_RESULT } from '../harness/protocol/gbcs/payload/use-cases/join-service.ts';
import { nextDeviceLog, removeFromDeviceLog } from './device-log-requests.ts';
import { sleepyWindow } from './han-checks.ts';

const MINUTE = 60_000;
/** The CHF, the GPF and the ESME answer within a minute. */
const MAINS_WINDOW_MS = MINUTE;
/** A device alert reaches the user within a minute of its event. */
const ALERT_WINDOW_MS = MINUTE;
/** An IHD's EUI-64 (RTDS CS03B joins 00-DB-12-34-56-78-90-9C). */
const IHD = '00DB12345678909C';

type Body = NonNullable<SendOptions['body']>;

async function acknowledged(duis: DuisClient, template: string, target: Eui64, body?: Body): Promise<DuisExchange> {
  const exchange = await duis.send(template, { target, ...(body ? { body } : {}) });
  expect(exchange.code, `${template}: DCC acknowledgement`).toBe('I99');
  return exchange;
}

/** The CHF Device Log with each device's link (CCS06); the CHF answers the ACB, whose MAC the user cannot check. */
async function readChfDeviceLog(duis: DuisClient, chf: Eui64): Promise<readonly ChfDeviceLogLink[]> {
  const exchange = await acknowledged(duis, 'CCS06_8.9', chf, { ReadDeviceLog: '' });
  const fields = expectDeviceResponse(await exchange.response({ within: MAINS_WINDOW_MS }), ccs06, { from: chf, mac: 'uncheckable', within: MAINS_WINDOW_MS });
  if (!fields.ok) throw new Error(`CCS06 answered ${fields.result}, expected the device log`);
  return fields.devices;
}

ditCase(
  {
    id: 'DEVLOG-CHF-READ-REMOVE-RESTORE',
    title: 'CHF Device Log read with link signal (CCS06) and security details (CCS07); a meter removed (CCS02) and the CHF and GPF logs restored (CCS03, GCS59)',
    useCase: 'CCS06',
    srv: '8.9',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['formal', 'regression'],
    // a hub replacement that loses its meters blocks the premises with no workaround (DOMAIN.md: "cannot join")
    severity: 1,
    needs: ['clock'],
  },
  async ({ duis, premises, meter }) => {
    const { chf, gpf } = premises.commsHub;
    const meters = premises.meters.map((m) => m.eui);

    const links = await readChfDeviceLog(duis, chf);
    expect(links.map((l) => l.deviceId).sort(), 'CCS06: every meter of the premises is in the CHF Device Log').toEqual([...meters].sort());
    for (const link of links) {
      const about = `CCS06 link of ${link.deviceId}`;
      expect(link.rssiMaxDbm, `${about}: RSSI max ≥ average`).toBeGreaterThanOrEqual(link.rssiAverageDbm);
      expect(link.rssiAverageDbm, `${about}: RSSI average ≥ min`).toBeGreaterThanOrEqual(link.rssiMinDbm);
      expect(link.rssiMaxDbm, `${about}: RSSI is a received level (dBm below 0)`).toBeLessThan(0);
      expect(link.lqiMin, `${about}: LQI min ≤ max`).toBeLessThanOrEqual(link.lqiMax);
      const band = premises.meters.find((m) => m.eui === link.deviceId)!.band;
      expect(link.band, `${about}: band`).toBe(band === '868MHz' ? CCS06_BAND_CODE.subGhz : CCS06_BAND_CODE.band24GHz);
    }
    const own = links.find((l) => l.deviceId === meter.eui)!;
    expect(own.lastCommunicationAt.year, `CCS06: the CHF has heard from ${meter.eui}`).not.toBeNull();

    const security = await acknowledged(duis, 'CCS07_8.9', chf, { ReadDeviceLog: { ReadSecurityDetails: '' } });
    const logs = expectDeviceResponse(await security.response({ within: MAINS_WINDOW_MS }), ccs07, { from: chf, mac: 'uncheckable', within: MAINS_WINDOW_MS });
    if (!logs.chfDeviceLog.ok || !logs.gpfDeviceLog.ok) throw new Error('CCS07: expected both device logs');
    expect(logs.chfDeviceLog.details.devices.map((d) => d.deviceId).sort(), 'CCS07: CHF Device Log devices').toEqual([...meters].sort());
    logs.chfDeviceLog.details.devices.forEach((d) => expect(d.keyHash, `CCS07: key material of ${d.deviceId}`).toHaveLength(16));

    await removeFromDeviceLog(duis, chf, meter);
    expect((await readChfDeviceLog(duis, chf)).map((l) => l.deviceId), 'CCS06 after the removal').not.toContain(meter.eui);
    const unanswered = await acknowledged(duis, 'ECS17b_4.1.1_SINGLE', meter.eui);
    await expect(unanswered.response({ within: MAINS_WINDOW_MS }), 'no response from a meter out of the Device Log').rejects.toThrow(/no DUIS response/);

    // the hub's own logs, as the DCC holds them from the CCS07 read, restored onto it
    const restore = await acknowledged(duis, 'CCS03_8.12.1', chf, { RestoreHANDeviceLog: { OldCHFID: toDuisEui(chf) } });
    expect(expectDeviceResponse(await restore.response({ within: MAINS_WINDOW_MS }), ccs03, { from: chf, mac: 'uncheckable' }).restoreDeviceLog, 'CCS03 result').toBe('success');
    expect(await nextDeviceLog(duis, chf, ALERT_WINDOW_MS), 'CS14 after the restore').toContain(meter.eui);
    expect((await readChfDeviceLog(duis, chf)).map((l) => l.deviceId).sort(), 'CCS06 after the restore').toEqual([...meters].sort());
    const answered = await acknowledged(duis, 'ECS17b_4.1.1_SINGLE', meter.eui);
    expect(expectDeviceResponse(await answered.response({ within: MAINS_WINDOW_MS }), ecs17b, { from: meter.eui }).ok, 'ECS17b after the restore').toBe(true);

    const gpfRestore = await acknowledged(duis, 'GCS59_8.12.2', gpf, { RestoreGPFDeviceLog: { OldGPFID: toDuisEui(gpf) } });
    const restored = expectDeviceResponse(await gpfRestore.response({ within: MAINS_WINDOW_MS }), gcs59, { from: gpf, within: MAINS_WINDOW_MS });
    expect(restored.results.map((r) => r.device.deviceId), 'GCS59: the GPF Device Log the CCS07 read gave').toEqual(logs.gpfDeviceLog.details.devices.map((d) => d.deviceId));
    restored.results.forEach((r) => expect(r.result, `GCS59 result for ${r.device.deviceId}`).toBe(GCS59_RESULT.success));
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'DEVLOG-GSME-JOIN-DETAILS',
    title: 'GSME device log (CS07) lists a display it joined (CS03B)',
    useCase: 'CS07',
    srv: '8.9',
    deviceTypes: ['GSME'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['formal', 'regression'],
    // a wrong device log read misleads the supplier; the join itself still works
    severity: 3,
    needs: ['clock'],
  },
  async ({ duis, premises, meter, measure }) => {
    // a sleepy meter answers at its next wake: one wake interval plus its response latency
    const window = sleepyWindow(meter);
    const join = await acknowledged(duis, 'CS03B_8.7.2', meter.eui, { JoinServiceNonCritical: { OtherDeviceID: toDuisEui(IHD) } });
    expect(expectDeviceResponse(await join.response({ within: window }), cs03b, { from: meter.eui, within: window }).result, 'CS03B result').toBe(JOIN_SERVICE_RESULT.success);

    const read = await acknowledged(duis, 'CS07_8.9', meter.eui, { ReadDeviceLog: '' });
    const log = expectDeviceResponse(await read.response({ within: window }), cs07, { from: meter.eui, within: window });
    if (!log.ok) throw new Error(`CS07 answered result ${log.result}, expected the device log`);
    const listed = log.devices.map((d) => d.deviceId);
    expect(listed, 'CS07: the joined display is in the GSME device log').toContain(IHD);
    // every other entry is a device the GSME can be joined with on this premises: its GPF, a Type 1 device of the inventory
    const known = new Set<string>([IHD, premises.commsHub.gpf, ...(premises.type1Devices ?? []).map((d) => d.eui)]);
    measure('CS07 entries that are no device of the premises', listed.filter((id) => !known.has(id)).length, { equals: 0 });
    measure('CS07 entries listed more than once', listed.length - new Set(listed).size, { equals: 0 });
    // the join's 0x8F49 alert is the join suite's subject
    expectNoUnexpectedMessages(duis, ['8F49']);
  },
);
