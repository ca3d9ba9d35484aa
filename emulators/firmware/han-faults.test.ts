// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The HAN fault primitives (stale-mirror, fails-to-rejoin, lose-queued) and the alert storm,
 * declared in a profile, change what the DUIS user sees as declared: an emulated world driven by
 * DUIS requests and physical events, its responses and alerts read from the receiver.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { describe, expect, it } from 'vitest';
import { ecs52 } from '../../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { gcs13a } from '../../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { endPartyCipher } from '../testing/dcc-side.ts';
import { duisWorld, type DuisWorld } from '../testing/duis-world.ts';
import { testFault, testProfile } from '../testing/test-profiles.ts';
import type { WorldProfiles } from '../world.ts';
import { FaultSchema, type Fault, type FaultOf } from './profile-schema.ts';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const hubWith = (...faults: Fault[]): WorldProfiles => ({ commsHub: testProfile({ id: 'TEST-HUB', kind: 'comms-hub', faults }) });
const esmeWith = (...faults: Fault[]): WorldProfiles => ({ esme: testProfile({ id: 'TEST-ESME', kind: 'meter', faults }) });
const gsmeWith = (...faults: Fault[]): WorldProfiles => ({ gsme: testProfile({ id: 'TEST-GSME', kind: 'meter', faults }) });

/** GCS13a through the GPF: the mirrored summation, answered at once. */
async function gpfSummation(s: DuisWorld): Promise<number> {
  const { request } = await s.send('GCS13a_4.1.1_RELIABLE_GPF', s.w.premises.gpf.eui);
  await s.w.clock.advance(5 * SECOND);
  const opened = s.open(s.answerTo(request)!);
  const read = gcs13a.decodeResponse(opened.frame.payload, { header: opened.frame, cipher: endPartyCipher(s.w.keys, opened.frame) }).currentSummationDelivered;
  if (read.status !== 'success') throw new Error(`GPF read ${read.status}`);
  return read.value;
}

/** ECS52 to the ESME: answered within a minute, or null. */
async function esmeAnswers(s: DuisWorld): Promise<boolean> {
  const { request } = await s.send('ECS52_11.2', s.w.premises.esme.eui);
  await s.w.clock.advance(MINUTE);
  const answer = s.answerTo(request);
  if (answer) expect(ecs52.decodeResponse(s.open(answer).frame.payload, { header: s.open(answer).frame }).ok).toBe(true);
  return answer !== null;
}

/** GCS38 to the GSME: answered at its next wake, or not. */
async function gsmeAnswers(s: DuisWorld): Promise<boolean> {
  const { request, answer } = await s.send('GCS38_11.2', s.w.premises.gsme.eui);
  expect(answer.responseCode).toBe('I99');
  await s.nextGsmeWake();
  return s.answerTo(request)?.responseCode === 'I0';
}

describe('stale-mirror', () => {
  it('from its start time the GPF takes no more GSME reports: GPF reads stay at the last value taken while the meter counts on', async () => {
    const s = await duisWorld({ profiles: hubWith(testFault<FaultOf<'stale-mirror'>>({ id: 'S1', primitive: 'stale-mirror', trigger: { afterMs: HOUR } })) });
    await s.w.clock.advance(HOUR - MINUTE);
    const before = await gpfSummation(s);
    await s.w.clock.advance(2 * HOUR);
    const frozen = await gpfSummation(s);
    expect(s.w.premises.gsme.summation).toBeGreaterThan(frozen);
    await s.w.clock.advance(HOUR);
    expect(await gpfSummation(s)).toBe(frozen);
    expect(frozen).toBeGreaterThanOrEqual(before);
    expect(s.w.premises.firmwareFaults.log.length).toBeGreaterThanOrEqual(4);
    expect(s.w.premises.firmwareFaults.log[0]).toMatchObject({ faultId: 'S1', primitive: 'stale-mirror', direction: null, deviceType: 'GSME', applied: true, detail: expect.stringContaining('did not take the GSME report') });
  });

  it('queued commands still reach the GSME: only the attributes go stale', async () => {
    const s = await duisWorld({ profiles: hubWith(testFault<FaultOf<'stale-mirror'>>({ id: 'S2', primitive: 'stale-mirror' })) });
    expect(await gsmeAnswers(s)).toBe(true);
  });
});

