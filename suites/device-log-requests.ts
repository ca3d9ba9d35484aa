// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How a suite changes the CHF Device Log through DUIS (SRV 8.11: CCS01 add, CCS02 remove) and
 * reads the CS14 0x8F12 alerts that follow, with the DUIS forms of what it carries (a dashed
 * EUI-64, an install code as hex).
 */
import { expect } from 'vitest';
import type { DuisClient, SendOptions } from '../harness/dit/duis-client.ts';
import { expectDeviceAlert, expectDeviceResponse } from '../harness/dit/expectations.ts';
import type { MeterSpec } from '../harness/programme/premises-spec.ts';
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import { ccs01 } from '../harness/protocol/gbcs/payload/use-cases/ccs01.ts';
import { ccs02 } from '../harness/protocol/gbcs/payload/use-cases/ccs02.ts';
import { cs14DeviceLogChanged } from '../harness/protocol/gbcs/payload/use-cases/cs14-device-log-changed.ts';

const MINUTE = 60_000;
/** The CHF answers within a minute. */
const CHF_WINDOW_MS = MINUTE;
/** Join window the user gives on CCS01 (RTDS template: 90 s). */
export const JOIN_TIME_PERIOD_S = 90;
/** A whitelisted meter joins inside its join window; its CS14 follows within a minute of the window. */
export const REJOIN_WINDOW_MS = JOIN_TIME_PERIOD_S * 1000 + MINUTE;

export function duisEui(eui: Eui64): string {
  return eui.match(/../g)!.join('-');
}

/** 16 ASCII characters as DUIS carries an install code: 32 hex digits. */
export function installCodeHex(ascii: string): string {
  return Buffer.from(ascii, 'ascii').toString('hex').toUpperCase();
}

type Body = NonNullable<SendOptions['body']>;

/** Sends 8.11 to the CHF and returns its response (the CHF answers the ACB: the user cannot check that MAC). */
export async function updateDeviceLog(duis: DuisClient, template: 'CCS01_8.11' | 'CCS02_8.11', chf: Eui64, body: Body) {
  const exchange = await duis.send(template, { target: chf, body: { UpdateHANDeviceLog: body } });
  expect(exchange.code, 'DCC acknowledgement').toBe('I99');
  return exchange.response({ within: CHF_WINDOW_MS });
}

/** The devices the next CS14 0x8F12 from the CHF lists. */
export async function nextDeviceLog(duis: DuisClient, chf: Eui64, within: number): Promise<string[]> {
  // CS14 goes to the DCC Access Control Broker: the user holds no key to check its MAC
  const alert = await expectDeviceAlert(duis, cs14DeviceLogChanged, { from: chf, within, mac: 'uncheckable' });
  return alert.fields.devices.map((d) => d.deviceId);
}

/** CCS02: the meter out of the Device Log; the CS14 that follows no longer lists it. */
export async function removeFromDeviceLog(duis: DuisClient, chf: Eui64, meter: MeterSpec): Promise<void> {
  const removed = await updateDeviceLog(duis, 'CCS02_8.11', chf, { DeviceID: duisEui(meter.eui), RequestType: 'Remove' });
  expect(expectDeviceResponse(removed, ccs02, { from: chf, mac: 'uncheckable', within: CHF_WINDOW_MS }).unregisterDevice, 'CCS02 result').toBe('success');
  expect(await nextDeviceLog(duis, chf, MINUTE), 'CS14 device log after the removal').not.toContain(meter.eui);
}

/**
 * CCS01: the meter whitelisted again with its install code; it joins inside its window (a CS14
 * each time). Returns the world time from the whitelisting request to the CS14 listing it joined.
 */
export async function addToDeviceLogAndRejoin(duis: DuisClient, chf: Eui64, meter: MeterSpec): Promise<number> {
  const sentAt = duis.now();
  const added = await updateDeviceLog(duis, 'CCS01_8.11', chf, {
    DeviceID: duisEui(meter.eui),
    RequestType: 'Add',
    AddDeviceToCHFWhitelist: { JoinTimePeriod: String(JOIN_TIME_PERIOD_S), InstallCode: installCodeHex(meter.installCode) },
  });
  const addResults = expectDeviceResponse(added, ccs01, { from: chf, mac: 'uncheckable', within: CHF_WINDOW_MS });
  expect(addResults, 'CCS01 results').toEqual({ registerDevice: 'success', setJoinTimeout: 'success', setEnableJoining: 'success' });
  expect(await nextDeviceLog(duis, chf, MINUTE), 'CS14 device log once whitelisted').toContain(meter.eui);
  expect(await nextDeviceLog(duis, chf, REJOIN_WINDOW_MS), 'CS14 device log once joined').toContain(meter.eui);
  return duis.now() - sentAt;
}
