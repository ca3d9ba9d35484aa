// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Checks of the sub-GHz duty cycle a DIT case makes, each against the DUIS client and the Bench
 * alone (a DitContext): the Bench's duty-cycle pressure makes the comms hub transmit filler to a
 * meter, and the user watches what the CHF reports (DOMAIN.md "The two HAN bands"):
 *
 * | check                              | shows                                                     |
 * | ---------------------------------- | --------------------------------------------------------- |
 * | hubDutyCycleEscalatesAndRecovers   | Normal → Limited → Critical → Suspended with 0x8F20 (naming the meter the hub suspends), 0x8F22, 0x8F24 in that order; a command discarded while Suspended (0x8F2C naming it, no response); recovery with 0x8F25, 0x8F23, 0x8F21 in that order |
 * | noDutyCycleOn24GHz                 | the same pressure on 2.4 GHz: no duty-cycle alert, the meter answers at once |
 * | heldAlertsFollowTheSuspension      | a meter the hub suspends (SuspendZCLMessages at Limited) holds its non-essential alerts until the suspension ends, then sends them — finds a meter that ignores SuspendZCLMessages (ignores-suspend-zcl) and one that loses what it held (loses-held-after-suspension) |
 *
 * The CHF's alerts go to the DCC Access Control Broker: the user holds no key to check their MAC.
 * [P] The CHF asks for a suspension of SUSPEND_PERIOD_MS, longer than a GSME wake interval; the
 * user does not see SuspendZCLMessages itself (it stays on the HAN), only its effect.
 */
import { expect } from 'vitest';
import type { DitContext } from '../harness/dit/dit-case.ts';
import type { DuisClient } from '../harness/dit/duis-client.ts';
import { expectDeviceAlert, expectDeviceResponse, expectNoUnexpectedMessages, expectQuietFor, type ReceivedDeviceAlert } from '../harness/dit/expectations.ts';
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import type { AlertCodec } from '../harness/protocol/gbcs/payload/use-cases/use-case-codec.ts';
import { dbch10MessageDiscarded } from '../harness/protocol/gbcs/payload/use-cases/dbch10-message-discarded.ts';
import { ecs52 } from '../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { gncaLowBattery } from '../harness/protocol/gbcs/payload/use-cases/power-alerts.ts';
import { dbch06LimitedDutyCycleActionTaken } from '../harness/protocol/gbcs/payload/use-cases/sub-ghz-device-alerts.ts';
import {
  gncaDutyCycleBelowCritical,
  gncaDutyCycleBelowLimited,
  gncaDutyCycleBelowRegulated,
  gncaDutyCycleCriticalActionTaken,
  gncaDutyCycleRegulatedActionTaken,
} from '../harness/protocol/gbcs/payload/use-cases/sub-ghz-generic-alerts.ts';
import { ALERT_WINDOW_MS, MAINS_WINDOW_MS, MINUTE, sleepyWindow } from './han-checks.ts';

/** Filler the hub sends per push: about 0.08 % of an hour's airtime at 100 kbit/s. */
const FILLER_CHUNK_BYTES = 20_000;
/** World time between pushes: more than the CHF's alert latency, so an alert shows before the next push. */
const PUSH_STEP_MS = 10_000;
/** Pushes before giving up: far more than any threshold up to the regulatory limit needs. */
const MAX_PUSHES = 600;
/** The duty-cycle window is one hour: what the pushes sent has left it within this [V: CEPT one-hour observation]. */
const RECOVERY_WINDOW_MS = 75 * MINUTE;
/** [P] The suspension the CHF asks for with SuspendZCLMessages. */
const SUSPEND_PERIOD_MS = 60 * MINUTE;

const STEP_UP = ['8F20', '8F22', '8F24'] as const;
const STEP_DOWN = ['8F25', '8F23', '8F21'] as const;
const DUTY_CYCLE_CODES = [...STEP_UP, ...STEP_DOWN, '8F2C', '8F2D'];

/** Whether a DUIS device alert with this code is in the inbox, not yet taken. */
function arrived(duis: DuisClient, alertCode: string): boolean {
  return duis.untaken().some((m) => m.kind === 'device-alert' && m.alertCode?.toUpperCase() === alertCode);
}

/** Pushes filler to the meter, a chunk every PUSH_STEP_MS, until the CHF's alert `alertCode` arrives; how many pushes it took. */
async function pushHubUntil({ duis, bench, meter }: DitContext, alertCode: string): Promise<number> {
  for (let pushes = 1; pushes <= MAX_PUSHES; pushes++) {
    await bench.transmitFiller(meter.eui, FILLER_CHUNK_BYTES);
    await bench.advance(PUSH_STEP_MS);
    if (arrived(duis, alertCode)) return pushes;
  }
  throw new Error(`${MAX_PUSHES} pushes of ${FILLER_CHUNK_BYTES} filler bytes to ${meter.eui} and no alert ${alertCode} from the CHF`);
}

/** Takes a CHF duty-cycle alert (to the ACB: MAC uncheckable by the user). */
function chfAlert<A>(duis: DuisClient, chf: Eui64, codec: AlertCodec<A>, within: number): Promise<ReceivedDeviceAlert<A>> {
  return expectDeviceAlert(duis, codec, { from: chf, within, mac: 'uncheckable' });
}