describe('fails-to-rejoin', () => {
  const fault = (trigger?: { every: number }) => testFault<FaultOf<'fails-to-rejoin'>>({ id: 'R1', primitive: 'fails-to-rejoin', ...(trigger ? { trigger } : {}) });

  it('ESME: after a power cycle it stays off the HAN: no response, no supply-restored alert', async () => {
    const clean = await duisWorld();
    const s = await duisWorld({ profiles: esmeWith(fault()) });
    for (const w of [clean, s]) {
      w.w.premises.esme.setPowered(false);
      await w.w.clock.advance(5 * MINUTE);
      w.w.premises.esme.setPowered(true);
    }
    expect(await esmeAnswers(clean)).toBe(true);
    expect(clean.alerts('8F35')).toHaveLength(1);
    expect(await esmeAnswers(s)).toBe(false);
    expect(s.alerts()).toEqual([]);
    expect(s.w.premises.firmwareFaults.log).toMatchObject([{ faultId: 'R1', primitive: 'fails-to-rejoin', device: s.w.premises.esme.eui, applied: true }]);
  });

  it('GSME: after a battery change it stays off the HAN: commands get no response at its wakes', async () => {
    const s = await duisWorld({ profiles: gsmeWith(fault()) });
    s.w.premises.gsme.setBatteryPercent(0);
    await s.w.clock.advance(MINUTE);
    s.w.premises.gsme.setBatteryPercent(100);
    expect(await gsmeAnswers(s)).toBe(false);
  });

  it('the comms hub power cycle: every meter rejoins, one a hub fault acts on does not', async () => {
    const s = await duisWorld({ profiles: hubWith(testFault<FaultOf<'fails-to-rejoin'>>({ id: 'R2', primitive: 'fails-to-rejoin', deviceTypes: ['ESME'] })) });
    s.w.premises.commsHub.setPowered(false);
    await s.w.clock.advance(MINUTE);
    s.w.premises.commsHub.setPowered(true);
    expect(await esmeAnswers(s)).toBe(false);
    expect(await gsmeAnswers(s)).toBe(true);
  });

  it('after CCS01 re-adds it (every 2nd time): the first re-add rejoins, the second does not join in its window', async () => {
    const s = await duisWorld({ profiles: esmeWith(fault({ every: 2 })) });
    const esme = s.w.premises.esme.eui;
    const readd = async () => {
      s.w.premises.chf.addDevice({ eui: esme, deviceType: 'ESME', installCode: s.w.premises.installCodeOf(esme)!, joinTimeoutMs: 90_000 });
      await s.w.clock.advance(2 * MINUTE);
    };
    s.w.premises.chf.removeDevice(esme);
    await readd();
    expect(s.w.premises.chf.isJoined(esme)).toBe(true);
    s.w.premises.chf.removeDevice(esme);
    await readd();
    expect(s.w.premises.chf.isJoined(esme)).toBe(false);
    expect(await esmeAnswers(s)).toBe(false);
    // removed, added, joined, removed, added: no "joined" CS14 the second time
    expect(s.alerts('8F12')).toHaveLength(5);
  });
});

describe('lose-queued', () => {
  it('the CHF loses what it queued for the GSME: I99, then nothing at the wake, and no E21 later either', async () => {
    const s = await duisWorld({ profiles: hubWith(testFault<FaultOf<'lose-queued'>>({ id: 'L1', primitive: 'lose-queued', trigger: { every: 2 } })) });
    expect(await gsmeAnswers(s)).toBe(true);
    const { request } = await s.send('GCS38_11.2', s.w.premises.gsme.eui);
    const other = await s.send('GCS13a_4.1.1_UNRELIABLE', s.w.premises.gsme.eui);
    await s.nextGsmeWake();
    expect(s.answerTo(request)).toBeNull();
    expect(s.answerTo(other.request)).toBeNull();
    await s.w.clock.advance(25 * HOUR);
    expect(s.answerTo(request)).toBeNull();
    expect(await gsmeAnswers(s)).toBe(true);
    expect(s.w.premises.firmwareFaults.log).toMatchObject([{ faultId: 'L1', primitive: 'lose-queued', deviceType: 'GSME', applied: true }]);
  });
});

describe('alert-storm', () => {
  it('the GSME sends its low battery alert 4 times, 2 minutes apart: the same DUIS alert arrives 4 times', async () => {
    const s = await duisWorld({
      profiles: gsmeWith(testFault<FaultOf<'alert-storm'>>({ id: 'A1', primitive: 'alert-storm', useCase: 'GNCA', direction: 'alert', alertCode: '8F1F', times: 4, intervalMs: 2 * MINUTE })),
    });
    s.w.premises.gsme.setBatteryPercent(5);
    await s.w.clock.advance(MINUTE);
    expect(s.alerts('8F1F')).toHaveLength(1);
    await s.w.clock.advance(6 * MINUTE);
    const alerts = s.alerts('8F1F');
    expect(alerts).toHaveLength(4);
    expect(new Set(s.received.filter((x) => x.includes('8F1F')).map((x) => x.replace(/<sr:ResponseDateTime>[^<]*</, '')))).toHaveProperty('size', 1);
    expect(s.w.premises.firmwareFaults.log).toMatchObject([{ faultId: 'A1', primitive: 'alert-storm', detail: 'sent 4 times, 120000 ms apart' }]);
    // other alerts are left alone
    s.w.premises.gsme.setBatteryPercent(0);
    await s.w.clock.advance(10 * MINUTE);
    expect(s.alerts('8F1D')).toHaveLength(1);
  });

  it('a CS14 storm from the hub', async () => {
    const s = await duisWorld({ profiles: hubWith(testFault<FaultOf<'alert-storm'>>({ id: 'A2', primitive: 'alert-storm', useCase: 'CS14', direction: 'alert', times: 3, intervalMs: 0 })) });
    const body: XMLData = { UpdateHANDeviceLog: { DeviceID: '00-DB-12-34-56-78-90-A0', RequestType: 'Remove' } };
    await s.send('CCS02_8.11', s.w.premises.chf.eui, { body });
    await s.w.clock.advance(MINUTE);
    expect(s.alerts('8F12')).toHaveLength(3);
  });
});

describe('the schema', () => {
  it('an alert storm sends at least twice; HAN-event faults take no use case', () => {
    const storm = { id: 'X', description: 'd', illustrative: true, useCase: 'GNCA', direction: 'alert', primitive: 'alert-storm', intervalMs: 0 };
    expect(FaultSchema.safeParse({ ...storm, times: 1 }).success).toBe(false);
    expect(FaultSchema.safeParse({ ...storm, times: 2 }).success).toBe(true);
    const stale = { id: 'Y', description: 'd', illustrative: true, primitive: 'stale-mirror' };
    expect(FaultSchema.safeParse(stale).success).toBe(true);
    expect(FaultSchema.safeParse({ ...stale, useCase: 'GCS13a' }).success).toBe(false);
  });
});
