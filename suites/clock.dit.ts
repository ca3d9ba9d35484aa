// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Meter clocks: SRV 6.11 Synchronise Clock (ECS70 on the ESME, GCS28 on the GSME), a critical
 * service request sent as 8.1.1 commissioning is (CV 4 → pre-command → the user signs it →
 * CV 5 → I99 → the meter's signed response), and whether a meter keeps time.
 *
 * What a DUIS user can see of a meter's clock: the time a set-clock response reports (its
 * clock after the command), and the grouping header date-time of a read response (ECS17b from
 * the ESME, GCS13a from the GSME itself), which is the meter's clock when it answered.
 * Tolerances as commissioning: 60 s ESME, 3600 s GSME (DOMAIN.md) — the TolerancePeriod the
 * user sends, and how far a meter's clock may be from the DCC's time.
 *
 * [P] A meter sets its clock to the comms hub's time only when that time lies inside the
 * validity interval [CurrentDateTime, CurrentDateTime + TolerancePeriod]; a request whose
 * CurrentDateTime is wrong by more than the tolerance leaves the clock alone and is answered
 * with a failure (ECS70: adjust_to_preset_time not success; GCS28: a non-zero result).
 */
import { expect } from 'vitest';
import { ditCase } from '../harness/dit/dit-case.ts';
import type { DuisClient } from '../harness/dit/duis-client.ts';
import { expectDeviceResponse, expectNoUnexpectedMessages } from '../harness/dit/expectations.ts';
import type { MeterSpec } from '../harness/programme/premises-spec.ts';
import { headerDateTimeMs } from '../harness/protocol/gbcs/header-date-time.ts';
import { cosemDateTimeToDate } from '../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ecs17b } from '../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { ecs70 } from '../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { gcs13a } from '../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { gcs28 } from '../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { COMMISSIONING } from './commission-requests.ts';
import { sendCriticalRequest } from './critical-requests.ts';
import { meterWindow } from './han-checks.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What the suite needs to know per meter type. */
const CLOCK = {
  ESME: { synchronise: 'ECS70_6.11', read: 'ECS17b_4.1.1_SINGLE', toleranceS: COMMISSIONING.ESME.toleranceS },
  GSME: { synchronise: 'GCS28_6.11', read: 'GCS13a_4.1.1_UNRELIABLE', toleranceS: COMMISSIONING.GSME.toleranceS },
} as const;

interface SetClockOutcome {
  /** The meter set its clock. */
  readonly set: boolean;
  /** The meter's clock after the command, as it reports it. */
  readonly time: number;
  /** World time the response arrived. */
  readonly arrivedAt: number;
}

/** Sends 6.11 through the critical flow with this CurrentDateTime; returns what the meter answered. */
async function synchronise(duis: DuisClient, meter: MeterSpec, currentDateTime: number): Promise<SetClockOutcome> {
  const { synchronise: template, toleranceS } = CLOCK[meter.type];
  const body = { SynchroniseClock: { CurrentDateTime: new Date(currentDateTime).toISOString(), TolerancePeriod: String(toleranceS) } };
  const signed = await sendCriticalRequest(duis, template, { target: meter.eui, body });
  const within = meterWindow(meter);
  const response = await signed.response({ within });
  expect(response.signature, `the ${meter.type} signs its set-clock response`).toBe('valid');
  const arrivedAt = duis.now();
  if (meter.type === 'ESME') {
    const fields = expectDeviceResponse(response, ecs70, { from: meter.eui, mac: 'absent', within });
    if (!fields.time.ok) throw new Error(`the ESME did not report its time: ${fields.time.result}`);
    return { set: fields.adjustToPresetTime === 'success', time: cosemDateTimeToDate(fields.time.value)?.getTime() ?? NaN, arrivedAt };
  }
  const fields = expectDeviceResponse(response, gcs28, { from: meter.eui, mac: 'absent', within });
  return { set: fields.result === 0, time: Date.parse(fields.time), arrivedAt };
}