/** Asserts the alerts were raised in this order (the CHF's originator counters increase). */
function expectInOrder(alerts: ReadonlyArray<ReceivedDeviceAlert<unknown>>, what: string): void {
  const counters = alerts.map((a) => a.frame.counter);
  expect([...counters].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), `${what}: raised in this order (CHF counters)`).toEqual(counters);
}

/**
 * The hub pushed to Limited, Critical and Suspended by filler to the meter, each step with its
 * alert; a command for the meter discarded while Suspended (0x8F2C names it, no response ever
 * comes); the duty cycle back to Normal an hour on, a step at a time with its alerts.
 */
export async function hubDutyCycleEscalatesAndRecovers(ctx: DitContext): Promise<void> {
  const { duis, premises, meter } = ctx;
  const chf = premises.commsHub.chf;

  await pushHubUntil(ctx, '8F20');
  const limited = await chfAlert(duis, chf, dbch06LimitedDutyCycleActionTaken, 0);
  expect(limited.fields.deviceId, '0x8F20 names the meter the hub tells to suspend').toBe(meter.eui);
  await pushHubUntil(ctx, '8F22');
  const critical = await chfAlert(duis, chf, gncaDutyCycleCriticalActionTaken, 0);
  await pushHubUntil(ctx, '8F24');
  const suspended = await chfAlert(duis, chf, gncaDutyCycleRegulatedActionTaken, 0);
  expectInOrder([limited, critical, suspended], 'Limited, Critical, Suspended');
  expectNoUnexpectedMessages(duis);

  // Suspended: the hub discards what it would send the meter, and says which message it was
  const window = sleepyWindow(meter);
  const read = await duis.send('GCS38_11.2', { target: meter.eui });
  expect(read.code, 'DCC acknowledgement').toBe('I99');
  const discarded = await chfAlert(duis, chf, dbch10MessageDiscarded, window);
  expect(discarded.fields.discarded, '0x8F2C names the discarded command').toEqual({
    originator: duis.user.eui,
    target: meter.eui,
    craFlag: 1,
    originatorCounter: read.request.requestId.counter,
  });

  // an hour after the pushes the usage falls: one step at a time, each with its alert
  const belowRegulated = await chfAlert(duis, chf, gncaDutyCycleBelowRegulated, RECOVERY_WINDOW_MS);
  const belowCritical = await chfAlert(duis, chf, gncaDutyCycleBelowCritical, RECOVERY_WINDOW_MS);
  const belowLimited = await chfAlert(duis, chf, gncaDutyCycleBelowLimited, RECOVERY_WINDOW_MS);
  expectInOrder([suspended, discarded, belowRegulated, belowCritical, belowLimited], 'the discard, then back below Suspended, Critical, Limited');
  // the discarded command is gone: no response to it, ever
  expectNoUnexpectedMessages(duis);
}

/** The same pressure towards a meter on 2.4 GHz: no duty-cycle alert, and the meter answers at once. */
export async function noDutyCycleOn24GHz({ duis, bench, meter }: DitContext): Promise<void> {
  for (let pushes = 0; pushes < 200; pushes++) await bench.transmitFiller(meter.eui, FILLER_CHUNK_BYTES);
  await expectQuietFor(duis, bench, 10 * MINUTE);
  expect(
    DUTY_CYCLE_CODES.filter((code) => arrived(duis, code)),
    'duty-cycle alerts on 2.4 GHz',
  ).toEqual([]);
  const exchange = await duis.send('ECS52_11.2', { target: meter.eui });
  expect(exchange.code, 'DCC acknowledgement').toBe('I99');
  expectDeviceResponse(await exchange.response({ within: MAINS_WINDOW_MS }), ecs52, { from: meter.eui, within: MAINS_WINDOW_MS });
  expectNoUnexpectedMessages(duis);
}

/**
 * The hub pushed to Limited tells the meter to suspend (0x8F20 names it); a sleepy meter takes it
 * at its next wake, within one wake interval. A low-battery alert raised then is held: nothing
 * within the alert window, and the alert once the suspension ends.
 */
export async function heldAlertsFollowTheSuspension(ctx: DitContext): Promise<void> {
  const { duis, bench, premises, meter } = ctx;
  const chf = premises.commsHub.chf;
  await pushHubUntil(ctx, '8F20');
  const limited = await chfAlert(duis, chf, dbch06LimitedDutyCycleActionTaken, 0);
  expect(limited.fields.deviceId, '0x8F20 names the meter the hub tells to suspend').toBe(meter.eui);
  // the meter has taken SuspendZCLMessages by its next wake
  await expectQuietFor(duis, bench, sleepyWindow(meter));
  await bench.setBattery(meter.eui, 5);
  await bench.advance(ALERT_WINDOW_MS);
  expect(arrived(duis, '8F1F'), 'low battery alert held while the meter is suspended (it came at once: the meter ignored SuspendZCLMessages)').toBe(false);
  await expectDeviceAlert(duis, gncaLowBattery, { from: meter.eui, within: SUSPEND_PERIOD_MS });
  expectNoUnexpectedMessages(duis, [...STEP_DOWN]);
}
