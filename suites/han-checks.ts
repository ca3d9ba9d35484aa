// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Checks of the HAN's health that DIT cases make, each written against the DUIS client and the
 * Bench alone (a DitContext) and each the one that finds a HAN fault of a firmware release:
 *
 * | check                           | finds                                                   |
 * | ------------------------------- | ------------------------------------------------------- |
 * | gpfMirrorFollowsTheMeter        | a GPF mirror the GSME's reports no longer refresh (stale-mirror) |
 * | queuedCommandsAllAnswered       | commands the CHF loses before the GSME collects them (lose-queued) |
 * | esmeRejoinsAfterPowerCycle      | an ESME that does not rejoin after its supply comes back (fails-to-rejoin) |
 * | gsmeRejoinsAfterBatteryChange   | a GSME that does not rejoin after a new battery (fails-to-rejoin) |
 * | lowBatteryAlertOnce             | a GSME that repeats its low battery alert (alert-storm) |
 *
 * The suites register them as cases (sleepy.dit.ts, join.dit.ts, alerts.dit.ts); a unit test of
 * the composition root runs them against worlds with and without each fault
 * (harness/cli/han-fault-detection.test.ts).
 */
import { expect } from 'vitest';
import type { DitContext } from '../harness/dit/dit-case.ts';
import type { DuisClient } from '../harness/dit/duis-client.ts';
import { expectDeviceAlert, expectDeviceResponse, expectNoUnexpectedMessages, expectQuietFor } from '../harness/dit/expectations.ts';
import type { MeterSpec } from '../harness/programme/premises-spec.ts';
import { ecs52 } from '../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { gcs13a } from '../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { gcs38 } from '../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { gncaGsmePowerSupplyLoss, gncaLowBattery } from '../harness/protocol/gbcs/payload/use-cases/power-alerts.ts';

export const MINUTE = 60_000;
/** Mains-powered devices answer within a minute (the ESME through the CHF tunnel, the GPF from its mirror). */
export const MAINS_WINDOW_MS = MINUTE;
/** A device alert reaches the user within a minute of its event. */
export const ALERT_WINDOW_MS = MINUTE;
/** Below this battery level (percent) a GSME reports low battery [P: the emulated meters' threshold, 10 %]. */
const LOW_BATTERY_LEVEL = 5;

/** A sleepy GSME answers at its next wake: one wake interval plus its latency. */
export function sleepyWindow(meter: MeterSpec): number {
  return (meter.wakeIntervalMinutes ?? 30) * MINUTE + MINUTE;
}

/** The window a meter answers in: a minute for the mains-powered ESME, the sleepy window for the GSME. */
export function meterWindow(meter: MeterSpec): number {
  return meter.type === 'ESME' ? MAINS_WINDOW_MS : sleepyWindow(meter);
}

/** The GCS13a templates: to the GSME itself (answered at its wake), or to the GPF (from its mirror). */
export type GasReadTemplate = 'GCS13a_4.1.1_UNRELIABLE' | 'GCS13a_4.1.1_RELIABLE_GPF';

/** SRV 4.1.1 GCS13a to `target`: acknowledged I99, its response within `within`, decoded. */
export async function readGasRegisters(duis: DuisClient, template: GasReadTemplate, target: string, within: number) {
  const exchange = await duis.send(template, { target });
  expect(exchange.code, 'DCC acknowledgement').toBe('I99');
  return expectDeviceResponse(await exchange.response({ within }), gcs13a, { from: target, within });
}

/** GCS13a's current summation delivered, read from `target` (the GSME itself, or the GPF). */
async function gasReading(duis: DuisClient, template: GasReadTemplate, target: string, within: number): Promise<number> {
  const reading = (await readGasRegisters(duis, template, target, within)).currentSummationDelivered;
  if (reading.status !== 'success') throw new Error(`GCS13a from ${target}: current summation delivered read ${reading.status}`);
  return reading.value;
}

/**
 * The GPF mirror is no older than the GSME's last wake: after consumption has accrued for a wake
 * interval, the GSME's own reading (answered at its next wake, when it also reports to its
 * mirror) is not above what the GPF answers right after.
 */