/** Reads the meter's clock: the header date-time of a read response from the meter itself. */
async function readClock(duis: DuisClient, meter: MeterSpec): Promise<{ time: number; arrivedAt: number }> {
  const exchange = await duis.send(CLOCK[meter.type].read, { target: meter.eui });
  expect(exchange.code, 'DCC acknowledgement of the read').toBe('I99');
  const within = meterWindow(meter);
  const response = await exchange.response({ within });
  if (meter.type === 'ESME') expectDeviceResponse(response, ecs17b, { from: meter.eui, within });
  else expectDeviceResponse(response, gcs13a, { from: meter.eui, within });
  const time = response.frame ? headerDateTimeMs(response.frame) : null;
  if (time === null) throw new Error(`the ${meter.type}'s read response carries no header date-time`);
  return { time, arrivedAt: duis.now() };
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}

for (const type of ['ESME', 'GSME'] as const) {
  const { toleranceS } = CLOCK[type];
  const useCase = type === 'ESME' ? 'ECS70' : 'GCS28';
  const bands = type === 'ESME' ? (['2.4GHz', '868MHz'] as const) : (['868MHz', '2.4GHz'] as const);

  ditCase(
    {
      id: `CLOCK-SYNC-${type}`,
      title: `Synchronise the ${type} clock (6.11 ${useCase}) through the critical flow: set, within ${toleranceS} s of the DCC time`,
      useCase,
      srv: '6.11',
      deviceTypes: [type],
      bands: [...bands],
      tags: ['confidence', 'formal', 'regression'],
      severity: 2,
    },
    async ({ duis, meter, measure }) => {
      const sentAt = duis.now();
      const outcome = await synchronise(duis, meter, sentAt);
      measure(`${type} clock set by 6.11`, outcome.set, { equals: true });
      measure(`${type} clock offset from the DCC time after 6.11`, seconds(outcome.time - outcome.arrivedAt), { min: -toleranceS, max: toleranceS, unit: 's' });
      expectNoUnexpectedMessages(duis);
    },
  );

  ditCase(
    {
      id: `CLOCK-DRIFT-${type}`,
      title: `The ${type} keeps time over a virtual day (read time within ${toleranceS} s), and 6.11 brings its clock back`,
      useCase,
      srv: '6.11',
      deviceTypes: [type],
      bands: [...bands],
      tags: ['formal', 'regression'],
      severity: 3,
      needs: ['clock'],
    },
    async ({ duis, bench, meter, measure }) => {
      await bench.advance(DAY);
      const before = await readClock(duis, meter);
      // checked last: a drifted clock fails the case, after the resynchronisation has been shown
      const driftS = seconds(before.time - before.arrivedAt);

      const outcome = await synchronise(duis, meter, duis.now());
      expect(outcome.set, `6.11 sets the ${type} clock`).toBe(true);
      expect(seconds(Math.abs(outcome.time - outcome.arrivedAt)), `${type} clock after 6.11 (s)`).toBeLessThanOrEqual(toleranceS);

      const after = await readClock(duis, meter);
      expect(seconds(Math.abs(after.time - after.arrivedAt)), `${type} clock read after 6.11 (s)`).toBeLessThanOrEqual(toleranceS);
      expectNoUnexpectedMessages(duis);
      measure(`${type} clock offset from the DCC time a virtual day after the start`, driftS, { min: -toleranceS, max: toleranceS, unit: 's' });
    },
  );
}

ditCase(
  {
    id: 'CLOCK-SYNC-ESME-OUTSIDE-TOLERANCE',
    title: 'A 6.11 whose CurrentDateTime is an hour out (tolerance 60 s) leaves the ESME clock alone: ECS70 not adjusted',
    useCase: 'ECS70',
    srv: '6.11',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['formal', 'regression'],
    severity: 2,
  },
  async ({ duis, meter }) => {
    const wrongTime = duis.now() - 60 * MINUTE;
    const outcome = await synchronise(duis, meter, wrongTime);
    expect(outcome.set, 'the ESME refuses a time outside the validity interval').toBe(false);
    expect(seconds(Math.abs(outcome.time - wrongTime)), 'the ESME clock did not take the wrong time (s from it)').toBeGreaterThan(CLOCK.ESME.toleranceS);
    expectNoUnexpectedMessages(duis);
  },
);
