// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Commissioning a meter (SRV 8.1.1) as a DUIS user does it: the critical flow (CV 4 → the
 * DCC's pre-command → the user's signature → CV 5 → I99), ECS70 on the ESME, GCS28 on the GSME
 * (answered at its next wake), the meter's signed response decoded to whether it set its clock
 * and the time it reports. Tolerances: 60 s ESME, 3600 s GSME (DOMAIN.md).
 */
import { expect } from 'vitest';
import type { DuisClient, DuisExchange } from '../harness/dit/duis-client.ts';
import { expectDeviceResponse } from '../harness/dit/expectations.ts';
import { describeResponseCode } from '../harness/protocol/duis/response-codes.ts';
import type { MeterSpec } from '../harness/programme/premises-spec.ts';
import { cosemDateTimeToDate } from '../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ecs70 } from '../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { gcs28 } from '../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { sendCriticalRequest } from './critical-requests.ts';
import { meterWindow } from './han-checks.ts';


/** What commissioning needs to know per meter type. */
export const COMMISSIONING = {
  ESME: { template: 'ECS70Commission_8.1.1', toleranceS: 60 },
  GSME: { template: 'GCS28Commission_8.1.1', toleranceS: 3600 },
} as const;

export function commissionBody(duis: DuisClient, toleranceS: number) {
  return { CommissionDeviceSynchroniseClock: { CurrentDateTime: new Date(duis.now()).toISOString(), TolerancePeriod: String(toleranceS) } };
}

/** Sends 8.1.1 to the meter through the critical flow (I99 checked); the exchange to await. */
export async function sendCommission(duis: DuisClient, meter: MeterSpec): Promise<DuisExchange> {
  const { template, toleranceS } = COMMISSIONING[meter.type];
  return sendCriticalRequest(duis, template, { target: meter.eui, body: commissionBody(duis, toleranceS) });
}

export interface CommissionOutcome {
  /** The meter set its clock inside the tolerance. */
  readonly set: boolean;
  /** Seconds between the clock the meter reports and the DCC time the request carried. */
  readonly offsetS: number;
}

/** Commissions the meter and returns what its signed response says. */
export async function commissionMeter(duis: DuisClient, meter: MeterSpec): Promise<CommissionOutcome> {
  const sentAt = duis.now();
  const within = meterWindow(meter);
  const response = await (await sendCommission(duis, meter)).response({ within });
  const code = response.message.responseCode;
  if (code !== 'I0') throw new Error(`commissioning the ${meter.type}: the DCC answered ${code} (${describeResponseCode(code)?.title ?? 'unknown code'}) instead of the meter's response`);
  expect(response.signature, `the ${meter.type} signs its commissioning response`).toBe('valid');
  if (meter.type === 'ESME') {
    const fields = expectDeviceResponse(response, ecs70, { from: meter.eui, mac: 'absent', within });
    if (!fields.time.ok) throw new Error(`the ESME did not report its time: ${fields.time.result}`);
    const time = cosemDateTimeToDate(fields.time.value)?.getTime() ?? NaN;
    return { set: fields.adjustToPresetTime === 'success', offsetS: Math.round((time - sentAt) / 1000) };
  }
  const fields = expectDeviceResponse(response, gcs28, { from: meter.eui, mac: 'absent', within });
  return { set: fields.result === 0, offsetS: Math.round((Date.parse(fields.time) - sentAt) / 1000) };
}