export async function gpfMirrorFollowsTheMeter({ duis, bench, premises, meter }: DitContext): Promise<void> {
  const window = sleepyWindow(meter);
  await bench.advance(window - MINUTE);
  const atTheMeter = await gasReading(duis, 'GCS13a_4.1.1_UNRELIABLE', meter.eui, window);
  const viaTheGpf = await gasReading(duis, 'GCS13a_4.1.1_RELIABLE_GPF', premises.commsHub.gpf, MAINS_WINDOW_MS);
  expect(viaTheGpf, 'GPF mirror after the GSME reported at its wake: not older than the meter’s reading then').toBeGreaterThanOrEqual(atTheMeter);
  expectNoUnexpectedMessages(duis);
}

/** Two commands queued for the GSME together are both answered at its next wake. */
export async function queuedCommandsAllAnswered({ duis, meter }: DitContext): Promise<void> {
  const window = sleepyWindow(meter);
  const firmware = await duis.send('GCS38_11.2', { target: meter.eui });
  const consumption = await duis.send('GCS13a_4.1.1_UNRELIABLE', { target: meter.eui });
  expect([firmware.code, consumption.code], 'DCC acknowledgements').toEqual(['I99', 'I99']);
  expectDeviceResponse(await firmware.response({ within: window }), gcs38, { from: meter.eui, within: window });
  expectDeviceResponse(await consumption.response({ within: window }), gcs13a, { from: meter.eui, within: window });
  expectNoUnexpectedMessages(duis);
}

/** The ESME is back on the HAN after a short supply outage: it answers a read at once. */
export async function esmeRejoinsAfterPowerCycle({ duis, bench, meter }: DitContext): Promise<void> {
  await bench.powerOff(meter.eui);
  await bench.advance(MINUTE);
  await bench.powerOn(meter.eui);
  const exchange = await duis.send('ECS52_11.2', { target: meter.eui });
  expect(exchange.code, 'DCC acknowledgement').toBe('I99');
  const fields = expectDeviceResponse(await exchange.response({ within: MAINS_WINDOW_MS }), ecs52, { from: meter.eui, within: MAINS_WINDOW_MS });
  expect(fields.ok, 'ECS52 after the power cycle').toBe(true);
  // an outage under 3 minutes raises no supply-restored alert
  expectNoUnexpectedMessages(duis);
}

/** The GSME is back on the HAN after its battery is changed: it answers a read at its next wake. */
export async function gsmeRejoinsAfterBatteryChange({ duis, bench, meter }: DitContext): Promise<void> {
  await bench.setBattery(meter.eui, 0);
  await expectDeviceAlert(duis, gncaGsmePowerSupplyLoss, { from: meter.eui, within: ALERT_WINDOW_MS });
  await bench.setBattery(meter.eui, 100);
  const window = sleepyWindow(meter);
  const exchange = await duis.send('GCS38_11.2', { target: meter.eui });
  expect(exchange.code, 'DCC acknowledgement').toBe('I99');
  expectDeviceResponse(await exchange.response({ within: window }), gcs38, { from: meter.eui, within: window });
  expectNoUnexpectedMessages(duis);
}

/** The battery falls below the low level: one 0x8F1F alert, stamped at the fall, and no more. */
export async function lowBatteryAlertOnce({ duis, bench, meter }: DitContext): Promise<void> {
  const at = bench.now();
  await bench.setBattery(meter.eui, LOW_BATTERY_LEVEL);
  const alert = await expectDeviceAlert(duis, gncaLowBattery, { from: meter.eui, within: ALERT_WINDOW_MS });
  expect(alert.fields.timeStamp.getTime(), '0x8F1F time stamp (whole seconds)').toBe(Math.floor(at / 1000) * 1000);
  // a further fall below the level is not a new crossing
  await bench.setBattery(meter.eui, LOW_BATTERY_LEVEL - 1);
  await expectQuietFor(duis, bench, 5 * MINUTE);
}
